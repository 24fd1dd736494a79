import type { PatchCell } from "./schema";
import { DATE_FORMAT, GENERAL_FORMAT, TEXT_FORMAT, excelDateSerial } from "./units";

/** A patch cell as a host writes it: a plain value, its number format, and a link target if any. */
export interface ResolvedCell {
  value: string | number | boolean;
  numberFormat: string;
  link?: { sheet: string; row: number; col: number };
}

/** Excel holds at most this many characters in a cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * `text` cut to at most `max` characters (whole code points), `tail` saying it was cut: the
 * hosts write what fits rather than fail on a cell Excel cannot hold.
 */
export function clipText(text: string, max: number, tail = "……（已截断）"): string {
  if (text.length <= max) return text;
  let end = max - tail.length;
  // Never split a surrogate pair.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return text.slice(0, Math.max(0, end)) + tail;
}

/**
 * The one place that decides how each kind of patch cell lands in a workbook, so that the
 * Office.js and the xlsx adapter write the same thing: text and link text as text ("@"),
 * dates as serials with DATE_FORMAT, empty cells as "". Text past Excel's cell limit is cut.
 */
export function resolveCell(cell: PatchCell): ResolvedCell {
  if (cell === null) return { value: "", numberFormat: GENERAL_FORMAT };
  if (typeof cell === "string")
    return { value: clipText(cell, MAX_CELL_TEXT), numberFormat: TEXT_FORMAT };
  if (typeof cell === "number" || typeof cell === "boolean")
    return { value: cell, numberFormat: GENERAL_FORMAT };
  if ("date" in cell) return { value: excelDateSerial(cell.date), numberFormat: DATE_FORMAT };
  return { value: clipText(cell.text, MAX_CELL_TEXT), numberFormat: TEXT_FORMAT, link: cell.link };
}
