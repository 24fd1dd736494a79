import { impossibleDates } from "../../deadline";
import { deadlineKey, hasQuarterGoals } from "../../tracking/deadline";
import { excerpt, type Cell, type Rule, type RuleContext } from "../context";
import type { Issue } from "../schema";
import type { Table } from "../../table/schema";

/** Deadline cells are dated in the plan year; a table without one in a leap-neutral year. */
const yearOf = (table: Table) => table.planYear ?? 2001;

/** The impossible dates of a cell, once per validation. */
function impossibleIn(ctx: RuleContext, table: Table, text: string): string[] {
  return ctx.once(`impossible.${yearOf(table)}.${text}`, () =>
    impossibleDates(text, yearOf(table))
  );
}

/** A cell naming a time (or a date no calendar has), not only ongoing wording such as 持续推进. */
function statesDeadline(ctx: RuleContext, table: Table, cell: Cell): boolean {
  const found = ctx.deadlines(table, cell.row, cell.key);
  return (
    (found.milestones.length > 0 && !found.openEndedOnly) ||
    impossibleIn(ctx, table, cell.text).length > 0
  );
}

/**
 * A deadline cell with no time expression at all. A table whose 工作明细 or task text states a
 * deadline in fewer than half of its rows is not a table of deadlines and is not checked row by
 * row — wording such as 持续推进 states none (绍兴 2020's progress table has it in a task and no
 * date anywhere), and a list of measures may date one of them (官渡区 2016: 5月底前 in one of
 * four); a table with a 完成时限 column always is. A cell whose date does not exist is 日期不存在 instead.
 */
export const deadlineMissing: Rule = {
  id: "deadline.missing",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      if (hasQuarterGoals(table)) continue;
      const key = deadlineKey(table);
      const cells = ctx.cells(table, [key]);
      const dated = cells.filter((cell) => statesDeadline(ctx, table, cell)).length;
      if (key !== "due" && dated * 2 < cells.length) continue;
      const missing = cells.filter(
        (cell) => ctx.deadlines(table, cell.row, key).milestones.length === 0
      );
      const undated = missing.filter((cell) => impossibleIn(ctx, table, cell.text).length === 0);
      for (const cell of undated) {
        issues.push(ctx.issue("deadline.missing", table, cell.row, key, {}, excerpt(cell.text)));
      }
    }
    return issues;
  },
};

/** A date no calendar has (2023年13月, 2月30日): reported with the text as written. */
export const deadlineImpossible: Rule = {
  id: "deadline.impossible",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      const key = deadlineKey(table);
      const keys = key === "detail" ? [key] : [key, "detail" as const];
      for (const cell of ctx.cells(table, keys)) {
        const dates = impossibleIn(ctx, table, cell.text);
        if (dates.length === 0) continue;
        const date = dates.join("」「");
        issues.push(ctx.issue("deadline.impossible", table, cell.row, cell.key, { date }, date));
      }
    }
    return issues;
  },
};
