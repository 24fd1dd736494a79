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

export const TITLE_FONT = { bold: true, size: 14 } as const;

/** Visual width of a text in Excel's character units: CJK and full-width forms count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
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
