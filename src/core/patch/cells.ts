import type { PatchCell } from "./schema";
import { DATE_FORMAT, GENERAL_FORMAT, TEXT_FORMAT, excelDateSerial } from "./units";

/** A patch cell as a host writes it: a plain value, its number format, and a link target if any. */
export interface ResolvedCell {
  value: string | number | boolean;
  numberFormat: string;
  link?: { sheet: string; row: number; col: number };
}

/**
 * The one place that decides how each kind of patch cell lands in a workbook, so that the
 * Office.js and the xlsx adapter write the same thing: text and link text as text ("@"),
 * dates as serials with DATE_FORMAT, empty cells as "".
 */
export function resolveCell(cell: PatchCell): ResolvedCell {
  if (cell === null) return { value: "", numberFormat: GENERAL_FORMAT };
  if (typeof cell === "string") return { value: cell, numberFormat: TEXT_FORMAT };
  if (typeof cell === "number" || typeof cell === "boolean")
    return { value: cell, numberFormat: GENERAL_FORMAT };
  if ("date" in cell) return { value: excelDateSerial(cell.date), numberFormat: DATE_FORMAT };
  return { value: cell.text, numberFormat: TEXT_FORMAT, link: cell.link };
}
