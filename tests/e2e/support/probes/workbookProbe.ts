/**
 * What the shared pane steps (../paneSteps.ts) read from a stand-in's workbook inside the page,
 * the same for Excel and WPS: each host's probe (excel.ts, et.ts) answers it from its stand-in's
 * model directly (nothing counted), in one form — colours "#RRGGBB", empty cells "", links
 * "Sheet!A1" — so that one assertion holds for both hosts.
 */

export type CellValue = string | number | boolean;

/** A sheet the user had before the add-in ran: its name, values from A1, and a fill. */
export interface UserSheet {
  name: string;
  values: CellValue[][];
  fill?: { range: string; color: string };
}

export interface ProbeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** The note (批注) 校验 writes, or null. */
  note: string | null;
  /** Where a link in the cell goes ("区重点工作!B5"): a hyperlink or a HYPERLINK formula; or null. */
  link: string | null;
}

export interface WorkbookProbe {
  /** Puts a user's sheet into the workbook before the pane starts (set-up, nothing counted). */
  seed(sheet: UserSheet): void;
  /** The tabs a user can see or unhide, in order (the add-in's very hidden record left out). */
  sheetNames(): string[];
  activeSheet(): string;
  /** The active cell, "Sheet!A1". */
  selection(): string;
  cell(sheet: string, address: string): ProbeCell;
  /** Values (or their text as shown) from A1 to the last cell holding a value; "" for empty. */
  grid(sheet: string, kind: "values" | "text"): CellValue[][];
  /** A user typing text into a cell. */
  type(sheet: string, address: string, value: string): void;
  /** Everything kept of the sheets, as JSON per cell ("Sheet!key") and per sheet for the rest. */
  flat(sheets: string[]): Record<string, string>;
  /** The notes on the sheets' cells. */
  notes(sheets: string[]): string[];
  /** Sheets, in tab order, the workbook's record marks as generated of `kind`. */
  generated(kind: string): string[];
  /** Whether any sheet a user can see holds `value` in a cell. */
  holds(value: CellValue): boolean;
  /** The host's cost counter: Excel's syncs (round trips), WPS's calls into ET. */
  cost(): number;
  resetCost(): void;
}

/** "#'Sheet'!C15", "'Sheet'!C15", "Sheet!C15" → "Sheet!C15". */
export function linkTarget(reference: string): string | null {
  const m = /^#?(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)$/.exec(reference);
  if (!m) return null;
  return `${(m[1] ?? m[2]).replace(/''/g, "'")}!${m[3].replace(/\$/g, "")}`;
}

/** The target of =HYPERLINK("#Sheet!A1", …), or null for any other formula. */
export function formulaLink(formula: string | null): string | null {
  const m = formula === null ? null : /^=HYPERLINK\("([^"]*)"/i.exec(formula);
  return m ? linkTarget(m[1]) : null;
}

/** The record sheet's rows → the sheets it marks as generated of `kind`, by its 类型 and 内容 columns. */
export function generatedInRecord(rows: CellValue[][], kind: string): string[] {
  return rows.slice(1).flatMap((row) => {
    if (row[0] !== "generated") return [];
    try {
      return (JSON.parse(String(row[3])) as { kind?: string }).kind === kind
        ? [String(row[1])]
        : [];
    } catch {
      return [];
    }
  });
}

export const RECORD_SHEET = "督办助手记录";

/** Installs the probe where the steps find it, with what follows from a host's reads. */
export function exposeProbe(probe: Omit<WorkbookProbe, "holds">): void {
  const full: WorkbookProbe = {
    ...probe,
    holds: (value) =>
      probe.sheetNames().some((name) => probe.grid(name, "values").some((r) => r.includes(value))),
  };
  (globalThis as unknown as { __paneProbe: WorkbookProbe }).__paneProbe = full;
}
