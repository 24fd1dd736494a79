import type { Rule } from "../context";
import type { Issue } from "../schema";
import { numberedRows, type NumberedRow } from "./seqNumbers";

const fits = (a: NumberedRow, b: NumberedRow) => b.n - a.n === b.item - a.item;

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
      const seen = new Set<string>();
      let anchor: NumberedRow | null = null;
      numbered.forEach((current, i) => {
        const key = `${current.scope}\u0000${current.n}`;
        const duplicate = seen.has(key);
        seen.add(key);
        if (duplicate) return;
        if (anchor === null || anchor.scope !== current.scope || fits(anchor, current)) {
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
              previousRow: ctx.sheetRow(table, anchor.row),
              expected: anchor.n + (current.item - anchor.item),
            },
            current.row.seq ?? ""
          )
        );
        const next = numbered[i + 1];
        if (next && next.scope === current.scope && fits(current, next)) anchor = current;
      });
    }
    return issues;
  },
};
