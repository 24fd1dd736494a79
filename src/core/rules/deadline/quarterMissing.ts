import type { Rule } from "../context";
import type { Issue } from "../schema";
import { QUARTER_KEYS } from "../../tracking/deadline";

/** An empty quarter goal in a table with 阶段性目标. */
export const quarterMissing: Rule = {
  id: "deadline.quarter-missing",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      for (const cell of ctx.cells(table, QUARTER_KEYS)) {
        if (cell.text.trim() === "")
          issues.push(ctx.issue("deadline.quarter-missing", table, cell.row, cell.key, {}, ""));
      }
    }
    return issues;
  },
};
