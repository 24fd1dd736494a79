import type { GridLayout } from "../grid/gridTable";
import { a1, cellKey, sheetPrefix } from "../patch/address";
import { linkCell, rect } from "../patch/build";
import { clipText } from "../patch/cells";
import type { Mark, PatchCell, SheetOpInput } from "../patch/schema";
import {
  CATEGORY_LABEL,
  SEVERITY_LABEL,
  type Issue,
  type Severity,
  type ValidationResult,
} from "../rules/schema";
import { ruleInfo, type RuleId } from "../rules/catalogue";
import { firstColumn } from "../rules/context";
import { seqGuesses, seqText } from "../rules/where";
import { readingLines } from "../table/labels";
import type { Table } from "../table/schema";
import { laidOutForPrint } from "./print";
import { COLORS, HEAD_FONT, TITLE_FONT } from "./style";

/** A table as it stands in a sheet. */
export interface PlacedTable {
  table: Table;
  layout: GridLayout;
}

/** An issue with the cell it is about. */
export interface PlacedIssue extends Issue {
  sheet: string;
  /** 0-based sheet row and column of the cell. */
  sheetRow: number;
  sheetCol: number;
  /** "'区重点工作'!F12", ready for Range selection. */
  address: string;
}

export const ISSUE_SHEET = "校验结果";

const MARK_FILL: Partial<Record<Severity, string>> = {
  error: COLORS.error,
  warning: COLORS.warning,
};
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Puts every issue on its cell. An issue about a column the sheet does not show (a 涉及领域 read
 * from a band row) points at the row's first cell; an issue whose table is not in a sheet is dropped.
 */
export function placeIssues(
  issues: readonly Issue[],
  placed: readonly PlacedTable[]
): PlacedIssue[] {
  const byTable = new Map(
    placed.map((p) => [p.table.id, { layout: p.layout, prefix: sheetPrefix(p.layout.sheet) }])
  );
  const out: PlacedIssue[] = [];
  for (const issue of issues) {
    const at = byTable.get(issue.table);
    const sheetRow = at?.layout.rowIndex[issue.row - 1];
    if (!at || sheetRow === undefined) continue;
    const { layout } = at;
    const sheetCol = layout.columnIndex[issue.column] ?? firstColumn(layout);
    // One literal, the issue's fields in schema order (as RuleContext.issue makes them): V8
    // then allocates the whole object once. Spread was ~20× slower (Node 20) and Object.assign
    // grows the copy field by field; at 100,000 rows either took a large part of 校验 (npm run
    // bench). The mapped type makes a field added to Issue a compile error here until copied.
    const placedIssue: { [K in keyof Required<PlacedIssue>]: PlacedIssue[K] } = {
      table: issue.table,
      row: issue.row,
      seq: issue.seq,
      column: issue.column,
      rule: issue.rule,
      category: issue.category,
      severity: issue.severity,
      message: issue.message,
      evidence: issue.evidence,
      columnTitle: issue.columnTitle,
      line: issue.line,
      cell: issue.cell,
      lastRow: issue.lastRow,
      sheet: layout.sheet,
      sheetRow,
      sheetCol,
      address: at.prefix + a1(sheetRow, sheetCol),
    };
    out.push(placedIssue);
  }
  return out;
}

/**
 * 校验 marks: on every sheet that was checked, earlier marks are cleared, then each cell with an
 * error gets a red fill and each with a warning a yellow one, with a note listing its messages.
 * 提示 (info) is listed in 校验结果 but not painted, so the colours stay meaningful.
 */
export function buildMarkOps(
  placed: readonly PlacedTable[],
  issues: readonly PlacedIssue[],
  /** Other sheets checked (the 名册 sheet): marked the same way. */
  others: readonly string[] = []
): SheetOpInput[] {
  // Issues by sheet, then by cell, in issue order.
  const bySheet = new Map<string, Map<number, PlacedIssue[]>>();
  for (const issue of issues) {
    if (!MARK_FILL[issue.severity]) continue;
    let cells = bySheet.get(issue.sheet);
    if (!cells) bySheet.set(issue.sheet, (cells = new Map()));
    const key = cellKey(issue.sheetRow, issue.sheetCol);
    const found = cells.get(key);
    if (found) found.push(issue);
    else cells.set(key, [issue]);
  }
  return [...placed.map((p) => p.layout.sheet), ...others].map((sheet) => {
    const cells = bySheet.get(sheet) ?? new Map<number, PlacedIssue[]>();
    const marks: Mark[] = [];
    for (const found of cells.values()) {
      const worst = found.reduce(moreSevere);
      marks.push({
        row: worst.sheetRow,
        col: worst.sheetCol,
        fill: MARK_FILL[worst.severity] as string,
        note: noteOf(found),
      });
    }
    return { sheet, mode: "update" as const, clearMarks: true, marks };
  });
}

/** Of two issues, the more severe; the first on a tie. */
function moreSevere(a: PlacedIssue, b: PlacedIssue): PlacedIssue {
  return SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a;
}

/**
 * The most characters of a mark's note: far under Excel's cell limit, also once the note is
 * kept, JSON-escaped, in the record of marks (one cell per mark).
 */
export const MAX_NOTE_TEXT = 8_000;

/** A marked cell's note: one line per issue, cut with a pointer to 校验结果 when too long. */
function noteOf(found: readonly PlacedIssue[]): string {
  // Most cells have one issue: its line as it is, without an array joined.
  const note = found.length === 1 ? noteLine(found[0]) : found.map(noteLine).join("\n");
  return clipText(note, MAX_NOTE_TEXT, `……（共 ${found.length} 条，详见「${ISSUE_SHEET}」）`);
}

/** One line of a marked cell's note: 【错误】 and the message. */
function noteLine(issue: PlacedIssue): string {
  return `【${SEVERITY_LABEL[issue.severity]}】${issue.message}`;
}

/** "校验完成：共 170 行，错误 7 处，警告 15 处，提示 9 处。" */
export function validationSummary(result: ValidationResult): string {
  const rows = result.perTable.reduce((n, t) => n + t.rows, 0);
  const { error, warning, info } = result.totals;
  return `校验完成：共 ${rows} 行，错误 ${error} 处，警告 ${warning} 处，提示 ${info} 处。`;
}

const ISSUE_COLUMNS = [
  { title: "序号", width: 6 },
  { title: "严重程度", width: 9 },
  { title: "问题类别", width: 11 },
  { title: "位置", width: 16 },
  { title: "表格", width: 12 },
  { title: "原序号", width: 7 },
  { title: "列", width: 12 },
  { title: "问题说明", width: 50 },
  { title: "相关原文", width: 30 },
  { title: "规则", width: 16 },
] as const;
const HEADER_AT = 2;

/**
 * The 校验结果 sheet: a summary line, then every issue with a link to its cell. Severity
 * colours come from three conditional formats rather than a fill per row, so a long list
 * stays one small request.
 */
export function buildIssueSheet(
  result: ValidationResult,
  issues: readonly PlacedIssue[],
  checkDate: string,
  tables: readonly Table[] = []
): SheetOpInput {
  const width = ISSUE_COLUMNS.length;
  const sheetOrder = new Map<string, number>();
  for (const issue of issues)
    if (!sheetOrder.has(issue.sheet)) sheetOrder.set(issue.sheet, sheetOrder.size);
  // Most severe first, then in reading order: sheet, row, column.
  const sorted = [...issues].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (sheetOrder.get(a.sheet) as number) - (sheetOrder.get(b.sheet) as number) ||
      a.sheetRow - b.sheetRow ||
      a.sheetCol - b.sheetCol
  );
  const values: PatchCell[][] = [
    ["校验结果", ...Array<PatchCell>(width - 1).fill(null)],
    [
      `${validationSummary(result)}检查日期：${checkDate}。`,
      ...Array<PatchCell>(width - 1).fill(null),
    ],
    ISSUE_COLUMNS.map((c) => c.title),
  ];
  const guesses = seqGuesses(tables);
  // A loop, not a spread of issues.map: one row array per issue and no copy of the list.
  for (let i = 0; i < sorted.length; i++) {
    const issue = sorted[i];
    values.push([
      i + 1,
      SEVERITY_LABEL[issue.severity],
      CATEGORY_LABEL[issue.category],
      linkCell(`${issue.sheet}!${a1(issue.sheetRow, issue.sheetCol)}`, {
        sheet: issue.sheet,
        row: issue.sheetRow,
        col: issue.sheetCol,
      }),
      issue.sheet,
      seqText(issue, guesses) || null,
      issue.columnTitle,
      issue.message,
      issue.evidence,
      ruleInfo(issue.rule as RuleId).title,
    ]);
  }
  // 列识别 under the list: every printed column of every table, read or named as not read.
  const readings = readingLines(tables);
  const readingAt = values.length + 1;
  if (readings.length > 0) {
    values.push(Array<PatchCell>(width).fill(null));
    for (const line of ["列识别", ...readings])
      values.push([line, ...Array<PatchCell>(width - 1).fill(null)]);
  }
  const readingMerges = readings.map((_, i) => rect(readingAt + 1 + i, 0, 1, width));
  const body = rect(HEADER_AT + 1, 0, Math.max(1, issues.length), width);
  const severityColumn = rect(HEADER_AT + 1, 1, Math.max(1, issues.length), 1);
  const severityIs = (label: string) => `=$B${HEADER_AT + 2}="${label}"`;
  const op: SheetOpInput = {
    sheet: ISSUE_SHEET,
    mode: "replace",
    generated: { kind: "issues" },
    tabColor: "#C00000",
    activate: true,
    columns: ISSUE_COLUMNS.map((c, col) => ({ col, width: c.width })),
    values: [{ row: 0, col: 0, values }],
    merges: [rect(0, 0, 1, width), rect(1, 0, 1, width), ...readingMerges],
    formats: [
      { range: rect(0, 0), font: TITLE_FONT },
      {
        range: rect(HEADER_AT, 0, 1, width),
        fill: COLORS.headerFill,
        font: HEAD_FONT,
        horizontal: "center",
      },
      { range: body, wrap: true, vertical: "top" },
      { range: rect(HEADER_AT, 0, issues.length + 1, width), borders: { color: "#808080" } },
      { range: rect(HEADER_AT + 1, 3, Math.max(1, issues.length), 1), font: { color: "#0563C1" } },
    ],
    conditionalFormats: [
      { range: severityColumn, formula: severityIs("错误"), fill: COLORS.error },
      { range: severityColumn, formula: severityIs("警告"), fill: COLORS.warning },
      { range: severityColumn, formula: severityIs("提示"), fill: COLORS.info },
    ],
    freeze: { rows: HEADER_AT + 1, cols: 0 },
    autoFilter: rect(HEADER_AT, 0, issues.length + 1, width),
    print: { titleRows: { first: HEADER_AT, count: 1 } },
  };
  return laidOutForPrint(op, { title: "校验结果", checkDate });
}
