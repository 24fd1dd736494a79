import type { Issue, SeverityTotals } from "../core/rules/schema";

/**
 * What the task pane asks of the workbook. The Excel implementation (src/excel/workflows.ts)
 * reads sheets, runs the pure core and writes the resulting patch; tests give the pane a fake.
 * Every method reports progress through `onProgress` and rejects with an Error whose message is
 * already a Chinese sentence for the user (sheet, row, what to do).
 */
export interface WorkbookActions {
  /** The plan year and the sheets the add-in would read, for the pane's header. */
  describeWorkbook(): Promise<WorkbookInfo>;
  /** Names of 导入 sheets that already exist, so the pane can ask before replacing them. */
  existingImportSheets(): Promise<string[]>;
  /** 导入: writes the four seed tables (replacing earlier 导入 sheets, never other sheets). */
  importSeeds(onProgress: ProgressListener): Promise<ImportOutcome>;
  /** 校验: reads every breakdown sheet, marks offending cells, writes 校验结果. */
  validate(options: { checkDate: string }, onProgress: ProgressListener): Promise<ValidateOutcome>;
  /** 清除标记: removes every mark made by 校验 and restores each cell's fill. */
  clearMarks(onProgress: ProgressListener): Promise<{ cleared: number }>;
  /** Selects a cell, e.g. "区重点工作!F12", and brings its sheet to the front. */
  selectCell(address: string): Promise<void>;
  /** Applies the safe fixes the user confirmed (see Fix). */
  applyFixes(fixes: Fix[], onProgress: ProgressListener): Promise<{ applied: number }>;
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
  /** Features this Excel lacks and what was done instead (Chinese). */
  fallbacks: string[];
}
