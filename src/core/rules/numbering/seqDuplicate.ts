import type { Rule } from "../context";
import type { Issue } from "../schema";
import { expectedSeqs, numberedRows } from "./seqNumbers";

/** Two rows with the same 序号; reported on the later one. */
export const seqDuplicate: Rule = {
  id: "numbering.seq-duplicate",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      const seen = new Map<number, number>();
      const expected = expectedSeqs(table);
      for (const { row, n } of numberedRows(ctx, table)) {
        const other = seen.get(n);
        if (other === undefined) {
          seen.set(n, row.row);
          continue;
        }
        issues.push(
          ctx.issue(
            "numbering.seq-duplicate",
            table,
            row,
            "seq",
            { seq: row.seq ?? "", otherRow: other, expected: expected[row.row - 1] },
            row.seq ?? ""
          )
        );
      }
    }
    return issues;
  },
};
