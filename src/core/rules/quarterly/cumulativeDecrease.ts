import type { Rule } from "../context";
import { QUARTER_KEYS } from "../../tracking/deadline";
import { clauseBefore, figuresIn, type Figure } from "../figure/figures";
import type { Issue } from "../schema";

/**
 * A quarter's 累计 figure below the running total of an earlier quarter (same measure word).
 * The first figure of a measure counts as the running total; later figures without 累计 are
 * the quarter's own work (优化调整3条, 7条, 6条) and are not compared.
 */
export const cumulativeDecrease: Rule = {
  id: "quarterly.cumulative-decrease",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      const quarters = QUARTER_KEYS.filter((q) => ctx.hasColumn(table, q));
      if (quarters.length < 2) continue;
      for (const row of table.rows) {
        if (!quarters.some((q) => row.fields[q]?.includes("累计"))) continue;
        const running = new Map<string, { figure: Figure; title: string }>();
        for (const q of quarters) {
          const text = row.fields[q] ?? "";
          for (const figure of figuresIn(text)) {
            const previous = running.get(figure.unit);
            const cumulative = clauseBefore(text, figure.index).includes("累计");
            if (cumulative && previous && figure.high < previous.figure.value) {
              issues.push(
                ctx.issue(
                  "quarterly.cumulative-decrease",
                  table,
                  row,
                  q,
                  {
                    current: figure.text,
                    previous: previous.figure.text,
                    previousTitle: previous.title,
                  },
                  figure.text
                )
              );
            }
            if (cumulative || !previous)
              running.set(figure.unit, { figure, title: ctx.columnTitle(table, q) });
          }
        }
      }
    }
    return issues;
  },
};
