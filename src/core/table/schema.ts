import { z } from "zod";

/**
 * The meaning of a column, whatever its printed title. Seed tables, user sheets and
 * .xlsx files all map their headers onto these keys (see seeds/columns.json).
 */
export const FieldKey = z.enum([
  "seq", // 序号 — only as a column; a row's 序号 is Row.seq
  "category", // 民心工程 类别 (一、推进社区养老服务)
  "domain", // 涉及领域
  "task", // 重点工作 / 市政府重点工作 / 市级任务
  "detail", // 工作明细及完成时限 / 涉及津南区具体工作 / 主要内容
  "due", // 完成时限 / 完成时间 / 时间节点 printed in a column of its own
  "cityUnit", // 市责任单位
  "leader", // 分管领导 / 分管区领导
  "lead", // 牵头单位 / 责任单位
  "coop", // 配合单位
  "person", // 责任人 (a named person in the lead unit)
  "q1", // 一季度
  "q2", // 二季度
  "q3", // 三季度
  "q4", // 四季度
  "deadline", // 截止日期 (written by the add-in)
  "status", // 完成状态 (typed by users)
  "progress", // 进展情况 (typed by users, or the latest period's column of a 台账)
  "remark", // 备注
]);
export type FieldKey = z.infer<typeof FieldKey>;

export const Column = z.object({
  key: FieldKey,
  /** The title as printed, line breaks inside the header cell removed. */
  title: z.string(),
  /** A header cell spanning this column and others above it (阶段性目标 over 一季度…四季度), or null. */
  group: z.string().nullable(),
});
export type Column = z.infer<typeof Column>;

/**
 * How one printed column of the source was read: with a meaning (key), as an earlier period of
 * the progress the table keeps (history), or not at all (key null, with the reason).
 */
export const ColumnReading = z.object({
  title: z.string(),
  key: FieldKey.nullable(),
  /** An earlier period's progress column (1-10月 beside 1-11月): kept per row in Row.history. */
  history: z.boolean().optional(),
  /** Why a column is not read (unknown title, same meaning as an earlier column). */
  reason: z.string().optional(),
});
export type ColumnReading = z.infer<typeof ColumnReading>;

export const Fields = z.partialRecord(FieldKey, z.string());
export type Fields = z.infer<typeof Fields>;

export const Row = z.object({
  /** 1-based position among the table's data rows. */
  row: z.number().int().positive(),
  /** 序号 as printed, or null where the source has none (lost auto-numbering). */
  seq: z.string().nullable(),
  /** Where the row starts in its source: a 1-based line of a text file or a sheet row. */
  line: z.number().int().nonnegative(),
  /** The section row (一、主要预期目标 …) the row stands under, if the table has sections. */
  section: z.string().nullable(),
  /** Cell text as written (line breaks kept), after vertical merges are filled down. */
  fields: Fields,
  /** Fields whose value continues a vertically merged cell from the row above. */
  merged: z.array(FieldKey),
  /** Earlier periods' progress (title → text) of a 台账 that keeps one column per period. */
  history: z.record(z.string(), z.string()).optional(),
});
export type Row = z.infer<typeof Row>;

export const Table = z.object({
  /** Stable id: city, key, district, minxin for the seed tables; derived from the title otherwise. */
  id: z.string().min(1),
  title: z.string(),
  /** The year the plan is for, read from the title (2022年…); deadlines are dated in it. */
  planYear: z.number().int().nullable(),
  columns: z.array(Column),
  /** Every printed column in source order and how it was read; absent for tables built in code. */
  reading: z.array(ColumnReading).optional(),
  /** A closing note printed under the table (注：…), kept apart from the cells. */
  note: z.string().nullable(),
  /** File name or sheet name the table was read from. */
  source: z.string(),
  rows: z.array(Row),
});
export type Table = z.infer<typeof Table>;

/** Something the parser could not read, with where it was. Parsing reports; it never throws. */
export const ParseProblem = z.object({
  source: z.string(),
  line: z.number().int().nonnegative(),
  message: z.string(),
});
export type ParseProblem = z.infer<typeof ParseProblem>;

export interface ParseResult {
  tables: Table[];
  problems: ParseProblem[];
}
