import type { CellValue } from "./schema";

const MS_PER_DAY = 86400000;
/** Excel's day 0 is 1899-12-30 for every serial from 1900-03-01 on (serial 61). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** 44834 → "2022-09-30". */
export function serialToIsoDate(serial: number): string {
  return new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A number format that shows a date (y, m with d, or 年/月/日), not a time or a plain number. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[yd]/i.test(bare) || /[年月日]/.test(format);
}

/**
 * The text the core reads from a cell: strings as written, whole numbers without ".0",
 * date serials as ISO dates when the cell is formatted as a date, booleans as 是/否.
 */
export function cellText(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (isDateFormat(numberFormat) && value > 0 && value < 2958466) return serialToIsoDate(value);
  return String(value);
}
