import { MAX_COLUMN, MAX_ROW, columnIndex, columnLetter } from "../core/patch/address";

/**
 * A conditional format's formula is written for the top-left cell of its range. When part of
 * a range is cleared and what is left starts at another cell, the formula must be rewritten
 * for that cell: every relative reference moves by the same offset, absolute ones ($F) stay.
 */

// A cell reference not glued to a longer name, and not a function name such as LOG10(.
const REFERENCE = /(?<![\w.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w.(])/gi;
// String literals ("…", quotes doubled inside) and quoted sheet names ('…') are left alone.
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(REFERENCE, shiftOne(rows, cols))))
    .join("");
}

function shiftOne(rows: number, cols: number) {
  return (
    whole: string,
    colAbs: string,
    letters: string,
    rowAbs: string,
    digits: string
  ): string => {
    // Past column XFD it is a name (such as a defined name XYZ1), not a reference.
    if (letters.length === 3 && letters.toUpperCase() > "XFD") return whole;
    const row = Number(digits) - 1 + (rowAbs ? 0 : rows);
    const col = columnIndex(letters) + (colAbs ? 0 : cols);
    // A reference moved off the sheet is what Excel shows as #REF!.
    if (row < 0 || col < 0 || row > MAX_ROW || col > MAX_COLUMN) return "#REF!";
    return `${colAbs}${columnLetter(col)}${rowAbs}${row + 1}`;
  };
}
