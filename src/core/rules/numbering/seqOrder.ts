import type { Rule } from "../context";
import type { Issue } from "../schema";
import { numberedRows, type NumberedRow } from "./seqNumbers";

const fits = (a: NumberedRow, b: NumberedRow) => b.n - a.n === b.row.row - a.row.row;

/**
 * 序号 that does not follow the last well-placed one. A lone wrong number (1, 2, 7, 4) is reported
 * once and the count goes on from before it; a jump that the following rows keep (1, 2, 4, 5)
 * is reported once and the count goes on from it. Repeated numbers belong to seq-duplicate.
 */
export const seqOrder: Rule = {
  id: "numbering.seq-order",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      const numbered = numberedRows(ctx, table);
      const seen = new Set<number>();
      let anchor: NumberedRow | null = null;
      numbered.forEach((current, i) => {
        const duplicate = seen.has(current.n);
        seen.add(current.n);
        if (duplicate) return;
        if (anchor === null || fits(anchor, current)) {
          anchor = current;
          return;
        }
        issues.push(
          ctx.issue(
            "numbering.seq-order",
            table,
            current.row,
            "seq",
            {
              seq: current.row.seq ?? "",
              previous: anchor.row.seq ?? "",
              previousRow: anchor.row.row,
              expected: anchor.n + (current.row.row - anchor.row.row),
            },
            current.row.seq ?? ""
          )
        );
        const next = numbered[i + 1];
        if (next && fits(current, next)) anchor = current;
      });
    }
    return issues;
  },
};
