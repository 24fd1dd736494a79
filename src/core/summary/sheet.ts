import { toChineseDate } from "../deadline";
import { rect } from "../patch/build";
import type { PatchCell, RangeFormat, Rect, RowSpec, SheetOpInput } from "../patch/schema";
import { laidOutForPrint } from "../outputs/print";
import { COLORS, HEAD_FONT, TITLE_FONT, fittedWidth } from "../outputs/style";
import { cellText, reportTables } from "./report";
import type { Summary } from "./schema";

export const SUMMARY_SHEET = "汇总";

/** Points per line of wrapped report text, and characters per line across the sheet's width. */
const LINE_HEIGHT = 15;

/**
 * The 汇总 sheet: a title, the report sentences (one merged, wrapped row each), then each figure
 * table under its title with a shaded header and thin borders; counts as numbers, completion
 * rates as percentages. Generated {kind: "summary"}: a re-run replaces it. Prints A4 landscape.
 */
export function buildSummarySheet(summary: Summary, sheet = SUMMARY_SHEET): SheetOpInput {
  // The long per-unit table goes last: its header is the one repeated on every later page.
  const [units, ...others] = reportTables(summary);
  const tables = [...others, units];
  const width = tables.reduce((w, t) => Math.max(w, t.header.length), 0);
  const values: PatchCell[][] = [];
  const merges: Rect[] = [];
  const formats: RangeFormat[] = [];
  const rows: RowSpec[] = [{ row: 0, height: 28 }];
  const line = (cells: PatchCell[]) => values.push([...cells, ...blank(width - cells.length)]);
  // Names stand in the first column, whole up to 29 CJK characters (a 分类 such as
  // 二、聚焦“创新+产业”，坚定不移培育绿色高质量发展新动能 on one line); the others hold counts and
  // are as narrow as their figures and headers allow (a long header wraps).
  const widths = Array.from({ length: width }, (_, c): number =>
    c === 0
      ? fittedWidth(
          tables.flatMap((t) => t.rows.map((r) => String(r[0] ?? ""))),
          12,
          60
        )
      : fittedWidth(
          tables.flatMap((t) => [
            t.header[c] ?? "",
            ...t.rows.map((r) => (r[c] === undefined ? "" : cellText(r[c], t.kinds[c]))),
          ]),
          6,
          10
        )
  );
  const across = widths.reduce((a, b) => a + b, 0);
  const title = `督办情况汇总（截至${toChineseDate(summary.checkDate)}）`;

  line([title]);
  merges.push(rect(0, 0, 1, width));
  formats.push({ range: rect(0, 0, 1, width), font: TITLE_FONT, vertical: "center" });
  for (const sentence of summary.sentences) {
    const at = values.length;
    line([sentence]);
    merges.push(rect(at, 0, 1, width));
    formats.push({ range: rect(at, 0, 1, width), wrap: true, vertical: "top" });
    // A merged cell does not grow with its text: give it the lines it needs (CJK is two units wide).
    const lines = Math.max(1, Math.ceil(fittedWidth([sentence], 0, Infinity) / across));
    rows.push({ row: at, height: Math.min(409, lines * LINE_HEIGHT + 4) });
  }
  let lastHeader = 0;
  for (const t of tables) {
    line([]);
    const titleAt = values.length;
    line([t.title]);
    formats.push({ range: rect(titleAt, 0, 1, width), font: { ...HEAD_FONT, size: 12 } });
    const headerAt = (lastHeader = values.length);
    line(t.header);
    formats.push({
      range: rect(headerAt, 0, 1, t.header.length),
      fill: COLORS.headerFill,
      font: HEAD_FONT,
      horizontal: "center",
      wrap: true,
    });
    // A figure there is none of (完成率 with no 完成状态 filled in) reads "—", as the copied tables.
    for (const r of t.rows) line(r.map((v) => (v === null ? "—" : v)));
    formats.push({
      range: rect(headerAt, 0, t.rows.length + 1, t.header.length),
      borders: { color: "#808080" },
    });
    if (t.rows.length > 0)
      formats.push({ range: rect(headerAt + 1, 0, t.rows.length, 1), wrap: true });
    t.kinds.forEach((kind, c) => {
      if (kind === "rate" && t.rows.length > 0)
        formats.push({ range: rect(headerAt + 1, c, t.rows.length, 1), numberFormat: "0.0%" });
    });
  }
  return laidOutForPrint(
    {
      sheet,
      mode: "replace",
      generated: { kind: "summary", key: "summary" },
      tabColor: COLORS.tab,
      columns: widths.map((w, col) => ({ col, width: w })),
      rows,
      values: [{ row: 0, col: 0, values }],
      formats,
      merges,
      print: { titleRows: { first: lastHeader, count: 1 } },
    },
    { title, checkDate: summary.checkDate }
  );
}

function blank(count: number): PatchCell[] {
  return Array.from({ length: Math.max(0, count) }, () => null);
}
