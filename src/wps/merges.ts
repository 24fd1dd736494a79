import { a1 } from "../core/patch/address";
import type { CellValue, MergedArea } from "../core/grid/schema";
import type { Rect } from "../core/patch/schema";
import type { EtWorksheet } from "./et";
import { addressOf, areaOfAddress, columnRuns, readSpread } from "./ranges";

/**
 * Merged areas of a sheet's used area, read with calls per merged area, not per cell.
 *
 * Every cell of a merged area but its top-left one is empty, so only empty cells are asked about:
 * runs of them across a row (the bands of section and title rows), then down a column, sorted by
 * column so that runs alike stand together. MergeCells of as many runs as one address holds
 * answers true, false or null (all, none or some merged) and is halved only on null. Each area's
 * extent is then one MergeArea read from its first merged empty cell: MergeCells cannot tell two
 * touching areas from one, and an empty merged area under a filled one must not read as
 * continuing it.
 */

/** Calls spent on one sheet's merges before they are left unknown (the core then infers them). */
export const MERGE_CALLS = 600;

/** The empty cells of `values` as runs: across a row where two or more are side by side, else down a column. */
function emptyRuns(area: Rect, values: CellValue[][]): Rect[] {
  const across: Rect[] = [];
  const left = values.map((row) => row.map((v) => v === null));
  values.forEach((row, i) => {
    for (let j = 0; j < row.length; j++) {
      if (row[j] !== null) continue;
      const start = j;
      while (j + 1 < row.length && row[j + 1] === null) j++;
      if (j === start) continue;
      across.push({
        row: area.row + i,
        col: area.col + start,
        rowCount: 1,
        colCount: j - start + 1,
      });
      for (let k = start; k <= j; k++) left[i][k] = false;
    }
  });
  return [...across, ...columnRuns(left, area, (t) => t)].sort(
    (p, q) => p.col - q.col || p.row - q.row
  );
}

export function mergedAreas(
  sheet: EtWorksheet,
  area: Rect,
  values: CellValue[][]
): MergedArea[] | null {
  const runs = emptyRuns(area, values);
  if (runs.length === 0) return [];
  if (sheet.Range(addressOf(area)).MergeCells === false) return [];
  let calls = 2;
  const merged: Rect[] = [];
  readSpread(
    sheet,
    runs,
    (range) => ((calls += 2), calls > MERGE_CALLS ? false : range.MergeCells),
    (part, value) => void (value === true && merged.push(part))
  );
  if (calls > MERGE_CALLS) return null;
  const found: MergedArea[] = [];
  const covered = (row: number, col: number) =>
    found.some(
      (m) => row >= m.row && row < m.row + m.rowCount && col >= m.col && col < m.col + m.colCount
    );
  merged.sort((p, q) => p.row - q.row || p.col - q.col);
  for (const part of merged)
    for (let row = part.row; row < part.row + part.rowCount; row++)
      for (let col = part.col; col < part.col + part.colCount; col++) {
        if (covered(row, col)) continue;
        if ((calls += 3) > MERGE_CALLS) return null;
        found.push(areaOfAddress(sheet.Range(a1(row, col)).MergeArea.Address));
      }
  return found;
}
