import { z } from "zod";
import { FieldKey } from "../table/schema";

export const Category = z.enum([
  "numbering",
  "deadline",
  "leader",
  "unit",
  "xref",
  "quarterly",
  "text",
  "figure",
  "roster",
]);
export type Category = z.infer<typeof Category>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** How each severity is written for users. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export const CATEGORY_LABEL: Record<Category, string> = {
  numbering: "序号与编号",
  deadline: "完成时限",
  leader: "分管领导",
  unit: "责任单位",
  xref: "表间对应",
  quarterly: "季度目标",
  text: "文字",
  figure: "数字",
  roster: "名册",
};

/** One entry of the rule catalogue (catalogue.ts): what the UI, the 校验结果 sheet and the README list. */
export const RuleInfo = z.object({
  /** Stable id, "category.name": issues, settings and the issue sheet refer to rules by it. */
  id: z.string().regex(/^[a-z]+\.[a-z-]+$/),
  category: Category,
  severity: Severity,
  /** Short Chinese name of the rule (序号缺失). */
  title: z.string().min(1),
  /** What the rule looks for, in Chinese, for the rule list in the docs and the task pane. */
  description: z.string().min(1),
  /**
   * The Chinese message: what is wrong and what to do, with {placeholders} filled in per issue.
   * Every placeholder must be given when the message is formatted.
   */
  message: z.string().min(1),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

/** One thing found in one row of one table. `duban check --json` prints it as is, fields in this order. */
export const Issue = z.object({
  /** Table id (city, key, district, minxin for the seed tables). */
  table: z.string(),
  /** 1-based position among the table's data rows (an index into Table.rows, not a sheet row). */
  row: z.number().int().positive(),
  /** 序号 as printed, or null. */
  seq: z.string().nullable(),
  column: FieldKey,
  rule: z.string(),
  category: Category,
  severity: Severity,
  message: z.string(),
  /** The offending text, or the shortest part of it that shows the problem; "" when something is missing. */
  evidence: z.string(),
  /** The printed title of the column (工作明细及完成时限). */
  columnTitle: z.string(),
  /** Where the row starts in its source (line of a text file, row of a sheet). */
  line: z.number().int().nonnegative(),
  /**
   * The sheet the row stands in: the one it was read from, or the 导入 sheet a table read from
   * text is written to. Every 第N行 of every output is a row of this sheet, as Excel numbers it.
   */
  sheet: z.string(),
  /** The cell the issue is about, A1 style (D61). */
  cell: z.string(),
  /** For a finding about a run of rows (序号缺失 of 14 rows), the 1-based sheet row of the last. */
  lastRow: z.number().int().positive().optional(),
});
export type Issue = z.infer<typeof Issue>;

export const SeverityTotals = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type SeverityTotals = z.infer<typeof SeverityTotals>;

export const TableTotals = z.object({
  table: z.string(),
  title: z.string(),
  rows: z.number().int().nonnegative(),
  totals: SeverityTotals,
});
export type TableTotals = z.infer<typeof TableTotals>;

export const ValidationResult = z.object({
  /** Sorted by table (input order), row, column (table order), then rule id. */
  issues: z.array(Issue),
  totals: SeverityTotals,
  /** One entry per table, in input order, tables without issues included. */
  perTable: z.array(TableTotals),
});
export type ValidationResult = z.infer<typeof ValidationResult>;
