import { toChineseDate } from "../../deadline";
import type { Row } from "../../table/schema";
import type { Rule } from "../context";
import type { Issue } from "../schema";

/** 已完成, 完成, 已办结 … in a 完成状态 cell; 未完成 is not done. */
const DONE = /^(?:已完成|完成|已办结|办结|已结)/;

const isDone = (row: Row) => DONE.test((row.fields.status ?? "").trim());

/**
 * With a check date only: the row's deadline (its last dated milestone) has passed and the row
 * is not marked done. Merged detail cells are checked on every row, since each row is a task of its own.
 */
export const deadlineOverdue: Rule = {
  id: "deadline.overdue",
  check(ctx) {
    const checkDate = ctx.options.checkDate;
    if (!checkDate) return [];
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      if (table.planYear === null || !ctx.hasColumn(table, "detail")) continue;
      for (const row of table.rows) {
        const result = ctx.deadlines(table, row, "detail");
        if (!result.deadline || result.deadline >= checkDate || isDone(row)) continue;
        const last = result.milestones.filter((m) => m.date === result.deadline).pop();
        const phrase = last?.text ?? result.deadline;
        issues.push(
          ctx.issue(
            "deadline.overdue",
            table,
            row,
            "detail",
            { phrase, date: toChineseDate(result.deadline), checkDate: toChineseDate(checkDate) },
            phrase
          )
        );
      }
    }
    return issues;
  },
};
