import { a1 } from "../core/patch/address";
import type { CellValue, MergedArea } from "../core/grid/schema";
import type { Rect } from "../core/patch/schema";
import { contains, subtract } from "../xlsx/ranges";
import type { EtWorksheet } from "./et";
import { addressOf, areaOfAddress, columnRuns, readSpread, unionAddresses } from "./ranges";

/**
 * Merged areas of a sheet's used area, read with calls per merged area, not per cell.
 *
 * On a sheet the add-in made, the record keeps the areas it merged: they are confirmed with a few
 * reads (confirmRecorded). Otherwise, or when the sheet no longer has exactly those: every cell of
 * a merged area but its top-left one is empty, so only empty cells are asked about: runs of them
 * across a row (the bands of section and title rows), then down a column, sorted by column so that
 * runs alike stand together. MergeCells of as many runs as one address holds answers true, false
 * or null (all, none or some merged) and is halved only on null. Each area's extent is then one
 * MergeArea read from its first merged empty cell: MergeCells cannot tell two touching areas from
 * one, and an empty merged area under a filled one must not read as continuing it.
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

/** Calls spent on merges, stopped past MERGE_CALLS. */
interface Spent {
  calls: number;
}

/**
 * The same cells as fewer rectangles: those one above the other over the same columns, then side
 * by side over the same rows, joined (shorter addresses, so fewer reads).
 */
function joined(rects: readonly Rect[]): Rect[] {
  const join = (list: Rect[], down: boolean): Rect[] => {
    const [at, span, len, cross] = down
      ? (["row", "col", "rowCount", "colCount"] as const)
      : (["col", "row", "colCount", "rowCount"] as const);
    const sorted = [...list].sort(
      (p, q) => p[span] - q[span] || p[cross] - q[cross] || p[at] - q[at]
    );
    const out: Rect[] = [];
    for (const r of sorted) {
      const last = out[out.length - 1];
      if (
        last &&
        last[span] === r[span] &&
        last[cross] === r[cross] &&
        last[at] + last[len] === r[at]
      )
        out[out.length - 1] = { ...last, [len]: last[len] + r[len] };
      else out.push(r);
    }
    return out;
  };
  return join(join([...rects], true), false);
}

/** Whether every cell of `rects` reads MergeCells `want` (true: all merged, false: none). */
function allRead(sheet: EtWorksheet, rects: readonly Rect[], want: boolean, spent: Spent): boolean {
  for (const address of unionAddresses(joined(rects))) {
    if ((spent.calls += 2) > MERGE_CALLS) return false;
    if (sheet.Range(address).MergeCells !== want) return false;
  }
  return true;
}

/**
 * The merges the record keeps for a sheet the add-in made (mergeRecord.ts), when the sheet still
 * has exactly those where its empty cells are: nothing written in them but in their top-left
 * cells, all their cells merged, and no other cell of the area merged — two MergeCells reads of
 * many areas each. Null when anything differs (the user merged, unmerged or moved cells): the
 * areas are then found as on a user's sheet. Splitting a recorded area into touching areas that
 * leave its cells merged, the new ones empty, is the one change MergeCells cannot see.
 */
function confirmRecorded(
  sheet: EtWorksheet,
  area: Rect,
  values: CellValue[][],
  recorded: readonly Rect[],
  spent: Spent
): MergedArea[] | null {
  const cells = (m: Rect) =>
    Array.from({ length: m.rowCount * m.colCount }, (_, k) => ({
      row: m.row + Math.floor(k / m.colCount),
      col: m.col + (k % m.colCount),
      rowCount: 1,
      colCount: 1,
    }))
      .slice(1)
      .filter((cell) => contains(area, cell));
  // An area shows in the grid where a cell other than its top-left one lies in the used area.
  const shown = recorded.filter((m) => cells(m).length > 0);
  for (const m of shown)
    for (const c of cells(m)) if (values[c.row - area.row][c.col - area.col] !== null) return null;
  const outside = shown.reduce<Rect[]>((parts, m) => parts.flatMap((p) => subtract(p, m)), [area]);
  if (!allRead(sheet, shown, true, spent)) return null;
  if (!allRead(sheet, outside, false, spent)) return null;
  return shown;
}

export function mergedAreas(
  sheet: EtWorksheet,
  area: Rect,
  values: CellValue[][],
  recorded: readonly Rect[] | null = null
): MergedArea[] | null {
  const runs = emptyRuns(area, values);
  if (runs.length === 0) return [];
  const spent: Spent = { calls: 0 };
  if (recorded && recorded.length > 0) {
    const confirmed = confirmRecorded(sheet, area, values, recorded, spent);
    if (confirmed) return confirmed;
  }
  if ((spent.calls += 2) > MERGE_CALLS) return null;
  if (sheet.Range(addressOf(area)).MergeCells === false) return [];
  const merged: Rect[] = [];
  readSpread(
    sheet,
    runs,
    (range) => ((spent.calls += 2), spent.calls > MERGE_CALLS ? false : range.MergeCells),
    (part, value) => void (value === true && merged.push(part))
  );
  if (spent.calls > MERGE_CALLS) return null;
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
        if ((spent.calls += 3) > MERGE_CALLS) return null;
        found.push(areaOfAddress(sheet.Range(a1(row, col)).MergeArea.Address));
      }
  return found;
}
