import type ExcelJS from "exceljs";
import { LIBRE_POINTS_PER_UNIT, wrappedLineCount } from "../core/outputs/style";
import type { Rect, SheetOp } from "../core/patch/schema";

/**
 * Excel fits a row without a stored height to its wrapped text when it shows the sheet, and
 * the Office.js adapter relies on that. LibreOffice keeps such a row one line high, cutting the
 * text off. So for each row this op wrote that has no height of its own, the adapter stores
 * the height Excel would give it: the most lines any wrapped cell needs at its column's width.
 */

/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;
/**
 * Points per line of 11-pt text: Excel spaces its default body font 15 pt apart, CJK fonts a
 * little more in LibreOffice; a line too many is better than a line cut off.
 */
const LINE_POINTS_AT_11 = 16;
/** Excel's tallest row. */
const MAX_HEIGHT = 409;

/**
 * Lines of wrapped text at a column width (wrappedLineCount). A line holds `width` units in
 * Excel (its padding is outside them); LibreOffice draws a unit as 5.55 pt and takes about
 * 3.5 pt of padding, so it holds less in columns narrower than 10 (a unit of text is half a
 * 五号 character, 5.25 pt).
 */
function linesNeeded(text: string, width: number): number {
  const libre = (LIBRE_POINTS_PER_UNIT * width - 3.5) / 5.25;
  return wrappedLineCount(text, Math.max(2, Math.min(width, libre)));
}

/** Points per line of a cell's text at its font size. */
function linePoints(cell: ExcelJS.Cell): number {
  return (LINE_POINTS_AT_11 * (cell.font?.size ?? 11)) / 11;
}

function cellHeight(cell: ExcelJS.Cell, width: number): number {
  // Only text wraps: a date or a number stays on one line whatever its column's width.
  if (typeof cell.value !== "string" || !cell.alignment?.wrapText) return 0;
  const text = cell.value;
  if (text === "") return 0;
  return linesNeeded(text, width) * linePoints(cell);
}

/** A row whose height was set (by the user, or by this patch) keeps it. */
function hasHeight(row: ExcelJS.Row): boolean {
  return row.height !== undefined && row.height > 0;
}

export function fitRowHeights(ws: ExcelJS.Worksheet, op: SheetOp): void {
  const fixed = new Set(op.rows.map((r) => r.row));
  const rows = new Set<number>();
  for (const block of op.values)
    for (let r = 0; r < block.values.length; r++) rows.add(block.row + r);
  // Widths by column number, looked up once per sheet rather than once per cell.
  const widths: number[] = [];
  const widthOf = (col: number) => (widths[col] ??= ws.getColumn(col).width ?? DEFAULT_WIDTH);
  for (const index of rows) {
    const row = ws.getRow(index + 1);
    if (fixed.has(index) || hasHeight(row)) continue;
    let height = 0;
    row.eachCell((cell) => {
      // Merged cells are fitted below, over all their rows.
      if (cell.isMerged) return;
      height = Math.max(height, cellHeight(cell, widthOf(Number(cell.col))));
    });
    // A single line keeps the default height: only wrapped text that needs more gets a height.
    if (height > LINE_POINTS_AT_11) row.height = Math.min(MAX_HEIGHT, Math.ceil(height + 2));
  }
  for (const merge of op.merges) if (merge.rowCount > 1) fitMerged(ws, merge, fixed);
}

/**
 * A cell merged down several rows (a 配合单位 shared by five tasks) whose text needs more than
 * those rows' heights together: its last row takes the rest, as LibreOffice would cut it off.
 */
function fitMerged(ws: ExcelJS.Worksheet, merge: Rect, fixed: ReadonlySet<number>): void {
  const cell = ws.getCell(merge.row + 1, merge.col + 1);
  let width = 0;
  for (let c = 0; c < merge.colCount; c++)
    width += ws.getColumn(merge.col + c + 1).width ?? DEFAULT_WIDTH;
  const needed = cellHeight(cell, width);
  const line = Math.ceil(linePoints(cell));
  const rows = Array.from({ length: merge.rowCount }, (_, r) => ws.getRow(merge.row + r + 1));
  const have = rows.reduce((sum, row) => sum + (row.height || line), 0);
  const last = rows[rows.length - 1];
  if (needed + 2 <= have || fixed.has(merge.row + merge.rowCount - 1)) return;
  // Rows left to their default height are stated, so the sum holds in every host.
  for (const row of rows) if (!hasHeight(row)) row.height = line;
  last.height = Math.min(MAX_HEIGHT, Math.ceil(last.height + needed + 2 - have));
}
