import { isoDateOfSerial } from "../patch/units";
import type { CellValue } from "./schema";

/** Answers of isDateFormat: a workbook has few number formats, and every number cell asks. */
const dateFormats = new Map<string, boolean>();
const REMEMBERED_FORMATS = 256;

/** A number format that shows a date (y, m with d, or 年/月/日), not a time or a plain number. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let isDate = dateFormats.get(format);
  if (isDate === undefined) {
    const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
    isDate = /[yd]/i.test(bare) || /[年月日]/.test(format);
    if (dateFormats.size < REMEMBERED_FORMATS) dateFormats.set(format, isDate);
  }
  return isDate;
}

/**
 * The text the core reads from a cell: strings as written, whole numbers without ".0",
 * date serials as ISO dates when the cell is formatted as a date, booleans as 是/否.
 */
export function cellText(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (isDateFormat(numberFormat) && value > 0 && value < 2958466) return isoDateOfSerial(value);
  return String(value);
}
