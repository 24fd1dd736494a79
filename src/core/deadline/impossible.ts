import { execRefusing } from "../regex/execRefusing";
import { daysInMonth } from "./isoDate";

/** A month, with its year and day where written: 2023年13月, 2月30日, 6月31号. */
const DATE_TEXT = /(?:((?:19|20)[0-9]{2})\s*年\s*)?([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*[日号])?/g;
/** A match that follows a digit is part of a longer number (2022月), not a date. */
const DIGIT = /[0-9０-９]/;

/**
 * The dates of a text that no calendar has (2023年13月, 2月30日, 0月), as written, for the
 * 日期不存在 rule. The deadline parser skips them; this names them.
 */
export function impossibleDates(text: string, planYear: number): string[] {
  if (!text.includes("月")) return [];
  const found: string[] = [];
  const inNumber = (m: RegExpExecArray) => DIGIT.test(text.charAt(m.index - 1));
  DATE_TEXT.lastIndex = 0;
  for (
    let m = execRefusing(DATE_TEXT, text, inNumber);
    m;
    m = execRefusing(DATE_TEXT, text, inNumber)
  ) {
    const year = m[1] ? Number(m[1]) : planYear;
    const month = Number(m[2]);
    const day = m[3] === undefined ? null : Number(m[3]);
    const bad =
      month < 1 || month > 12 || (day !== null && (day < 1 || day > daysInMonth(year, month)));
    if (bad) found.push(m[0].trim());
  }
  return found;
}
