/**
 * Units the patch is written in and what hosts need. The patch holds column widths in
 * characters (Excel's own column-width unit, which ExcelJS takes as is) and row heights in
 * points (what both Office.js and ExcelJS take); only Office.js needs widths in points.
 */

/** Number format of text cells: Excel then keeps "+C18" or "=…" as text, never a formula. */
export const TEXT_FORMAT = "@";
/** Number format of cells written from an ISO date. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Number format that leaves numbers and booleans as Excel shows them by default. */
export const GENERAL_FORMAT = "General";

/**
 * Excel's column width in characters → points, for the default 11-pt body font
 * (Calibri or 等线, whose widest digit is 7 px): 7 px per character plus 5 px of padding,
 * at 96 px per inch (0.75 pt per px). 8.43 characters → 48 pt, Excel's default width.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, as Excel counts it (it treats 1900 as a leap year). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** "2022-09-30" → 44834, the serial Excel stores for that date (valid from 1900-03-01 on). */
export function excelDateSerial(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.round((utc - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** 44834 → "2022-09-30": the inverse of excelDateSerial, for reading dates back from a sheet. */
export function isoDateOfSerial(serial: number): string {
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}
