import { columnIndex } from "../core/patch/address";
import type { Rect } from "../core/patch/schema";

/**
 * Rectangles as the file format spells them ("B3:D7", "$A$1", "A1:B2 D4") — what ExcelJS hands
 * over for merges, conditional formats and validations — and the set arithmetic that clearing
 * part of a range needs.
 */

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i;

function cellOf(a1: string): { row: number; col: number } {
  const match = CELL.exec(a1);
  if (!match) throw new RangeError(`not an A1 cell: ${a1}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** "B3:D7" → {row: 2, col: 1, rowCount: 5, colCount: 3}; a single cell too. */
export function parseRange(a1: string): Rect {
  const [first, last = first] = a1.split(":");
  const a = cellOf(first);
  const b = cellOf(last);
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.abs(a.row - b.row) + 1,
    colCount: Math.abs(a.col - b.col) + 1,
  };
}

/** "A1:B2 D4" (a space-separated list, as sqref attributes hold) → rectangles. */
export function parseRangeList(sqref: string): Rect[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter((part) => part !== "")
    .map(parseRange);
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

/** What is left of `a` once `b` is cut out: up to four rectangles (bands above and below, sides). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const aBottom = a.row + a.rowCount;
  const aRight = a.col + a.colCount;
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(aBottom, b.row + b.rowCount);
  const left = Math.max(a.col, b.col);
  const right = Math.min(aRight, b.col + b.colCount);
  const parts: Rect[] = [];
  if (a.row < top)
    parts.push({ row: a.row, col: a.col, rowCount: top - a.row, colCount: a.colCount });
  if (left > a.col)
    parts.push({ row: top, col: a.col, rowCount: bottom - top, colCount: left - a.col });
  if (right < aRight)
    parts.push({ row: top, col: right, rowCount: bottom - top, colCount: aRight - right });
  if (bottom < aBottom)
    parts.push({ row: bottom, col: a.col, rowCount: aBottom - bottom, colCount: a.colCount });
  return parts;
}
