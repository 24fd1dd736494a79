import {
  type DeadlineResult,
  milestoneLabel,
  deadlinesOfRow,
  passedMilestones,
  toChineseDate,
} from "../../deadline";
import type { Row, Table } from "../../table/schema";
import {
  datingYear,
  deadlineKey,
  goalDeadline,
  goalOn,
  hasQuarterGoals,
} from "../../tracking/deadline";
import { DONE } from "../../tracking/schema";
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
  return deadlinesOfRow(row, row.fields[key] ?? "", datingYear(table, checkDate));
}

/** The phrase of a date: the row's last milestone on it, with the work it governs (12月底完工). */
function phraseOf(result: DeadlineResult, date: string): string {
  const last = result.milestones.filter((m) => m.date === date).pop();
  return last ? milestoneLabel(last) : date;
}

/** Rows dated by their deadline column that are not 已完成, with the parse of that text. */
function* openDetailRows(ctx: RuleContext, checkDate: string) {
  for (const table of ctx.tables) {
    const key = deadlineKey(table);
    if (hasQuarterGoals(table) || !ctx.hasColumn(table, key)) continue;
    for (const row of table.rows) {
      if (row.fields.status?.trim() === DONE) continue;
      const result = rowDeadlines(ctx, table, row, checkDate);
      if (result.latest !== null) yield { table, row, key, result, final: result.latest };
    }
  }
}

/**
 * With a check date only: the row's deadline has passed and its 完成状态 is not 已完成. Rows are
 * dated by their detail text (its final milestone: “6月底开工，12月底完工” is due 12月底; merged
 * detail cells count on every row, since each row is a task of its own) or, in 民心工程, by the
 * goal of the current quarter.
 */
export const deadlineOverdue: Rule = {
  id: "deadline.overdue",
  check(ctx) {
    const checkDate = ctx.options.checkDate;
    if (!checkDate) return [];
    const issues: Issue[] = [];
    for (const table of ctx.tables)
      if (hasQuarterGoals(table)) append(issues, quarterIssues(ctx, table, checkDate));
    for (const { table, row, key, result, final } of openDetailRows(ctx, checkDate)) {
      if (!isOverdue(final, row.fields.status, checkDate)) continue;
      const phrase = phraseOf(result, final);
      const params = { phrase, date: toChineseDate(final), checkDate: toChineseDate(checkDate) };
      issues.push(ctx.issue("deadline.overdue", table, row, key, params, phrase));
    }
    return issues;
  },
};

/**
 * With a check date only: the final deadline is still ahead, but milestones on the way (6月底开工)
 * have passed while the row is not 已完成 — one finding naming each of them, not 超期 of the row.
 */
export const deadlineMilestonePassed: Rule = {
  id: "deadline.milestone-passed",
  check(ctx) {
    const checkDate = ctx.options.checkDate;
    if (!checkDate) return [];
    const issues: Issue[] = [];
    for (const { table, row, key, result, final } of openDetailRows(ctx, checkDate)) {
      const passed = passedMilestones(result, checkDate);
      if (passed.length === 0) continue;
      const labels = passed.map(milestoneLabel);
      const params = {
        milestones: passed
          .map((m, i) => `「${labels[i]}」（${toChineseDate(m.date as string)}）`)
          .join("、"),
        final: toChineseDate(final),
        finalPhrase: phraseOf(result, final),
        checkDate: toChineseDate(checkDate),
      };
      issues.push(
        ctx.issue("deadline.milestone-passed", table, row, key, params, labels.join("；"))
      );
    }
    return issues;
  },
};
