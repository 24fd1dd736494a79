/**
 * A1 addresses from the patch's 0-based coordinates. Both adapters and the core (links,
 * print titles, messages that name a cell) use these, so every address is spelled one way.
 */

/** Excel's last column (XFD) as a 0-based index. */
export const MAX_COLUMN = 16383;
/** Excel's last row as a 0-based index. */
export const MAX_ROW = 1048575;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col > MAX_COLUMN) {
    throw new RangeError(`column index out of range: ${col}`);
  }
  if (col < 26) return LETTERS[col]; // one letter, as nearly every column of a table has
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = LETTERS[(n - 1) % 26] + letters;
  }
  return letters;
}

/** "A" → 0, "Z" → 25, "AA" → 26, "XFD" → 16383: the inverse of columnLetter. */
export function columnIndex(letters: string): number {
  const col = [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  if (!/^[A-Z]{1,3}$/i.test(letters) || col > MAX_COLUMN) {
    throw new RangeError(`not a column: ${letters}`);
  }
  return col;
}

/** (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) {
    throw new RangeError(`row index out of range: ${row}`);
  }
  return `${columnLetter(col)}${row + 1}`;
}

/** A cell as one number, to key sets and maps of cells without building a string for each. */
export function cellKey(row: number, col: number): number {
  return row * (MAX_COLUMN + 1) + col;
}

/** A rectangle as "B3:D7"; a single cell as "B3". */
export function rangeA1(row: number, col: number, rowCount = 1, colCount = 1): string {
  const topLeft = a1(row, col);
  if (rowCount === 1 && colCount === 1) return topLeft;
  return `${topLeft}:${a1(row + rowCount - 1, col + colCount - 1)}`;
}

/** Whole rows, absolute, as print titles want them: (0, 2) → "$1:$2". */
export function rowsA1(firstRow: number, rowCount: number): string {
  return `$${firstRow + 1}:$${firstRow + rowCount}`;
}

/**
 * A sheet name as it must stand before "!" in a reference. Always quoted: Excel accepts quotes
 * around any name, and names with spaces, CJK punctuation or leading digits need them.
 */
export function quoteSheetName(sheet: string): string {
  // Called for every issue's address: most names have no quote, and includes() is cheap.
  return `'${sheet.includes("'") ? sheet.replace(/'/g, "''") : sheet}'`;
}

/** "'校验结果'!" — what comes before a cell's A1 on a named sheet, for many cells of one sheet. */
export function sheetPrefix(sheet: string): string {
  return `${quoteSheetName(sheet)}!`;
}

/** "'校验结果'!B3" — a cell on a named sheet, for links and comments. */
export function sheetCellA1(sheet: string, row: number, col: number): string {
  return sheetPrefix(sheet) + a1(row, col);
}

/** "'区重点工作'!F12" → { sheet: "区重点工作", row: 11, col: 5 }: the inverse of sheetCellA1. */
export function parseSheetCell(address: string): { sheet: string; row: number; col: number } {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?([0-9]+)$/.exec(address);
  if (!match) throw new RangeError(`not a cell address: ${address}`);
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const col = [...match[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet, row: Number(match[4]) - 1, col };
}
