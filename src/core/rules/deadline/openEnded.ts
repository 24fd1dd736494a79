import type { Rule } from "../context";
import type { Issue } from "../schema";
import { deadlineKey, hasQuarterGoals } from "../../tracking/deadline";

/** Only 持续推进 / 常态化 / 每月 … and no date: work without an end to check against. */
export const deadlineOpenEnded: Rule = {
  id: "deadline.open-ended",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      if (hasQuarterGoals(table)) continue;
      const key = deadlineKey(table);
      for (const cell of ctx.cells(table, [key])) {
        const result = ctx.deadlines(table, cell.row, key);
        if (!result.openEndedOnly) continue;
        const phrases = [...new Set(result.milestones.map((m) => m.text))];
        issues.push(
          ctx.issue(
            "deadline.open-ended",
            table,
            cell.row,
            key,
            { phrase: phrases.slice(0, 2).join("」「") },
            phrases.join("、")
          )
        );
      }
    }
    return issues;
  },
};
