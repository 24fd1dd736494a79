import { join } from "path";
import type { StandInOptions } from "../../support/excel-standin";
import { browserBundle } from "./browserBundle";

/** A sheet the user had before the add-in ran: its name, values from A1, and a fill. */
export interface UserSheet {
  name: string;
  values: (string | number | boolean)[][];
  fill?: { range: string; color: string };
}

const ENTRY = join(__dirname, "..", "..", "support", "excel-standin", "browser-entry.ts");

/**
 * The script a page gets in place of Office.js: the stand-in bundled for the browser, installed
 * with `options`, and the user's sheets filled in directly (no request, nothing counted). Its
 * Office.onReady resolves at once, so the pane's bundle starts as it would in Excel.
 */
export function officeStandInScript(
  options: Omit<StandInOptions, "sheets" | "target">,
  userSheets: UserSheet[]
): string {
  const bundle = browserBundle(ENTRY);
  const pageOptions: StandInOptions = { ...options, sheets: userSheets.map((s) => s.name) };
  const fillIn = userSheets.map((sheet) => {
    const view = `window.__excelStandIn.workbook.sheet(${JSON.stringify(sheet.name)})`;
    const fill = sheet.fill
      ? `.setFill(${JSON.stringify(sheet.fill.range)}, ${JSON.stringify(sheet.fill.color)})`
      : "";
    return `${view}.setValues("A1", ${JSON.stringify(sheet.values)})${fill};`;
  });
  return [`window.__excelStandInOptions = ${JSON.stringify(pageOptions)};`, bundle, ...fillIn].join(
    "\n"
  );
}
