import type { Rule } from "../context";
import type { Issue } from "../schema";
import { hasQuarterGoals } from "../../tracking/deadline";

/** Only 持续推进 / 常态化 / 每月 … and no date: work without an end to check against. */
export const deadlineOpenEnded: Rule = {
  id: "deadline.open-ended",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      if (hasQuarterGoals(table)) continue;
      for (const cell of ctx.cells(table, ["detail"])) {
        const result = ctx.deadlines(table, cell.row, "detail");
        if (!result.openEndedOnly) continue;
        const phrases = [...new Set(result.milestones.map((m) => m.text))];
        issues.push(
          ctx.issue(
            "deadline.open-ended",
            table,
            cell.row,
            "detail",
            { phrase: phrases.slice(0, 2).join("」「") },
            phrases.join("、")
          )
        );
      }
    }
    return issues;
  },
};
