import { a1 } from "../../patch/address";
import { formatMessage, ruleInfo } from "../catalogue";
import type { Rule } from "../context";

/**
 * The 名册 sheet's own mistakes (roster/sheet.ts found them while reading it), as issues of the
 * sheet: `table` is the sheet's name, `row` and `line` its 1-based row.
 */
export const rosterSheet: Rule = {
  id: "roster.sheet",
  check(ctx) {
    const info = ruleInfo("roster.sheet");
    return (ctx.options.rosterProblems ?? []).map((p) => ({
      table: p.sheet,
      row: p.row + 1,
      seq: null,
      column: p.kind === "leader" ? ("leader" as const) : ("lead" as const),
      rule: info.id,
      category: info.category,
      severity: info.severity,
      message: formatMessage(info.message, { problem: p.message }),
      evidence: "",
      columnTitle: p.columnTitle,
      line: p.row + 1,
      sheet: p.sheet,
      cell: a1(p.row, p.col),
    }));
  },
};
