import { toChineseDate } from "../deadline";
import { rect } from "../patch/build";
import type { PrintSetup, RangeFormat, SheetOpInput } from "../patch/schema";
import { BODY_FONT, COLORS, fitToPage, pageWidthPoints, printScale } from "./style";

/** What every printed page of a generated sheet says about itself. */
export interface PageText {
  /** The table's title, printed at the top left of every page. */
  title: string;
  /** 检查日期 (ISO), printed at the top right; left out when the sheet has none. */
  checkDate?: string | null;
}

/** Excel's column width when none is set. */
const DEFAULT_WIDTH = 8.43;

/** An "&" in header text would start a code: Excel writes a literal one as "&&". */
function literal(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The header and footer of every page: title and 检查日期 on top, 第 N 页 共 M 页 below. */
export function pageHeaderFooter(page: PageText): Pick<PrintSetup, "header" | "footer"> {
  return {
    header: {
      left: literal(page.title),
      ...(page.checkDate ? { right: `检查日期：${toChineseDate(page.checkDate)}` } : {}),
    },
    footer: { center: "第 &P 页 共 &N 页" },
  };
}

/** How a sheet is laid out on paper. */
export interface PageLayout {
  /** A3 is for tables too wide for A4 even then; the sheet should say so in a note. */
  paper?: "A4" | "A3";
  /** Columns (0-based) whose width must not be cut: text that prints on one line, such as links. */
  fixed?: readonly number[];
}

/**
 * Makes a generated sheet print as a 督查室 hands it out: 宋体 body text under the sheet's own
 * title and header fonts (its formats come after and win), visible columns cut down to what
 * fits across the paper with the text at 9 pt or more in Excel and in LibreOffice, printed at
 * the scale that fits them (printScale), and the page header and footer.
 */
export function laidOutForPrint(
  op: SheetOpInput,
  page: PageText,
  { paper = "A4", fixed = [] }: PageLayout = {}
): SheetOpInput {
  const rowCount = (op.values ?? []).reduce((n, b) => Math.max(n, b.row + b.values.length), 0);
  const colCount = (op.values ?? []).reduce(
    (n, b) => Math.max(n, b.col + (b.values[0]?.length ?? 0)),
    0
  );
  const specs = op.columns ?? [];
  const hidden = new Set(specs.filter((c) => c.hidden).map((c) => c.col));
  const shown = Array.from({ length: colCount }, (_, col) => col).filter((col) => !hidden.has(col));
  const fitted = fitToPage(
    shown.map((col) => specs.find((c) => c.col === col)?.width ?? DEFAULT_WIDTH),
    pageWidthPoints(paper),
    new Set(shown.flatMap((col, i) => (fixed.includes(col) ? [i] : [])))
  );
  const columns = [
    ...specs.filter((c) => hidden.has(c.col)),
    ...shown.map((col, i) => ({ col, width: fitted[i] })),
  ].sort((a, b) => a.col - b.col);
  return {
    ...op,
    columns,
    formats: [
      ...(rowCount > 0 && colCount > 0
        ? [{ range: rect(0, 0, rowCount, colCount), font: { ...BODY_FONT } }]
        : []),
      ...(op.formats ?? []),
    ],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      ...op.print,
      paper,
      scale: printScale(fitted, paper),
      ...pageHeaderFooter(page),
    },
  };
}

/** A colour and what it means, as printed in a sheet's legend. */
export interface LegendEntry {
  label: string;
  fill: string;
}

/** The marks 校验 puts on cells. */
export const MARK_LEGEND: readonly LegendEntry[] = [
  { label: "错误", fill: COLORS.error },
  { label: "警告", fill: COLORS.warning },
];

/** The colours of 截止日期 and 完成状态 (tracking/formulas.ts). */
export const TRACKING_LEGEND: readonly LegendEntry[] = [
  { label: "超期", fill: COLORS.overdue },
  { label: "即将到期", fill: COLORS.dueSoon },
  { label: "已完成", fill: COLORS.done },
  { label: "无截止日期", fill: COLORS.noDate },
];

/**
 * A printed legend in the title row: the title keeps the columns on the left, and each of the
 * last visible columns shows one colour with its meaning (notes explaining the colours do not
 * print). Returns the title's column span and what to add to the sheet; `cols` are the
 * visible columns of the row, left to right. With too few columns the title keeps the row.
 */
export function titleRowLegend(
  row: number,
  cols: readonly number[],
  entries: readonly LegendEntry[]
): { titleSpan: number; values: { col: number; text: string }[]; formats: RangeFormat[] } {
  if (entries.length === 0 || cols.length < entries.length + 2)
    return { titleSpan: (cols[cols.length - 1] ?? 0) + 1, values: [], formats: [] };
  const at = cols.slice(cols.length - entries.length);
  return {
    titleSpan: at[0],
    values: entries.map((e, i) => ({ col: at[i], text: e.label })),
    formats: entries.map((e, i) => ({
      range: rect(row, at[i]),
      fill: e.fill,
      horizontal: "center" as const,
      vertical: "center" as const,
      wrap: true,
      borders: { color: "#808080" },
    })),
  };
}
