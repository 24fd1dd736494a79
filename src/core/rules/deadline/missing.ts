import { excerpt, type Rule } from "../context";
import type { Issue } from "../schema";
import { hasQuarterGoals } from "../../tracking/deadline";

/** A 工作明细及完成时限 with no time expression at all. */
export const deadlineMissing: Rule = {
  id: "deadline.missing",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      if (hasQuarterGoals(table)) continue;
      for (const cell of ctx.cells(table, ["detail"])) {
        if (ctx.deadlines(table, cell.row, "detail").milestones.length > 0) continue;
        issues.push(
          ctx.issue("deadline.missing", table, cell.row, "detail", {}, excerpt(cell.text))
        );
      }
    }
    return issues;
  },
};
