import { type CellValue, type Grid, type MergedArea, emptyGrid } from "../core/grid/schema";
import { columnIndex } from "../core/patch/address";
import type { Rect } from "../core/patch/schema";
import { GENERAL_FORMAT } from "../core/patch/units";
import type { EtWorksheet } from "./et";
import { addressOf, readValues, rowBlocks, usedArea } from "./ranges";

/**
 * One sheet into the core's Grid: values by blocks of rows (one Value2 read each), number
 * formats where a block's cells differ (halving down to the runs that share one), merged areas
 * by the same halving on MergeCells, and hidden columns. ET's UsedRange takes in formatted blank
 * margins; they are cut off, as Excel's valuesOnly used range leaves them out.
 */

/** MergeCells probes per sheet before the grid says its merges are unknown (fillDown then infers). */
const MERGE_PROBES = 400;

function trimmed(values: CellValue[][], area: Rect): { area: Rect; values: CellValue[][] } | null {
  const filled = (v: CellValue) => v !== null && !(typeof v === "string" && v.trim() === "");
  let top = 0;
  let bottom = values.length - 1;
  while (top <= bottom && !values[top].some(filled)) top++;
  while (bottom >= top && !values[bottom].some(filled)) bottom--;
  if (top > bottom) return null;
  const rows = values.slice(top, bottom + 1);
  let left = 0;
  let right = area.colCount - 1;
  while (left < right && rows.every((r) => !filled(r[left]))) left++;
  while (right > left && rows.every((r) => !filled(r[right]))) right--;
  return {
    area: {
      row: area.row + top,
      col: area.col + left,
      rowCount: rows.length,
      colCount: right - left + 1,
    },
    values: rows.map((r) => r.slice(left, right + 1)),
  };
}

function halves(r: Rect): [Rect, Rect] {
  if (r.rowCount > 1) {
    const h = Math.ceil(r.rowCount / 2);
    return [
      { ...r, rowCount: h },
      { ...r, row: r.row + h, rowCount: r.rowCount - h },
    ];
  }
  const h = Math.ceil(r.colCount / 2);
  return [
    { ...r, colCount: h },
    { ...r, col: r.col + h, colCount: r.colCount - h },
  ];
}

/** Whether any cell of `r` (in sheet coordinates) passes `test`. */
function anyCell(
  values: CellValue[][],
  area: Rect,
  r: Rect,
  test: (v: CellValue) => boolean
): boolean {
  for (let i = r.row - area.row; i < r.row - area.row + r.rowCount; i++)
    for (let j = r.col - area.col; j < r.col - area.col + r.colCount; j++)
      if (test(values[i][j])) return true;
  return false;
}

/** The smallest rectangle inside `r` holding every cell that passes `test`; null when none does. */
function around(
  values: CellValue[][],
  area: Rect,
  r: Rect,
  test: (v: CellValue) => boolean
): Rect | null {
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  for (let i = r.row - area.row; i < r.row - area.row + r.rowCount; i++)
    for (let j = r.col - area.col; j < r.col - area.col + r.colCount; j++)
      if (test(values[i][j])) {
        top = Math.min(top, i);
        bottom = Math.max(bottom, i);
        left = Math.min(left, j);
        right = Math.max(right, j);
      }
  if (bottom < 0) return null;
  return {
    row: area.row + top,
    col: area.col + left,
    rowCount: bottom - top + 1,
    colCount: right - left + 1,
  };
}

/**
 * Number formats matter only to numbers (a date serial shows as a date): they are read only
 * where numbers are, a rectangle at a time, halving where its cells differ.
 */
function numberFormats(sheet: EtWorksheet, area: Rect, values: CellValue[][]): string[][] {
  const formats = Array.from({ length: area.rowCount }, () =>
    new Array<string>(area.colCount).fill(GENERAL_FORMAT)
  );
  const isNumber = (v: CellValue) => typeof v === "number";
  const visit = (whole: Rect) => {
    // Only the numbers' own rectangle: a text header above a date column is no reason to halve.
    const r = around(values, area, whole, isNumber);
    if (!r) return;
    const format = sheet.Range(addressOf(r)).NumberFormat;
    if (format !== null || (r.rowCount === 1 && r.colCount === 1)) {
      for (let i = 0; i < r.rowCount; i++)
        for (let j = 0; j < r.colCount; j++)
          formats[r.row - area.row + i][r.col - area.col + j] = format ?? GENERAL_FORMAT;
      return;
    }
    // Columns first: a column usually keeps one format down its rows.
    if (r.colCount > 1) {
      for (let j = 0; j < r.colCount; j++) visit({ ...r, col: r.col + j, colCount: 1 });
      return;
    }
    halves(r).forEach(visit);
  };
  rowBlocks(area).forEach(visit);
  return formats;
}

/** "$A$1:$C$2" (or "$A$1") → the rectangle. */
function areaOfAddress(address: string): Rect {
  const cell = (text: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(text);
    if (!m) throw new Error(`unexpected address ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  };
  const [a, b = a] = address.split(":");
  const [p, q] = [cell(a), cell(b)];
  return { row: p.row, col: p.col, rowCount: q.row - p.row + 1, colCount: q.col - p.col + 1 };
}

/**
 * Merged areas, found by halving on MergeCells. Only rectangles with an empty cell are probed:
 * every merged area of two cells or more has one (only its top-left cell keeps a value), so none
 * is missed. Past MERGE_PROBES the sheet's merges are unknown (null).
 */
function mergedAreas(sheet: EtWorksheet, area: Rect, values: CellValue[][]): MergedArea[] | null {
  const found: MergedArea[] = [];
  let probes = 0;
  const within = (outer: Rect, inner: Rect) =>
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount;
  const empty = (v: CellValue) => v === null;
  const visit = (r: Rect): boolean => {
    if (found.some((m) => within(m, r)) || !anyCell(values, area, r, empty)) return true;
    if (++probes > MERGE_PROBES) return false;
    const merged = sheet.Range(addressOf(r)).MergeCells;
    if (merged === false) return true;
    if (merged === true || (r.rowCount === 1 && r.colCount === 1)) {
      const hit = areaOfAddress(
        sheet.Range(addressOf({ ...r, rowCount: 1, colCount: 1 })).MergeArea.Address
      );
      if (
        hit.rowCount * hit.colCount > 1 &&
        !found.some((f) => f.row === hit.row && f.col === hit.col)
      )
        found.push(hit);
      if (within(hit, r)) return true;
    }
    return halves(r).every(visit);
  };
  return visit(area) ? found : null;
}

function hiddenColumns(sheet: EtWorksheet, area: Rect): number[] {
  const all = Array.from({ length: area.colCount }, (_, j) => area.col + j);
  const hidden = sheet.Range(addressOf(area)).EntireColumn.Hidden;
  if (hidden === false) return [];
  if (hidden === true) return all;
  return all.filter(
    (col) => sheet.Range(addressOf({ row: 0, col, rowCount: 1, colCount: 1 })).EntireColumn.Hidden
  );
}

export function readGrid(sheet: EtWorksheet, name: string): Grid {
  const used = usedArea(sheet);
  const cut = used ? trimmed(readValues(sheet, used), used) : null;
  if (!cut) return emptyGrid(name);
  const { area, values } = cut;
  const merges = mergedAreas(sheet, area, values);
  return {
    sheet: name,
    top: area.row,
    left: area.col,
    values,
    numberFormats: numberFormats(sheet, area, values),
    merges: merges ?? [],
    ...(merges === null ? { mergesUnknown: true } : {}),
    hiddenColumns: hiddenColumns(sheet, area),
  };
}
