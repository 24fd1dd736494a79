import type { Rule } from "../context";
import type { Issue } from "../schema";
import { textCells } from "./textCells";

/**
 * What a spreadsheet leaves in pasted text: a cell reference after an operator (+C18, =A1),
 * an error value (#REF!, #N/A …), or a formula (a cell starting with =). "互联网+", "1+3",
 * "PM2.5" and "5G" have no operator before a column-and-row reference.
 */
const RESIDUE =
  /[+=＋＝]\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?![0-9A-Za-z])|#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)|^\s*[=＝].{0,12}/g;

/** The characters every residue starts with: most cells have none and are skipped. */
const MAYBE = /[+=＋＝#]/;

export const textResidue: Rule = {
  id: "text.residue",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      for (const cell of textCells(ctx, table)) {
        if (!MAYBE.test(cell.text)) continue;
        const found = cell.text.match(RESIDUE);
        if (!found) continue;
        const evidence = [...new Set(found.map((f) => f.trim()))].join("、");
        issues.push(ctx.issue("text.residue", table, cell.row, cell.key, { evidence }, evidence));
      }
    }
    return issues;
  },
};
