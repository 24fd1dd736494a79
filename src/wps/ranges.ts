import type { CellValue } from "../core/grid/schema";
import { columnIndex, rangeA1 } from "../core/patch/address";
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

/** "$A$1:$C$2" (or "$A$1", one area) → the rectangle it names, 0-based. */
export function areaOfAddress(address: string): Rect {
  const cell = (text: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(text);
    if (!m) throw new Error(`unexpected address ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  };
  const [a, b = a] = address.split(":");
  const [p, q] = [cell(a), cell(b)];
  return { row: p.row, col: p.col, rowCount: q.row - p.row + 1, colCount: q.col - p.col + 1 };
}

/** A sheet's used range: the Range ET gave and its rectangle. */
export interface Used {
  area: Rect;
  range: EtRange;
}

/**
 * The sheet's used range in 0-based coordinates; null for an empty sheet. Formatted blank margins
 * included. Its Address gives the whole rectangle in one call (Row, Column and the counts take six).
 */
export function usedArea(sheet: EtWorksheet): Used | null {
  const range = sheet.UsedRange;
  const area = areaOfAddress(range.Address);
  if (area.rowCount === 1 && area.colCount === 1) {
    const only = range.Value2;
    if (only === undefined || only === null || only === "") return null;
  }
  return { area, range };
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

/**
 * The values of `area`, one Value2 read per block of rows. `whole`, the Range of `area` when the
 * caller holds it (the used range), is read as it is when one block takes it all.
 */
export function readValues(sheet: EtWorksheet, area: Rect, whole?: EtRange): CellValue[][] {
  const rows: CellValue[][] = [];
  const blocks = rowBlocks(area);
  for (const block of blocks) {
    const range = whole && blocks.length === 1 ? whole : sheet.Range(addressOf(block));
    const values = rowsOf(range.Value2, block.rowCount, block.colCount);
    for (const row of values) rows.push(row.map(cellValue));
  }
  return rows;
}

/** A cell or a rectangle of cells, 0-based (a cell when the counts are left out). */
export interface Spot {
  row: number;
  col: number;
  rowCount?: number;
  colCount?: number;
}

const rectOf = (s: Spot): Rect => ({
  row: s.row,
  col: s.col,
  rowCount: s.rowCount ?? 1,
  colCount: s.colCount ?? 1,
});

/** Items in groups whose Range address ("A1,C5:C9,F9") stays under MAX_ADDRESS characters, filled in order. */
function groupAddresses<T>(
  items: readonly T[],
  part: (item: T) => string
): Array<{ address: string; items: T[] }> {
  const out: Array<{ address: string; items: T[] }> = [];
  let current: { address: string; items: T[] } | null = null;
  for (const item of items) {
    const text = part(item);
    if (current && current.address.length + 1 + text.length <= MAX_ADDRESS) {
      current.address += `,${text}`;
      current.items.push(item);
    } else {
      current = { address: text, items: [item] };
      out.push(current);
    }
  }
  return out;
}

/** Cells or rectangles in groups of one Range address each, so one call reads or colours many scattered cells. */
export function addressGroups<S extends Spot>(
  spots: readonly S[]
): Array<{ address: string; spots: S[] }> {
  return groupAddresses(spots, (spot) => addressOf(rectOf(spot))).map((g) => ({
    address: g.address,
    spots: g.items,
  }));
}

export function unionAddresses(spots: readonly Spot[]): string[] {
  return addressGroups(spots).map((g) => g.address);
}

/** Addresses of any kind ("C:D", "3:5", "A1:B2") joined into as few Range addresses as fit. */
export function joinAddresses(parts: readonly string[]): string[] {
  return groupAddresses(parts, (p) => p).map((g) => g.address);
}

/** Each column's runs of consecutive rows holding a cell that passes `test`, as rectangles. */
export function columnRuns<V>(
  values: readonly (readonly V[])[],
  area: Rect,
  test: (v: V) => boolean
): Rect[] {
  const runs: Rect[] = [];
  for (let j = 0; j < area.colCount; j++)
    for (let i = 0; i < area.rowCount; i++) {
      if (!test(values[i][j])) continue;
      const start = i;
      while (i + 1 < area.rowCount && test(values[i + 1][j])) i++;
      runs.push({ row: area.row + start, col: area.col + j, rowCount: i - start + 1, colCount: 1 });
    }
  return runs;
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

/**
 * A property of many cells or rectangles read with few calls: as many of them at once as one
 * address holds, and only where ET answers null (the cells differ) the halves, down to single
 * cells. `found` gets each part whose cells share a value, with that value.
 */
export function readSpread<T>(
  sheet: EtWorksheet,
  spots: readonly Spot[],
  read: (range: EtRange) => T | null,
  found: (part: Rect, value: T) => void,
  /** Given each Range of as many spots as one address holds, before it is read. */
  each?: (range: EtRange, spots: readonly Rect[]) => void
): void {
  const visit = (group: readonly Rect[], address = unionAddresses(group)[0], first = false) => {
    const range = sheet.Range(address);
    if (first) each?.(range, group);
    const value = read(range);
    if (value !== null) {
      for (const part of group) found(part, value);
      return;
    }
    if (group.length > 1) {
      const half = Math.ceil(group.length / 2);
      visit(group.slice(0, half));
      visit(group.slice(half));
    } else if (group[0].rowCount * group[0].colCount > 1) visit(halves(group[0]));
    else found(group[0], null as T);
  };
  for (const group of addressGroups(spots.map(rectOf))) visit(group.spots, group.address, true);
}
