import type { Row } from "../../table/schema";
import type { Rule } from "../context";
import type { Issue } from "../schema";
import { expectedSeqs, hasSeqColumn } from "./seqNumbers";

const span = (a: number | string, b: number | string) => (a === b ? `${a}` : `${a}—${b}`);

/**
 * Rows without 序号, one issue per run of consecutive rows: lost Word numbering loses whole
 * stretches, and a clerk fixes a stretch at once (the fill-in fix takes the numbers from expectedSeqs).
 */
export const seqMissing: Rule = {
  id: "numbering.seq-missing",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      if (!hasSeqColumn(table)) continue;
      const expected = expectedSeqs(table);
      let run: Row[] = [];
      const flush = () => {
        if (run.length === 0) return;
        const first = run[0];
        const last = run[run.length - 1];
        issues.push(
          ctx.issue(
            "numbering.seq-missing",
            table,
            first,
            "seq",
            {
              rows: `第${span(ctx.sheetRow(table, first), ctx.sheetRow(table, last))}行`,
              count: run.length,
              expected: span(expected[first.row - 1], expected[last.row - 1]),
            },
            "",
            last
          )
        );
        run = [];
      };
      for (const row of table.rows) {
        if (row.seq === null || row.seq.trim() === "") run.push(row);
        else flush();
      }
      flush();
    }
    return issues;
  },
};
