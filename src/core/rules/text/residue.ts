import { ERROR_VALUE_SOURCE } from "../../grid/errorValues";
import type { Rule } from "../context";
import type { Issue } from "../schema";
import { MAY_HOLD_RESIDUE, markedTextCells } from "./textMarks";

/**
 * What a spreadsheet leaves in pasted text: a cell reference after an operator (+C18, =A1),
 * an error value (#REF!, #N/A …), or a formula (a cell starting with =). "互联网+", "1+3",
 * "PM2.5" and "5G" have no operator before a column-and-row reference.
 */
const RESIDUE = new RegExp(
  `[+=＋＝]\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7}(?![0-9A-Za-z])|${ERROR_VALUE_SOURCE}|^\\s*[=＝].{0,12}`,
  "g"
);

export const textResidue: Rule = {
  id: "text.residue",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      // Only cells holding a character a residue starts with (RESIDUE_START): most have none.
      for (const { cell, marks } of markedTextCells(ctx, table)) {
        if ((marks & MAY_HOLD_RESIDUE) === 0) continue;
        const found = cell.text.match(RESIDUE);
        if (!found) continue;
        const evidence = [...new Set(found.map((f) => f.trim()))].join("、");
        issues.push(ctx.issue("text.residue", table, cell.row, cell.key, { evidence }, evidence));
      }
    }
    return issues;
  },
};
