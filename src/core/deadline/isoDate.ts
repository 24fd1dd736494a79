/**
 * Calendar dates as ISO strings "YYYY-MM-DD". No Date objects: a plan date has no time zone, and
 * `new Date("2022-06-30")` read back in UTC+8 (or UTC-5) is how off-by-one-day bugs are born.
 * ISO strings with four-digit years also compare correctly as plain strings.
 */

export type Quarter = 1 | 2 | 3 | 4;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year; February follows the Gregorian leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Dates already spelled, by year * 10000 + month * 100 + day: the deadlines of a table fall on
 * a few dozen days, and one string per day (instead of one per milestone) is less for a
 * 100,000-row validation to allocate and keep.
 */
const spelled = new Map<number, string>();

/** Formats a calendar date; throws on an impossible one (2022-02-30) so that bugs surface early. */
export function isoDate(year: number, month: number, day: number): string {
  if (!isValidDate(year, month, day)) {
    throw new RangeError(`Invalid calendar date ${year}-${month}-${day}`);
  }
  const id = year * 10000 + month * 100 + day;
  let iso = spelled.get(id);
  if (iso === undefined) {
    iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    // Bounded: dates outside the years a plan names are rare, and they are still spelled right.
    if (spelled.size < 20_000) spelled.set(id, iso);
  }
  return iso;
}

export function parseIsoDate(iso: string): CalendarDate {
  const m = ISO_PATTERN.exec(iso);
  const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!date || !isValidDate(date.year, date.month, date.day)) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  }
  return date;
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

export function yearEnd(year: number): string {
  return isoDate(year, 12, 31);
}

/** The last day of a quarter: 1 → 03-31, 2 → 06-30, 3 → 09-30, 4 → 12-31. */
export function quarterEnd(year: number, quarter: Quarter): string {
  return monthEnd(year, quarter * 3);
}

export function quarterOf(iso: string): Quarter {
  return Math.ceil(parseIsoDate(iso).month / 3) as Quarter;
}

/** "2022-09-30" → "2022年9月30日", the way dates are written in a 督查通报. */
export function toChineseDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

/** Today in the user's time zone as yyyy-mm-dd (toISOString would give the UTC day: 07:00 in 天津 is still the same day). */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
