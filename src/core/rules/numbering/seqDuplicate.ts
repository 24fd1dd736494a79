import type { Rule } from "../context";
import type { Issue } from "../schema";
import type { Row } from "../../table/schema";
import { expectedSeqs, numberedRows } from "./seqNumbers";

/** Two items with the same 序号 in one numbering scope; reported on the later one. */
export const seqDuplicate: Rule = {
  id: "numbering.seq-duplicate",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      const seen = new Map<string, Row>();
      const expected = expectedSeqs(table);
      for (const { row, n, scope } of numberedRows(ctx, table)) {
        const key = `${scope}\u0000${n}`;
        const other = seen.get(key);
        if (other === undefined) {
          seen.set(key, row);
          continue;
        }
        issues.push(
          ctx.issue(
            "numbering.seq-duplicate",
            table,
            row,
            "seq",
            {
              seq: row.seq ?? "",
              otherRow: ctx.sheetRow(table, other),
              expected: expected[row.row - 1],
            },
            row.seq ?? ""
          )
        );
      }
    }
    return issues;
  },
};
