import type ExcelJS from "exceljs";
import { displayWidth } from "../core/outputs/style";
import type { SheetOp } from "../core/patch/schema";

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

function linesNeeded(text: string, width: number): number {
  // Half a character of the width goes to the cell's padding; line breaking before closing
  // punctuation (，。）) is left to spare room (width + 0.25 cut text in LibreOffice).
  const room = Math.max(1, width - 0.5);
  return text
    .split("\n")
    .reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

function cellHeight(cell: ExcelJS.Cell, width: number): number {
  // Only text wraps: a date or a number stays on one line whatever its column's width.
  if (typeof cell.value !== "string" || !cell.alignment?.wrapText) return 0;
  const text = cell.value;
  if (text === "") return 0;
  const size = cell.font?.size ?? 11;
  return linesNeeded(text, width) * LINE_POINTS_AT_11 * (size / 11);
}

/** A row whose height was set (by the user, or by this patch) keeps it. */
function hasHeight(row: ExcelJS.Row): boolean {
  return row.height !== undefined && row.height > 0;
}

export function fitRowHeights(ws: ExcelJS.Worksheet, op: SheetOp): void {
  const fixed = new Set(op.rows.map((r) => r.row));
  const rows = new Set(op.values.flatMap((block) => block.values.map((_, r) => block.row + r)));
  for (const index of rows) {
    const row = ws.getRow(index + 1);
    if (fixed.has(index) || hasHeight(row)) continue;
    let height = 0;
    row.eachCell((cell) => {
      // Excel does not fit rows to merged cells either.
      if (cell.isMerged) return;
      const width = ws.getColumn(Number(cell.col)).width ?? DEFAULT_WIDTH;
      height = Math.max(height, cellHeight(cell, width));
    });
    // A single line keeps the default height: only wrapped text that needs more gets a height.
    if (height > LINE_POINTS_AT_11) row.height = Math.min(MAX_HEIGHT, Math.ceil(height + 2));
  }
}
