import type { GridLayout } from "../grid/gridTable";
import type { Grid } from "../grid/schema";
import type { GeneratedKind, GeneratedMarker, SheetOpInput } from "../patch/schema";
import { sameSheetName } from "../patch/sheetName";
import type { Roster } from "../roster/schema";
import { placeRosterIssues } from "../roster/sheet";
import type { WorkbookRoster } from "../roster/workbook";
import type { TrackingOptionsInput } from "../tracking/schema";
import { validate } from "../rules/engine";
import type { ValidationResult } from "../rules/schema";
import { buildSummarySheet, SUMMARY_SHEET, summarize } from "../summary";
import type { Summary } from "../summary/schema";
import type { ExistingSheet } from "./generatedNames";
import { readUnitSheet, type UnitSheetContent } from "./unitSheetRead";
import { buildUnitSheets, SHEET_PREFIX, type UnitSheetsResult } from "./unitSheets";
import {
  buildIssueSheet,
  buildMarkOps,
  ISSUE_SHEET,
  placeIssues,
  type PlacedIssue,
  type PlacedTable,
} from "./validationSheets";
import { append } from "../append";

/** Which generated sheets to build: 校验 (marks and 校验结果), unit or leader sheets, 汇总. */
export interface GenerateParts {
  check?: boolean;
  units?: "unit" | "leader";
  summary?: boolean;
}

export interface GenerateInput {
  /** The tables to check, as they stand in their sheets (导入 sheets and the user's own). */
  placed: readonly PlacedTable[];
  /** The tables unit sheets are made from; `placed` when not given. */
  masters?: readonly PlacedTable[];
  roster: Roster;
  /** The workbook's 名册 sheet, when 校验 reads one: its own mistakes are checked and marked too. */
  rosterSheet?: Pick<WorkbookRoster, "problems" | "sheet">;
  /** 检查日期, what the colours are keyed on, and 即将到期's days. */
  tracking: TrackingOptionsInput;
  /** Every sheet of the workbook with its marker: names never clash, generated sheets are reused. */
  existing: readonly ExistingSheet[];
  /** The earlier unit and leader sheets read back (previousUnitSheets): what was typed there is kept. */
  previous?: readonly UnitSheetContent[];
  parts: GenerateParts;
  /** The rules' findings on `placed`, when the caller has them already (the bench times them apart). */
  result?: ValidationResult;
}

export interface Generated {
  /** One patch's sheets, in the order they are to be applied. */
  sheets: SheetOpInput[];
  /** The rules' findings, when 校验 or 汇总 was asked for (unit sheets alone do not run them). */
  result: ValidationResult | null;
  issues: PlacedIssue[];
  units: UnitSheetsResult | null;
  summary: Summary | null;
  /** The sheets 校验结果 and 汇总 went to. */
  issueSheet: string | null;
  summarySheet: string | null;
  /** Chinese notes on what was done differently from the usual (a generated sheet renamed). */
  messages: string[];
}

/** Where each placed table stands, by table id, for the rules' 第N行. */
export function layoutsOf(placed: readonly PlacedTable[]): Map<string, GridLayout> {
  return new Map(placed.map((p) => [p.table.id, p.layout]));
}

/** A sheet as read by a host, for previousUnitSheets. */
export interface ReadBack {
  marker: GeneratedMarker | null;
  grid: Grid;
}

/** The unit (and leader) sheets among those read, with what users typed into them. */
export function previousUnitSheets(read: readonly ReadBack[]): UnitSheetContent[] {
  return read.flatMap(({ marker, grid }) => {
    if (marker?.kind !== "unit" && marker?.kind !== "leader") return [];
    const content = readUnitSheet(grid, marker).content;
    return content ? [content] : [];
  });
}

/**
 * The sheet a one-per-workbook generated sheet (校验结果, 汇总) goes to: its own earlier sheet,
 * else `wanted`, else `wanted(2)`, `wanted(3)` … when the user has a sheet of that name — which
 * is never touched — with a message saying so.
 */
export function generatedSheetName(
  kind: GeneratedKind,
  wanted: string,
  existing: readonly ExistingSheet[]
): { name: string; message: string | null } {
  const own = existing.find((s) => s.generated?.kind === kind);
  if (own) return { name: own.name, message: null };
  const taken = (name: string) => existing.some((s) => sameSheetName(s.name, name));
  if (!taken(wanted)) return { name: wanted, message: null };
  let n = 2;
  while (taken(`${wanted}(${n})`)) n++;
  const name = `${wanted}(${n})`;
  return {
    name,
    message: `工作簿中已有您自己的工作表「${wanted}」，未改动它；${wanted}写入「${name}」。`,
  };
}

/** Unit sheets that could not take their usual name because the user has a sheet of that name. */
function renamedUnitSheets(
  units: UnitSheetsResult,
  prefix: string,
  existing: readonly ExistingSheet[]
): string[] {
  return units.placed.flatMap(({ key, sheet }) => {
    const usual = `${prefix}${key}`;
    const mine = existing.some((s) => s.generated === null && sameSheetName(s.name, usual));
    return mine && !sameSheetName(sheet, usual)
      ? [`工作簿中已有您自己的工作表「${usual}」，未改动它；${key}的表写入「${sheet}」。`]
      : [];
  });
}

/**
 * Tables, 名册, date and the workbook's earlier generated sheets → every generated sheet, as one
 * patch. The task pane, the ribbon, the CLI and the bench all call this; hosts differ only in
 * how they read the grids and carry out the patch.
 */
export function generateSheets(input: GenerateInput): Generated {
  const { placed, roster, tracking, existing, parts } = input;
  const { checkDate } = tracking;
  const tables = placed.map((p) => p.table);
  const rosterProblems = input.rosterSheet?.problems ?? [];
  const result =
    parts.check || parts.summary
      ? (input.result ??
        validate(tables, { roster, checkDate, rosterProblems, layouts: layoutsOf(placed) }))
      : null;
  const issues = result
    ? [...placeIssues(result.issues, placed), ...placeRosterIssues(result.issues, rosterProblems)]
    : [];
  const sheets: SheetOpInput[] = [];
  const messages: string[] = [];

  let issueSheet: string | null = null;
  if (parts.check && result) {
    const named = generatedSheetName("issues", ISSUE_SHEET, existing);
    issueSheet = named.name;
    if (named.message) messages.push(named.message);
    const rosterSheet = input.rosterSheet?.sheet;
    append(sheets, buildMarkOps(placed, issues, rosterSheet ? [rosterSheet] : [])).push({
      ...buildIssueSheet(result, issues, checkDate, tables),
      sheet: named.name,
      activate: !parts.summary,
    });
  }

  let units: UnitSheetsResult | null = null;
  if (parts.units) {
    units = buildUnitSheets(input.masters ?? placed, {
      ...tracking,
      roster,
      by: parts.units,
      existing,
      previous: input.previous,
    });
    append(messages, renamedUnitSheets(units, SHEET_PREFIX[parts.units], existing));
    append(sheets, units.sheets);
  }

  let summary: Summary | null = null;
  let summarySheet: string | null = null;
  if (parts.summary && result) {
    summary = summarize(tables, result.issues, {
      checkDate,
      roster,
      dueSoonDays: tracking.dueSoonDays,
    });
    const named = generatedSheetName("summary", SUMMARY_SHEET, existing);
    summarySheet = named.name;
    if (named.message) messages.push(named.message);
    sheets.push({ ...buildSummarySheet(summary, named.name), activate: true });
  }

  return { sheets, result, issues, units, summary, issueSheet, summarySheet, messages };
}
