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

/** The smallest size body text may shrink to when a page is fitted to the paper's width. */
export const MIN_PRINTED_POINTS = 9;

/**
 * Column-width units that fit across a landscape page at the smallest scale that keeps body
 * text at MIN_PRINTED_POINTS. A column of width w takes about 7w + 5 pixels (96 per inch) at
 * 100 %; the printable width is the paper's less Excel's default 0.7-inch side margins.
 */
export function pageWidthUnits(paper: "A4" | "A3", columnCount: number): number {
  const pixels = (printablePoints(paper) * 4 * BODY_FONT.size) / (3 * MIN_PRINTED_POINTS);
  return Math.floor((pixels - 5 * columnCount) / 7);
}

/** The printable width of a landscape page in points, within Excel's default 0.7-inch margins. */
function printablePoints(paper: "A4" | "A3"): number {
  return ((paper === "A4" ? 11.69 : 16.54) - 1.4) * 72;
}

/** Below this a page is too small to read: columns flow onto further pages instead. */
const MIN_FIT_SCALE = 60;

/**
 * The scale (percent) a sheet prints at so that its columns fill the page width: 100 when they
 * fit, less to fit them, and where that would go under MIN_FIT_SCALE the scale that keeps body
 * text at MIN_PRINTED_POINTS, with the columns flowing onto further pages. A column of width w
 * takes 7w + 5 pixels in Excel and about 4 % more in LibreOffice, which the scale allows for.
 */
export function printScale(widths: readonly number[], paper: "A4" | "A3"): number {
  const points = widths.reduce((sum, w) => sum + (7 * w + 5) * 0.75 * 1.04, 0);
  const fit = Math.floor((100 * printablePoints(paper)) / Math.max(1, points));
  if (fit >= 100) return 100;
  if (fit >= MIN_FIT_SCALE) return fit;
  return Math.ceil((100 * MIN_PRINTED_POINTS) / BODY_FONT.size);
}

/** A 截止日期 column: yyyy-mm-dd at 五号 shows whole ("###" in anything narrower). */
const DATE_WIDTH = 12;

/**
 * Widths that fit the page: when the columns are wider than `budget` together, each column
 * wider than `floor` gives up the same share of its width above the floor, so long prose
 * columns stay the widest; narrow columns (dates, 完成状态, names) keep their width. Cut columns wrap onto more lines.
 */
export function fitToPage(widths: readonly number[], budget: number, floor = DATE_WIDTH): number[] {
  const total = widths.reduce((sum, w) => sum + w, 0);
  const above = widths.reduce((sum, w) => sum + Math.max(0, w - floor), 0);
  if (total <= budget || above === 0) return [...widths];
  const keep = Math.max(0, 1 - (total - budget) / above);
  return widths.map((w) => (w <= floor ? w : Math.floor(floor + (w - floor) * keep)));
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
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      width += 1;
    } else width += isWide(code) ? 2 : 1;
  }
  return width;
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
