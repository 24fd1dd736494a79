import { invalidArgument } from "./errors";

/** Excel's grid limits. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based. Whole columns span all rows; whole rows span all columns. */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

export function area(row: number, col: number, rowCount = 1, colCount = 1): Area {
  return { row, col, rowCount, colCount };
}

export function lastRow(a: Area): number {
  return a.row + a.rowCount - 1;
}

export function lastCol(a: Area): number {
  return a.col + a.colCount - 1;
}

export function isWholeColumns(a: Area): boolean {
  return a.row === 0 && a.rowCount === MAX_ROWS;
}

export function isWholeRows(a: Area): boolean {
  return a.col === 0 && a.colCount === MAX_COLUMNS;
}

/** Whole columns or whole rows: Excel calls these unbounded ranges. */
export function isUnbounded(a: Area): boolean {
  return isWholeColumns(a) || isWholeRows(a);
}

export function cellCount(a: Area): number {
  return a.rowCount * a.colCount;
}

export function inSheet(a: Area): boolean {
  return (
    Number.isInteger(a.row) &&
    Number.isInteger(a.col) &&
    Number.isInteger(a.rowCount) &&
    Number.isInteger(a.colCount) &&
    a.row >= 0 &&
    a.col >= 0 &&
    a.rowCount >= 1 &&
    a.colCount >= 1 &&
    lastRow(a) < MAX_ROWS &&
    lastCol(a) < MAX_COLUMNS
  );
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1", "A1:C3", "A:C" or "1:3" for an area, as Excel writes it (without $). */
export function formatArea(a: Area): string {
  if (isWholeColumns(a)) return `${columnLetters(a.col)}:${columnLetters(lastCol(a))}`;
  if (isWholeRows(a)) return `${a.row + 1}:${lastRow(a) + 1}`;
  const first = cellName(a.row, a.col);
  return a.rowCount === 1 && a.colCount === 1
    ? first
    : `${first}:${cellName(lastRow(a), lastCol(a))}`;
}

/**
 * Excel quotes a sheet name in an address unless it is a plain identifier: letters (any script),
 * digits, underscores and dots, not starting with a digit, and not readable as a cell reference.
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]\d*$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheetName: string, a: Area): string {
  return `${quoteSheetName(sheetName)}!${formatArea(a)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function bounded(a: Area, text: string): Area {
  if (!inSheet(a)) throw invalidArgument(`The address "${text}" is outside the sheet.`);
  return a;
}

/** Parses the part after "!": a cell, a rectangle, whole columns or whole rows. */
export function parseArea(text: string): Area {
  const parts = text.trim().split(":");
  if (parts.length === 1) {
    const cell = CELL.exec(parts[0]);
    if (!cell) throw invalidArgument(`"${text}" is not a valid range address.`);
    return bounded(area(Number(cell[2]) - 1, columnIndex(cell[1])), text);
  }
  if (parts.length !== 2) throw invalidArgument(`"${text}" is not a valid range address.`);
  const [from, to] = parts;
  const cells = [CELL.exec(from), CELL.exec(to)];
  if (cells[0] && cells[1]) {
    const r1 = Number(cells[0][2]) - 1;
    const r2 = Number(cells[1][2]) - 1;
    const c1 = columnIndex(cells[0][1]);
    const c2 = columnIndex(cells[1][1]);
    return bounded(
      area(Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1),
      text
    );
  }
  const columns = [COLUMN.exec(from), COLUMN.exec(to)];
  if (columns[0] && columns[1]) {
    const c1 = columnIndex(columns[0][1]);
    const c2 = columnIndex(columns[1][1]);
    return bounded(area(0, Math.min(c1, c2), MAX_ROWS, Math.abs(c2 - c1) + 1), text);
  }
  const rows = [ROW.exec(from), ROW.exec(to)];
  if (rows[0] && rows[1]) {
    const r1 = Number(rows[0][1]) - 1;
    const r2 = Number(rows[1][1]) - 1;
    return bounded(area(Math.min(r1, r2), 0, Math.abs(r2 - r1) + 1, MAX_COLUMNS), text);
  }
  throw invalidArgument(`"${text}" is not a valid range address.`);
}

export interface ParsedAddress {
  /** The sheet named in the address, or null when it names none. */
  readonly sheet: string | null;
  readonly area: Area;
}

/** Parses "A1", "Sheet1!A1:B2", "'单位 表'!A1", "A:C", "1:3" (one area only). */
export function parseAddress(address: string): ParsedAddress {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i += 1;
    }
    if (text[i] !== "'" || text[i + 1] !== "!")
      throw invalidArgument(`"${address}" is not a valid address.`);
    return { sheet: name, area: parseArea(text.slice(i + 2)) };
  }
  const bang = text.lastIndexOf("!");
  if (bang === -1) return { sheet: null, area: parseArea(text) };
  const sheet = text.slice(0, bang);
  if (sheet === "") throw invalidArgument(`"${address}" is not a valid address.`);
  return { sheet, area: parseArea(text.slice(bang + 1)) };
}
