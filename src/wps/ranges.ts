import type { CellValue } from "../core/grid/schema";
import { rangeA1 } from "../core/patch/address";
import type { Rect } from "../core/patch/schema";
import type { EtRange, EtWorksheet } from "./et";

/**
 * Addresses and whole-range reads. Each ET call crosses into WPS, so values move as 2-D Value2
 * arrays of a block of rows at a time, and scattered cells are reached through one Range of
 * several areas ("A1,C5,F9") instead of one Range each.
 */

/** Cells per Value2 read or write: large enough that a sheet takes a few calls, small enough for one message. */
export const BLOCK_CELLS = 50_000;

/** Range("…") takes at most 255 characters (as in Excel's object model). */
export const MAX_ADDRESS = 255;

export function addressOf(r: Rect): string {
  return rangeA1(r.row, r.col, r.rowCount, r.colCount);
}

/** The sheet's used range in 0-based coordinates; null for an empty sheet. Formatted blank margins included. */
export function usedArea(sheet: EtWorksheet): Rect | null {
  const used = sheet.UsedRange;
  const area = {
    row: used.Row - 1,
    col: used.Column - 1,
    rowCount: used.Rows.Count,
    colCount: used.Columns.Count,
  };
  if (area.rowCount === 1 && area.colCount === 1) {
    const only = used.Value2;
    if (only === undefined || only === null || only === "") return null;
  }
  return area;
}

/** Value2 as rows of cells, whatever shape ET gave (a scalar for one cell). */
export function rowsOf(value: unknown, rowCount: number, colCount: number): unknown[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  if (rowCount === 1 && colCount === 1) return [[value]];
  throw new Error(`Value2 of ${rowCount}×${colCount} cells came back as ${typeof value}`);
}

export function cellValue(value: unknown): CellValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

/** Blocks of whole rows of `area` holding at most BLOCK_CELLS cells each (one row at least). */
export function rowBlocks(area: Rect): Rect[] {
  const per = Math.max(1, Math.floor(BLOCK_CELLS / area.colCount));
  const blocks: Rect[] = [];
  for (let start = 0; start < area.rowCount; start += per)
    blocks.push({ ...area, row: area.row + start, rowCount: Math.min(per, area.rowCount - start) });
  return blocks;
}

/** The values of `area`, one Value2 read per block of rows. */
export function readValues(sheet: EtWorksheet, area: Rect): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const block of rowBlocks(area)) {
    const values = rowsOf(sheet.Range(addressOf(block)).Value2, block.rowCount, block.colCount);
    for (const row of values) rows.push(row.map(cellValue));
  }
  return rows;
}

/**
 * Cells grouped into Range addresses of several areas, each under MAX_ADDRESS characters, so a
 * fill or colour goes to many scattered cells in one call.
 */
export function unionAddresses(cells: ReadonlyArray<{ row: number; col: number }>): string[] {
  const out: string[] = [];
  let current = "";
  for (const { row, col } of cells) {
    const a1 = rangeA1(row, col);
    if (current !== "" && current.length + 1 + a1.length > MAX_ADDRESS) {
      out.push(current);
      current = "";
    }
    current = current === "" ? a1 : `${current},${a1}`;
  }
  if (current !== "") out.push(current);
  return out;
}

/**
 * A property of many cells read with few calls: the whole group at once, and only where ET
 * answers null (the cells differ) the halves, down to single cells.
 */
export function readSpread<T, C extends { row: number; col: number }>(
  sheet: EtWorksheet,
  cells: readonly C[],
  read: (range: EtRange) => T | null,
  found: (cell: C, value: T) => void
): void {
  const visit = (group: readonly C[]) => {
    if (group.length === 0) return;
    const addresses = unionAddresses(group);
    if (addresses.length > 1) {
      const half = Math.ceil(group.length / 2);
      visit(group.slice(0, half));
      visit(group.slice(half));
      return;
    }
    const value = read(sheet.Range(addresses[0]));
    if (value !== null || group.length === 1) {
      for (const cell of group) found(cell, value as T);
      return;
    }
    const half = Math.ceil(group.length / 2);
    visit(group.slice(0, half));
    visit(group.slice(half));
  };
  visit(cells);
}
