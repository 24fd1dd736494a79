import type { CollectResult } from "../core/distribute/collect";
import type { ReturnSource } from "../core/distribute/readReturn";
import type { UnitFile } from "../core/distribute/split";
import type { Conflict } from "../core/outputs/backfill";
import type { ColumnMapping } from "../core/parse/vocabulary";
import type { Issue, SeverityTotals } from "../core/rules/schema";
import type { Summary } from "../core/summary/schema";
import type { ColumnReading } from "../core/table/schema";

/**
 * What the task pane asks of the workbook. The Excel implementation (src/excel/workflows.ts)
 * reads sheets, runs the pure core and writes the resulting patch; tests give the pane a fake.
 * Every method reports progress through `onProgress` and rejects with an Error whose message is
 * already a Chinese sentence for the user (sheet, row, what to do).
 */
export interface WorkbookActions {
  /** The plan year and the sheets the add-in would read, for the pane's header. */
  describeWorkbook(): Promise<WorkbookInfo>;
  /**
   * Names of 导入 sheets (of the seed tables, or of `file`'s tables) that already exist, so the
   * pane can ask before replacing them. Rejects as importFile does for a file without a table.
   */
  existingImportSheets(file?: TextFileInput): Promise<string[]>;
  /**
   * 导入: writes the four seed tables (replacing earlier 导入 sheets, never other sheets) with
   * the tracking columns 截止日期, 完成状态 and 进展情况; what was typed into the last two on the
   * sheets being replaced is kept. Without `tracking`: judged on today, coloured by TODAY().
   */
  importSeeds(onProgress: ProgressListener, tracking?: TrackingChoice): Promise<ImportOutcome>;
  /**
   * 导入分解表: the breakdown tables of a file the user picked — text copied from Word, or an
   * .xlsx/.xlsm workbook — written as importSeeds writes the seeds. A file with no recognisable
   * table, or one that cannot be read (.xls, encrypted), rejects with a message naming it, and
   * nothing is written. What of a partly readable file was not read comes back in `problems`.
   */
  importFile(
    file: TextFileInput,
    onProgress: ProgressListener,
    tracking?: TrackingChoice
  ): Promise<ImportOutcome>;
  /** 校验: reads every breakdown sheet, marks offending cells, writes 校验结果. */
  validate(options: { checkDate: string }, onProgress: ProgressListener): Promise<ValidateOutcome>;
  /**
   * 列对照: what one printed column of a sheet means (or 不读取, or null: as the header says),
   * kept with the workbook and used by every later 校验.
   */
  setColumnMeaning(choice: ColumnChoice, onProgress: ProgressListener): Promise<void>;
  /** 清除标记: removes every mark made by 校验 and restores each cell's fill. */
  clearMarks(onProgress: ProgressListener): Promise<{ cleared: number }>;
  /** Selects a cell, e.g. "区重点工作!F12", and brings its sheet to the front. */
  selectCell(address: string): Promise<void>;
  /** Applies the safe fixes the user confirmed (see Fix). */
  applyFixes(fixes: Fix[], onProgress: ProgressListener): Promise<{ applied: number }>;
  /**
   * 生成单位表: a sheet per lead unit (or per 分管领导) from the 导入 sheets; a re-run updates
   * the earlier generated sheets and keeps what was typed into them.
   */
  buildUnitSheets(
    options: UnitSheetsChoice,
    onProgress: ProgressListener
  ): Promise<UnitSheetsOutcome>;
  /** 回填: typed progress from unit sheets into the 导入 sheets; conflicts are left for the user. */
  backfill(onProgress: ProgressListener): Promise<BackfillOutcome>;
  /** Writes the value the user chose for each conflict 回填 listed. */
  resolveConflicts(
    choices: ConflictChoice[],
    onProgress: ProgressListener
  ): Promise<{ resolved: number }>;
  /**
   * 生成名册: writes the 名册 校验 would use (the shipped one where it applies, else learned from
   * the tables) into a new 名册 sheet the user edits; an existing 名册 sheet is left as it is.
   */
  generateRoster(onProgress: ProgressListener): Promise<{ sheet: string; summary: string }>;
  /** 汇总: figures and report text of the breakdown sheets on the check date; writes the 汇总 sheet. */
  summarize(options: SummaryChoice, onProgress: ProgressListener): Promise<SummaryOutcome>;
  /**
   * 下发: the breakdown sheets split into one file plan per unit (the pane makes the files).
   * Nothing is written to the workbook.
   */
  splitPlan(options: { date: string }, onProgress: ProgressListener): Promise<UnitFile[]>;
  /**
   * 回收, first step: the units' returned files (read by the pane) against the breakdown sheets.
   * Nothing is written yet; the decisions go to the user.
   */
  collectReturns(returns: CollectInput, onProgress: ProgressListener): Promise<CollectReview>;
  /**
   * 回收, second step: the settled values and the option the user chose per decision (index
   * into decision.options; 0, keep the master, when left out) into the workbook, with
   * 回收情况 and 汇总.
   */
  applyCollect(
    result: CollectResult,
    choices: readonly number[],
    options: { checkDate: string },
    onProgress: ProgressListener
  ): Promise<{ summary: string }>;
}

/** A file the user picked for 导入分解表 (text saved from Word, or a workbook), read whole by the pane. */
export interface TextFileInput {
  name: string;
  bytes: Uint8Array;
}

/**
 * 回收's first step: what the returns bring, and the 处理 the workbook's 回收情况 (written by an
 * earlier 回收, then edited) already names for the identical conflicts (decisionRows.ts).
 */
export interface CollectReview extends CollectResult {
  /** Per decision, the option its 处理 in 回收情况 names (index into options), or null: none. */
  recorded?: (number | null)[];
  /** Lines of 回收情况 not taken (about no conflict of this 回收, or no option), in Chinese. */
  recordedNotes?: string[];
}

/** The returned files as read, and those that could not be read (named, with the reason). */
export interface CollectInput {
  sources: ReturnSource[];
  unreadable: { file: string; reason: string }[];
}

export type ProgressListener = (step: string, fraction: number) => void;

export interface WorkbookInfo {
  planYear: number | null;
  /** Sheets recognised as breakdown tables. */
  tableSheets: string[];
}

export interface ImportOutcome {
  sheets: string[];
  rows: number;
  /** Chinese sentence for the pane: "已导入 4 张表，共 170 行。" */
  summary: string;
  /**
   * What of the picked file was not read or not written (rows, columns, sheets; a guessed
   * encoding), each naming the file, table and row. Absent for the bundled seeds.
   */
  problems?: string[];
}

/** An issue placed in the workbook: the cell a click selects. */
export interface LocatedIssue extends Issue {
  sheet: string;
  /** A1 address with the sheet, "区重点工作!F12". */
  address: string;
}

/** A change the add-in can make safely once the user agrees. */
export interface Fix {
  kind: "fill-seq" | "canonical-name" | "split-names";
  address: string;
  /** Chinese description shown before applying: "把「区市场监管委」改为「区市场监管局」". */
  label: string;
  before: string;
  after: string;
}

export interface ValidateOutcome {
  checkDate: string;
  rows: number;
  totals: SeverityTotals;
  issues: LocatedIssue[];
  fixes: Fix[];
  /** "校验完成：共 170 行，错误 7 处，警告 15 处，提示 9 处。" */
  summary: string;
  /** 列识别: per table, how every printed column was read (those not read named). */
  columns?: string[];
  /** The same per table, column by column, for the pane's 列对照. */
  tables?: TableColumns[];
  /** Features this Excel lacks and what was done instead (Chinese). */
  fallbacks: string[];
}

/** How the columns of one table (on `sheet`) were read. */
export interface TableColumns {
  sheet: string;
  title: string;
  columns: ColumnReading[];
}

/** A user's 列对照 for one column: a meaning, "unused" (不读取), or null to follow the header again. */
export interface ColumnChoice {
  sheet: string;
  /** The column's printed title. */
  title: string;
  meaning: ColumnMapping[string] | null;
}

/** How tracking columns judge and colour rows (tracking/schema.ts TrackingOptions). */
export interface TrackingChoice {
  /** YYYY-MM-DD. */
  checkDate: string;
  /** "today": colours follow TODAY(); "checkDate": they stay fixed on the chosen day. */
  reference?: "today" | "checkDate";
  /** 即将到期 = due within this many days (default 15). */
  dueSoonDays?: number;
}

export interface UnitSheetsChoice extends TrackingChoice {
  /** A sheet per 牵头单位, or per 分管领导. */
  by: "unit" | "leader";
}

export interface UnitSheetsOutcome {
  /** The sheets written, in roster order. */
  sheets: string[];
  /** Earlier generated sheets whose unit has no task now: retitled 【已无事项】, kept. */
  stale: string[];
  /** "已生成 58 张单位表（牵头事项 201 项，配合事项 96 项）。" */
  summary: string;
}

export interface BackfillOutcome {
  /** Master cells written. */
  applied: number;
  /** Fields changed on both sides (or by units that disagree); each has a Chinese message. */
  conflicts: Conflict[];
  /** What 回填 could not do, in Chinese. */
  problems: string[];
  /** "回填完成：更新 3 处，冲突 1 处待确认。" */
  summary: string;
}

/** The value the user keeps for a conflict: the master's or a unit sheet's. */
export interface ConflictChoice {
  conflict: Conflict;
  value: string;
}

export interface SummaryChoice {
  checkDate: string;
  dueSoonDays?: number;
}

export interface SummaryOutcome {
  summary: Summary;
  /** The sheet the figures were written to (汇总 unless the user has a sheet of that name). */
  sheet: string;
}
