import type { Rule } from "../context";
import { QUARTER_KEYS } from "../../tracking/deadline";
import { figuresIn, sameAmount, type Figure } from "../figure/figures";
import type { Issue } from "../schema";

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function total(figures: readonly Figure[]): number {
  return figures.reduce((sum, f) => sum + f.value, 0);
}

/**
 * The last quarter's figure against the year's target in 具体工作, for the measure words both
 * use. It fits when it equals one target figure (累计培训2012人 / 全年培训2012人), their sum
 * (1200个 + 2520个 = 3720个), or the sum of the quarters (3条 + 7条 + 6条 = 16条).
 */
export const targetMismatch: Rule = {
  id: "quarterly.target-mismatch",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      const quarters = QUARTER_KEYS.filter((q) => ctx.hasColumn(table, q));
      const last = quarters[quarters.length - 1];
      if (!last || !ctx.hasColumn(table, "detail")) continue;
      for (const row of table.rows) {
        const targets = figuresIn(row.fields.detail ?? "");
        if (targets.length === 0) continue;
        const perQuarter = quarters.map((q) => figuresIn(row.fields[q] ?? ""));
        const byQuarter = perQuarter.flat();
        const lastFigures = perQuarter[perQuarter.length - 1];
        for (const unit of new Set(lastFigures.map((f) => f.unit))) {
          const same = targets.filter((t) => t.unit === unit);
          if (same.length === 0) continue;
          const quarterSum = total(byQuarter.filter((f) => f.unit === unit));
          const candidates = lastFigures.filter((f) => f.unit === unit);
          const fits =
            close(total(same), quarterSum) ||
            same.some((t) => close(quarterSum, t.value)) ||
            candidates.some(
              (f) => same.some((t) => sameAmount(t, f)) || close(total(same), f.value)
            );
          if (fits) continue;
          // The last figure of a quarter is its running total where it has one (开展…512人，累计…2012人).
          const shown = candidates[candidates.length - 1];
          issues.push(
            ctx.issue(
              "quarterly.target-mismatch",
              table,
              row,
              last,
              {
                quarter: shown.text,
                target: same.map((t) => t.text).join("、"),
                targetTitle: ctx.columnTitle(table, "detail"),
              },
              shown.text
            )
          );
        }
      }
    }
    return issues;
  },
};
