import { EtError } from "./strict";

/** A rectangle in 0-based sheet coordinates; whole columns or rows span the sheet. */
export interface Area {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;
/** Range("…") takes at most 255 characters, as in Excel's object model. */
export const MAX_ADDRESS = 255;

function column(letters: string): number {
  const col = [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  if (col < 0 || col >= SHEET_COLS) throw new EtError(`列号超出范围：${letters}`);
  return col;
}

function row(digits: string): number {
  const r = Number(digits) - 1;
  if (!Number.isInteger(r) || r < 0 || r >= SHEET_ROWS)
    throw new EtError(`行号超出范围：${digits}`);
  return r;
}

function part(text: string): Area {
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text);
  if (cell) return { row: row(cell[2]), col: column(cell[1]), rowCount: 1, colCount: 1 };
  throw new EtError(`无效的单元格地址：${text}`);
}

function one(text: string): Area {
  const [a, b, extra] = text.split(":");
  if (extra !== undefined || a === "") throw new EtError(`无效的区域地址：${text}`);
  if (b === undefined) return part(a);
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d+)$/;
  if (cols.test(a) && cols.test(b)) {
    const [c1, c2] = [column(cols.exec(a)![1]), column(cols.exec(b)![1])];
    return { row: 0, col: Math.min(c1, c2), rowCount: SHEET_ROWS, colCount: Math.abs(c2 - c1) + 1 };
  }
  if (rows.test(a) && rows.test(b)) {
    const [r1, r2] = [row(rows.exec(a)![1]), row(rows.exec(b)![1])];
    return { row: Math.min(r1, r2), col: 0, rowCount: Math.abs(r2 - r1) + 1, colCount: SHEET_COLS };
  }
  const [p, q] = [part(a), part(b)];
  const top = Math.min(p.row, q.row);
  const left = Math.min(p.col, q.col);
  return {
    row: top,
    col: left,
    rowCount: Math.max(p.row, q.row) - top + 1,
    colCount: Math.max(p.col, q.col) - left + 1,
  };
}

/** "A1", "A1:H30", "C:C", "3:5", "$A$1", "A1,B5:C7": the areas of a Range("…") address. */
export function parseAddress(text: unknown): Area[] {
  if (typeof text !== "string" || text.trim() === "") throw new EtError("Range 的地址须为文本");
  if (text.length > MAX_ADDRESS)
    throw new EtError(`Range 地址超过 ${MAX_ADDRESS} 个字符（${text.length}）`);
  return text.split(",").map((t) => one(t.trim()));
}

export function cellsOf(area: Area): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let r = area.row; r < area.row + area.rowCount; r++)
    for (let c = area.col; c < area.col + area.colCount; c++) out.push([r, c]);
  return out;
}

/** Rectangles as the .xlsx adapter's range helpers take them (the same shape as Area). */
export { intersects as overlaps, contains as inside } from "../../../src/xlsx/ranges";

export function a1Of(area: Area): string {
  const letters = (col: number) => {
    let s = "";
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const tl = `$${letters(area.col)}$${area.row + 1}`;
  if (area.rowCount === 1 && area.colCount === 1) return tl;
  return `${tl}:$${letters(area.col + area.colCount - 1)}$${area.row + area.rowCount}`;
}
