import type { FieldKey } from "../../table/schema";
import type { RuleId } from "../catalogue";
import type { Rule } from "../context";
import type { Issue } from "../schema";

/** An empty cell that does not continue a merge from the row above. */
function emptyCell(id: RuleId, key: FieldKey): Rule {
  return {
    id,
    check(ctx) {
      const issues: Issue[] = [];
      for (const table of ctx.tables) {
        for (const cell of ctx.cells(table, [key])) {
          if (cell.text.trim() === "") issues.push(ctx.issue(id, table, cell.row, key, {}, ""));
        }
      }
      return issues;
    },
  };
}

export const leaderMissing = emptyCell("leader.missing", "leader");
export const unitMissing = emptyCell("unit.missing", "lead");
