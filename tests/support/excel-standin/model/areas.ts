import { area, lastCol, lastRow, type Area } from "../address";

export function intersect(a: Area, b: Area): Area | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const endRow = Math.min(lastRow(a), lastRow(b));
  const endCol = Math.min(lastCol(a), lastCol(b));
  return row > endRow || col > endCol ? null : area(row, col, endRow - row + 1, endCol - col + 1);
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    lastRow(inner) <= lastRow(outer) &&
    lastCol(inner) <= lastCol(outer)
  );
}

export function sameArea(a: Area, b: Area): boolean {
  return (
    a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount
  );
}

/** `a` without the cells of `b`, as at most four rectangles (bands above, below, left, right). */
export function subtract(a: Area, b: Area): Area[] {
  const hole = intersect(a, b);
  if (!hole) return [a];
  const pieces: Area[] = [];
  if (hole.row > a.row) pieces.push(area(a.row, a.col, hole.row - a.row, a.colCount));
  if (lastRow(hole) < lastRow(a))
    pieces.push(area(lastRow(hole) + 1, a.col, lastRow(a) - lastRow(hole), a.colCount));
  if (hole.col > a.col) pieces.push(area(hole.row, a.col, hole.rowCount, hole.col - a.col));
  if (lastCol(hole) < lastCol(a))
    pieces.push(area(hole.row, lastCol(hole) + 1, hole.rowCount, lastCol(a) - lastCol(hole)));
  return pieces;
}

/** Areas that together cover `b`? (For a list of disjoint areas.) */
export function coveredBy(areas: readonly Area[], b: Area): boolean {
  let rest: Area[] = [b];
  for (const a of areas) rest = rest.flatMap((piece) => subtract(piece, a));
  return rest.length === 0;
}
