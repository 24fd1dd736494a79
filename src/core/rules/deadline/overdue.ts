import { type DeadlineResult, parseDeadlines, toChineseDate } from "../../deadline";
import type { Row, Table } from "../../table/schema";
import {
  datingYear,
  deadlineKey,
  goalDeadline,
  goalOn,
  hasQuarterGoals,
} from "../../tracking/deadline";
import { isOverdue } from "../../tracking/state";
import type { Rule, RuleContext } from "../context";
import type { Issue } from "../schema";
import { append } from "../../append";

/*
 * Overdue exactly as 导入's 截止日期, 生成单位表 and 汇总 judge it (tracking's dates and
 * isOverdue), so they never disagree.
 */

/** 民心工程: the goal of the check date's quarter is written, and that quarter has ended. */
function quarterIssues(ctx: RuleContext, table: Table, checkDate: string): Issue[] {
  const goal = goalOn(table, checkDate);
  const params = {
    phrase: `${ctx.columnTitle(table, goal.key)}目标`,
    date: toChineseDate(goal.due),
    checkDate: toChineseDate(checkDate),
  };
  return table.rows.flatMap((row) =>
    isOverdue(goalDeadline(row, goal), row.fields.status, checkDate)
      ? [ctx.issue("deadline.overdue", table, row, goal.key, params, row.fields[goal.key] ?? "")]
      : []
  );
}

/**
 * The deadline read from the table's deadline column, in the year tracking reads it in (the
 * context's cached parse serves tables with a plan year).
 */
function rowDeadlines(ctx: RuleContext, table: Table, row: Row, checkDate: string) {
  const key = deadlineKey(table);
  if (table.planYear !== null) return ctx.deadlines(table, row, key);
  return parseDeadlines(row.fields[key] ?? "", datingYear(table, checkDate));
}

/** The phrase that sets the deadline: the row's last milestone on that date. */
function deadlinePhrase(result: DeadlineResult): string {
  const last = result.milestones.filter((m) => m.date === result.deadline).pop();
  return last?.text ?? (result.deadline as string);
}

/**
 * With a check date only: the row's deadline has passed and its 完成状态 is not 已完成. Rows are
 * dated by their detail text (its last dated milestone; merged detail cells count on every row,
 * since each row is a task of its own) or, in 民心工程, by the goal of the current quarter.
 */
export const deadlineOverdue: Rule = {
  id: "deadline.overdue",
  check(ctx) {
    const checkDate = ctx.options.checkDate;
    if (!checkDate) return [];
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      if (hasQuarterGoals(table)) {
        append(issues, quarterIssues(ctx, table, checkDate));
        continue;
      }
      const key = deadlineKey(table);
      if (!ctx.hasColumn(table, key)) continue;
      for (const row of table.rows) {
        const result = rowDeadlines(ctx, table, row, checkDate);
        if (!isOverdue(result.deadline, row.fields.status, checkDate)) continue;
        const phrase = deadlinePhrase(result);
        const date = toChineseDate(result.deadline as string);
        const params = { phrase, date, checkDate: toChineseDate(checkDate) };
        issues.push(ctx.issue("deadline.overdue", table, row, key, params, phrase));
      }
    }
    return issues;
  },
};
