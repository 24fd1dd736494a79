import { toChineseDate, yearEnd } from "../../deadline";
import type { Rule } from "../context";
import type { Issue } from "../schema";
import { deadlineKey, QUARTER_KEYS } from "../../tracking/deadline";

/**
 * Only a text naming a year (2023年, 明年, 次年) or running from one month into another
 * (11月至2月) can date something after the plan year; the others need not be parsed.
 */
const MAY_LEAVE_YEAR = /[12１２][0-9０-９]{3}|[明次]年|月.{0,4}[至到\-－~～]/;

/** A milestone after the plan year (2023年三季度竣工 in a 2022 plan); reported once per cell, at the latest one. */
export const deadlineBeyondYear: Rule = {
  id: "deadline.beyond-year",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      const planYear = table.planYear;
      if (planYear === null) continue;
      const end = yearEnd(planYear);
      for (const cell of ctx.cells(table, [deadlineKey(table), ...QUARTER_KEYS])) {
        if (!MAY_LEAVE_YEAR.test(cell.text)) continue;
        const result = ctx.deadlines(table, cell.row, cell.key);
        if (!result.beyondPlanYear) continue;
        const latest = result.milestones.filter((m) => m.date !== null && m.date > end).pop();
        if (!latest?.date) continue;
        issues.push(
          ctx.issue(
            "deadline.beyond-year",
            table,
            cell.row,
            cell.key,
            { phrase: latest.text, date: toChineseDate(latest.date), planYear },
            latest.text
          )
        );
      }
    }
    return issues;
  },
};
