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
 * Visual width of a text in Excel's character units: CJK and full-width forms count double, and
 * so do the quotes, dash and ellipsis (“” ‘’ — …) that CJK fonts such as 宋体 set full width.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2014\u2018-\u201f\u2026\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch
      )
        ? 2
        : 1;
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
