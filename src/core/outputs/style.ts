/** One look for every sheet the add-in writes, so generated sheets read as a set. */
export const COLORS = {
  headerFill: "#D9E1F2",
  sectionFill: "#DDEBF7",
  domainFill: "#F2F2F2",
  continuedFont: "#7F7F7F",
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
  overdue: "#F8CBAD",
  dueSoon: "#FFE699",
  done: "#C6EFCE",
  noDate: "#E7E6E6",
  tab: "#2F5597",
} as const;

/**
 * Fonts as government tables print them: 宋体 for the text, 黑体 for titles and column heads.
 * A machine without them substitutes (Windows and WPS have both; on Linux the fontconfig
 * aliases in assets/fonts/duban-fonts.conf map them to Noto Serif / Sans CJK SC).
 * Body text is 五号 (10.5 pt); pages are laid out so that it prints at 9 pt or more.
 */
export const BODY_FONT = { name: "宋体", size: 10.5 } as const;
export const HEAD_FONT = { name: "黑体" } as const;
export const TITLE_FONT = { name: "黑体", size: 14 } as const;

/** The smallest size body text may print at when a page is scaled to the paper's width. */
export const MIN_PRINTED_POINTS = 9;

/**
 * The smallest print scale (percent): body text at MIN_PRINTED_POINTS with a tenth of a point
 * to spare, as LibreOffice sets glyphs on a 1/20-pt grid (at 86 %, 9.03 pt, they measure 8.995 pt).
 */
export const MIN_PRINT_SCALE = Math.ceil((100 * (MIN_PRINTED_POINTS + 0.1)) / BODY_FONT.size);

/**
 * The printed width (points, at 100 %) of a column of width w, in the wider of the two hosts'
 * readings: Excel draws w units as 7w + 5 pixels of the workbook's Calibri 11 (96 per inch);
 * LibreOffice as w times that font's unrounded digit width, 5.55 pt (measured from the column
 * widths of a generated sheet saved as .fods), with no padding: wider from w = 13 on.
 */
export function columnPoints(w: number): number {
  return Math.max((7 * w + 5) * 0.75, LIBRE_POINTS_PER_UNIT * w);
}

/** What LibreOffice draws one unit of column width as (points at 100 %); see columnPoints. */
export const LIBRE_POINTS_PER_UNIT = 5.55;

/** The printable width of a landscape page in points, within Excel's default 0.7-inch margins. */
export function printablePoints(paper: "A4" | "A3"): number {
  return ((paper === "A4" ? 11.69 : 16.54) - 1.4) * 72;
}

/** The widest the columns may be together (points at 100 %) to print at MIN_PRINT_SCALE. */
export function pageWidthPoints(paper: "A4" | "A3"): number {
  return (printablePoints(paper) * 100) / MIN_PRINT_SCALE;
}

/**
 * The scale (percent) a sheet prints at so that its columns fill the page width: 100 when they
 * fit, less to fit them, but never under MIN_PRINT_SCALE: columns that do not fit even then
 * flow onto further pages.
 */
export function printScale(widths: readonly number[], paper: "A4" | "A3"): number {
  const points = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const fit = Math.floor((100 * printablePoints(paper)) / Math.max(1, points));
  return Math.max(MIN_PRINT_SCALE, Math.min(100, fit));
}

/** A 截止日期 column: yyyy-mm-dd at 五号 shows whole ("###" in anything narrower). */
const DATE_WIDTH = 12;

/**
 * Widths whose columnPoints fit `budget` points: each column wider than DATE_WIDTH, and not
 * `fixed`, gives up the same share of its width above that floor, so long prose columns stay
 * the widest; narrow columns (dates, 完成状态, names) and fixed ones keep their width. Cut columns
 * wrap onto more lines.
 */
export function fitToPage(
  widths: readonly number[],
  budget: number,
  fixed: ReadonlySet<number> = new Set()
): number[] {
  const floors = widths.map((w, i) => (fixed.has(i) ? w : Math.min(w, DATE_WIDTH)));
  const fitted = (keep: number) =>
    widths.map((w, i) => (w <= floors[i] ? w : Math.floor(floors[i] + (w - floors[i]) * keep)));
  const points = (ws: readonly number[]) => ws.reduce((sum, w) => sum + columnPoints(w), 0);
  if (points(widths) <= budget) return [...widths];
  // The largest share kept, to a hundredth, whose widths fit (none kept when even the floors do
  // not). The widths grow with the share, so a binary search over the hundredths finds it in 7
  // measurements, not up to 100: every generated sheet is laid out this way.
  let fits = 0;
  let fails = 100;
  while (fails - fits > 1) {
    const mid = (fits + fails) >> 1;
    if (points(fitted(mid / 100)) <= budget) fits = mid;
    else fails = mid;
  }
  return fitted(fits / 100);
}

/**
 * Whether Excel shows a BMP code point two units wide: CJK, Hangul and full-width forms, and the
 * quotes, dash and ellipsis (“” ‘’ — …) that CJK fonts such as 宋体 set full width.
 */
function isWide(code: number): boolean {
  if (code < 0x1100) return false;
  return (
    (code >= 0x2e80 && code <= 0xa4cf) ||
    code <= 0x115f ||
    code === 0x2014 ||
    (code >= 0x2018 && code <= 0x201f) ||
    code === 0x2026 ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/**
 * Visual width of a text in Excel's character units: CJK and full-width forms count double,
 * every other code point (a surrogate pair is one) once. A loop over char codes, not a regular
 * expression per character: row heights measure every written cell this way.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    i += pairTail(text, i, code);
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** 1 when the code at `i` starts a surrogate pair (one code point, so one unit wide), else 0. */
function pairTail(text: string, i: number, code: number): number {
  if (code < 0xd800 || code > 0xdbff) return 0;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 1 : 0;
}

/** Punctuation a line may not start with: LibreOffice carries the character before it down too. */
const NO_LINE_START = new Set("，。、；：？！）》」』】”’…".split("").map((c) => c.charCodeAt(0)));

/**
 * Lines a text fills at `room` units a line, filled a character at a time as LibreOffice and
 * Excel break CJK text: a character that does not fit starts the next line. Widths as
 * displayWidth gives them; one pass over the char codes, as row heights measure every cell.
 */
export function wrappedLineCount(text: string, room: number): number {
  let lines = 1;
  let used = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      lines++;
      used = 0;
      last = 0;
      continue;
    }
    i += pairTail(text, i, code);
    const w = isWide(code) ? 2 : 1;
    if (used > 0 && used + w > room) {
      lines++;
      used = NO_LINE_START.has(code) ? last + w : w;
    } else used += w;
    last = w;
  }
  return lines;
}

/**
 * A column width that fits its content: the widest line plus padding, between a floor that
 * keeps a header legible and a ceiling past which the text wraps instead.
 */
export function fittedWidth(texts: Iterable<string>, floor = 6, ceiling = 50): number {
  let widest = 0;
  for (const text of texts)
    for (const line of text.split("\n")) widest = Math.max(widest, displayWidth(line.trim()));
  return Math.min(ceiling, Math.max(floor, widest + 2));
}
