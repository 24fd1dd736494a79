import type { Table } from "../../table/schema";
import type { Cell, RuleContext } from "../context";
import { textKeys } from "./textCells";

/** The characters every residue starts with (+C18, =A1, #REF!). */
export const RESIDUE_START = /[+=＋＝#]/;
/** Every whitespace finding needs a space other than a line break, or an invisible character. */
export const ODD_SPACE =
  /[ \t\v\f\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

/** What a cell may hold, as found by one scan of its text; a rule skips the cells without its mark. */
export const MAY_HOLD_RESIDUE = 1;
export const MAY_HOLD_ODD_SPACE = 2;
/** Some Chinese character and the next one come again two, three or four places on (推进推进). */
export const MAY_HOLD_DOUBLED = 4;
const HAN = 8;

let classes: Uint8Array | undefined;

/** Marks per UTF-16 code unit, read off the rules' own character classes once. */
function characterClasses(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    classes[code] =
      (RESIDUE_START.test(ch) ? MAY_HOLD_RESIDUE : 0) |
      (ODD_SPACE.test(ch) ? MAY_HOLD_ODD_SPACE : 0) |
      (code >= 0x4e00 && code <= 0x9fff ? HAN : 0);
  }
  return classes;
}

/**
 * The marks of a text, in one pass: the three text rules would otherwise read every cell three
 * times, and most cells have nothing for any of them. For a repeat, each character x is compared
 * with the five before it, kept in variables (a is the one just before x, e the fifth): a word
 * of length L ends at x when x and the character before it stand L places earlier too.
 */
export function textMarks(text: string): number {
  const table = characterClasses();
  let marks = 0;
  // -1 before the start: the variables stay small integers, which V8 keeps fast.
  let a = -1;
  let b = -1;
  let c = -1;
  let d = -1;
  let e = -1;
  for (let i = 0; i < text.length; i++) {
    const x = text.charCodeAt(i);
    marks |= table[x];
    // L = 2, 3, 4. The word would start with the character a repeats: it must be Chinese.
    if ((x === b && a === c) || (x === c && a === d) || (x === d && a === e)) {
      if (table[a] & HAN) marks |= MAY_HOLD_DOUBLED;
    }
    e = d;
    d = c;
    c = b;
    b = a;
    a = x;
  }
  return marks & ~HAN;
}

export interface MarkedCell {
  cell: Cell;
  marks: number;
}

/**
 * The text cells (see textCells) of a table that have any mark, with their marks; scanned once
 * per validation. Row by row, as the texts lie in memory, and without a Cell for the many
 * cells that have no mark; the issues are put in reading order by the engine.
 */
export function markedTextCells(ctx: RuleContext, table: Table): readonly MarkedCell[] {
  return ctx.once(`text.marks.${table.id}`, () => {
    const keys = textKeys(ctx, table);
    const marked: MarkedCell[] = [];
    for (const row of table.rows) {
      for (const key of keys) {
        if (row.merged.includes(key)) continue;
        const text = row.fields[key] ?? "";
        const marks = textMarks(text);
        if (marks !== 0) marked.push({ cell: { table, row, key, text }, marks });
      }
    }
    return marked;
  });
}
