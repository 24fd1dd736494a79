/**
 * Which spreadsheet runs the pane: WPS 表格 gives its pages `window.Application` (the ET object
 * model) and loads no Office.js; Excel loads Office.js. Decided once at start (index.tsx); the
 * rest of the pane sees only WorkbookActions.
 */
export type PaneHost = "wps" | "office";

export function detectHost(scope: unknown): PaneHost {
  const page = scope as { Office?: unknown; Application?: unknown };
  const office = typeof page.Office === "object" && page.Office !== null;
  const et = typeof page.Application === "object" && page.Application !== null;
  return et && !office ? "wps" : "office";
}

/** Where the pane opens: at 导入分解表 when the ribbon's button of that name opened it. */
export type PaneStart = "import" | undefined;

/** The query that opens the pane at `start` ("" for none): what manifest.xml and WPS's ribbon give. */
export function startSearch(start: PaneStart): string {
  return start ? `?start=${start}` : "";
}

/** The start the page's address asks for: taskpane.html?start=import (manifest.xml). */
export function startOf(search: string): PaneStart {
  return new URLSearchParams(search).get("start") === "import" ? "import" : undefined;
}
