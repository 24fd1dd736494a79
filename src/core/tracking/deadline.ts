import {
  datedMilestones,
  impossibleDates,
  type Milestone,
  passedMilestones,
  parseIsoDate,
  quarterEnd,
  type Quarter,
  deadlinesOfRow,
} from "../deadline";
import type { FieldKey, Row, Table } from "../table/schema";

export const QUARTER_KEYS = ["q1", "q2", "q3", "q4"] as const satisfies readonly FieldKey[];

/**
 * The column a table's deadlines are written in: 完成时限 in a column of its own (due), else the
 * 工作明细 that holds them (工作明细及完成时限), else the task text itself.
 */
export function deadlineKey(table: Table): "due" | "detail" | "task" {
  // One loop and no closure: asked once per row by the rules, the unit sheets and 汇总.
  let detail = false;
  let task = false;
  for (const { key } of table.columns) {
    if (key === "due") return "due";
    if (key === "detail") detail = true;
    else if (key === "task") task = true;
  }
  return detail || !task ? "detail" : "task";
}

/** A table with 阶段性目标 (民心工程): its rows are judged quarter by quarter. */
export function hasQuarterGoals(table: Table): boolean {
  return table.columns.some((c) => (QUARTER_KEYS as readonly FieldKey[]).includes(c.key));
}

/**
 * The quarter whose goal a check date is judged against: the quarter it falls in, held to the
 * plan year (before it: 一季度; after it: 四季度, whose goal then stays overdue until done).
 */
export function goalQuarter(planYear: number, checkDate: string): Quarter {
  const { year, month } = parseIsoDate(checkDate);
  if (year < planYear) return 1;
  if (year > planYear) return 4;
  return Math.ceil(month / 3) as Quarter;
}

/** The year a table's dates are read in: its plan year, else the check date's year. */
export function datingYear(table: Table, checkDate: string): number {
  return table.planYear ?? parseIsoDate(checkDate).year;
}

/** The quarter goal a table with quarter goals is judged by on `checkDate`: its column and due date. */
export interface Goal {
  key: (typeof QUARTER_KEYS)[number];
  due: string;
}

export function goalOn(table: Table, checkDate: string): Goal {
  const planYear = datingYear(table, checkDate);
  const quarter = goalQuarter(planYear, checkDate);
  return { key: QUARTER_KEYS[quarter - 1], due: quarterEnd(planYear, quarter) };
}

/** A row's date under a quarter goal: the goal's due date when the row's goal is written. */
export function goalDeadline(row: Row, goal: Goal): string | null {
  return (row.fields[goal.key] ?? "").trim() === "" ? null : goal.due;
}

/**
 * The date a row is judged by on `checkDate` (YYYY-MM-DD), or null when it has none.
 * - A row with quarter goals: the end of the goal quarter when that quarter's goal is written.
 * - Any other row: the final milestone read from its deadline column (deadlineKey; “6月开工，
 *   12月底完工” is due 12-31, wherever each phrase stands; the 校验 overdue rule uses the same). A
 *   table whose title has no year is dated in the check date's year.
 */
export function rowDeadline(table: Table, row: Row, checkDate: string): string | null {
  if (hasQuarterGoals(table)) return goalDeadline(row, goalOn(table, checkDate));
  return deadlinesOfRow(row, row.fields[deadlineKey(table)] ?? "", datingYear(table, checkDate))
    .latest;
}

/**
 * A row's 截止日期 (as rowDeadline) with the dated milestones of its deadline text (none for a row
 * judged by quarter goals) and those of them passed on `checkDate` while the final one is still
 * ahead: one reading of the text for all three.
 */
export function rowMilestones(
  table: Table,
  row: Row,
  checkDate: string
): { deadline: string | null; dated: Milestone[]; passed: Milestone[] } {
  if (hasQuarterGoals(table))
    return { deadline: goalDeadline(row, goalOn(table, checkDate)), dated: [], passed: [] };
  const result = deadlinesOfRow(
    row,
    row.fields[deadlineKey(table)] ?? "",
    datingYear(table, checkDate)
  );
  return {
    deadline: result.latest,
    dated: datedMilestones(result),
    passed: passedMilestones(result, checkDate),
  };
}

/**
 * Why a row's 截止日期 is left empty although its deadline text names a date: the date is not on
 * any calendar (2月30日, 2023年13月). Null when the row has a 截止日期 or names no such date.
 */
export function unreadableDeadline(table: Table, row: Row, checkDate: string): string | null {
  if (hasQuarterGoals(table) || rowDeadline(table, row, checkDate) !== null) return null;
  const key = deadlineKey(table);
  const bad = impossibleDates(row.fields[key] ?? "", datingYear(table, checkDate));
  if (bad.length === 0) return null;
  const title = table.columns.find((c) => c.key === key)?.title ?? "完成时限";
  return `截止日期留空：「${title}」中的「${bad.join("」「")}」不是日历上的日期，无法识别，请核对后改正。`;
}
