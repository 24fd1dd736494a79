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

/** Serial of 1970-01-01, and of 9999-12-31 (the last date Excel shows). */
const UNIX_EPOCH_SERIAL = 25_569;
const LAST_SERIAL = 2_958_465;

/**
 * Dates already spelled out, by serial: a sheet's date column repeats a few deadlines, and a
 * string shared by all its cells is one allocation instead of one per cell.
 */
const isoDates = new Map<number, string>();
const REMEMBERED_DATES = 4096;

/** 44834 → "2022-09-30": the inverse of excelDateSerial, for reading dates back from a sheet. */
export function isoDateOfSerial(serial: number): string {
  const day = Math.floor(serial);
  if (!(day >= 0 && day <= LAST_SERIAL))
    return new Date(EXCEL_EPOCH_UTC + day * MS_PER_DAY).toISOString().slice(0, 10);
  let iso = isoDates.get(day);
  if (iso === undefined) {
    iso = civilDate(day - UNIX_EPOCH_SERIAL);
    if (isoDates.size < REMEMBERED_DATES) isoDates.set(day, iso);
  }
  return iso;
}

/**
 * Days since 1970-01-01 → "YYYY-MM-DD" in the proleptic Gregorian calendar, by arithmetic on
 * 400-year eras (H. Hinnant's days-to-civil): a sheet's date column is read a cell at a time,
 * and Date#toISOString made that a third of reading 100,000 rows (npm run bench).
 */
function civilDate(days: number): string {
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
