import type ExcelJS from "exceljs";
import type { CellValue } from "../core/grid/schema";

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A cell's value as the grid holds it: rich text and hyperlinks as their plain text, formulas
 * as their cached result, errors (#REF!) as their text, dates back as 1900-system serials —
 * which is what Excel's own API returns, so the core reads both adapters alike.
 */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  // ExcelJS turns a number with a date format into a Date (also in the 1904 system): undo that.
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if ("error" in value) return value.error;
  if ("richText" in value) return plainValue(richText(value.richText));
  if ("hyperlink" in value) {
    // A hyperlink's text may itself be rich text, whatever the type says.
    const text: unknown = value.text;
    if (typeof text === "object" && text !== null && "richText" in text)
      return plainValue(richText((text as ExcelJS.CellRichTextValue).richText));
    return plainValue(typeof text === "string" ? text : null);
  }
  if ("result" in value) return plainValue(value.result ?? null);
  return null;
}

function richText(runs: ExcelJS.RichText[]): string {
  return runs.map((run) => run.text ?? "").join("");
}
