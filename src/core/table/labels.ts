import type { ColumnReading, FieldKey, Table } from "./schema";

/** What each meaning is called for users (列识别, 列对照). */
export const FIELD_LABEL: Record<FieldKey, string> = {
  seq: "序号",
  category: "类别",
  domain: "涉及领域",
  task: "重点工作",
  detail: "工作明细",
  due: "完成时限",
  cityUnit: "市责任单位",
  leader: "分管领导",
  lead: "牵头单位",
  coop: "配合单位",
  person: "责任人",
  q1: "一季度",
  q2: "二季度",
  q3: "三季度",
  q4: "四季度",
  deadline: "截止日期",
  status: "完成状态",
  progress: "进展情况",
  remark: "备注",
};

/** One column's reading in a few words: 「协同责任单位」→配合单位, 「资金来源」未读取. */
export function readingText(r: ColumnReading): string {
  if (r.history) return `「${r.title}」→进展情况（较早时段或同时段另一列，保留备查）`;
  if (r.key) return `「${r.title}」→${FIELD_LABEL[r.key]}`;
  return `「${r.title}」未读取（${r.reason ?? "无法识别"}）`;
}

/** The 列识别 line of a table: every printed column and how it was read. */
export function readingLine(reading: readonly ColumnReading[]): string {
  return reading.map(readingText).join("，");
}

/** How a table's printed columns were read; a table built in code reads its own columns. */
export function readingOf(table: Table): ColumnReading[] {
  return table.reading ?? table.columns.map((c) => ({ title: c.title, key: c.key }));
}

/** 列识别 of each table, one line each: 「表名」（工作表）：「序号」→序号，… */
export function readingLines(tables: readonly Table[]): string[] {
  return tables.map((t) => `「${t.title}」（${t.source}）：${readingLine(readingOf(t))}`);
}
