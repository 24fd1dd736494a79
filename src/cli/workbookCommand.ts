import ExcelJS from "exceljs";
import { extname } from "path";
import { readGridTable } from "../core/grid/gridTable";
import { buildImportSheet } from "../core/outputs/importSheet";
import { buildUnitSheets } from "../core/outputs/unitSheets";
import {
  buildIssueSheet,
  buildMarkOps,
  placeIssues,
  validationSummary,
  type PlacedTable,
} from "../core/outputs/validationSheets";
import type { Grid } from "../core/grid/schema";
import type { Roster } from "../core/roster";
import { rosterLine } from "../core/roster/choose";
import { isRosterSheet, placeRosterIssues } from "../core/roster/sheet";
import { workbookRoster } from "../core/roster/workbook";
import { validate } from "../core/rules";
import { buildSummarySheet, summarize } from "../core/summary";
import { applyPatchToWorkbook, readXlsx, writeXlsx, type XlsxRead } from "../xlsx";
import { readSources, UnreadableInput } from "./sources";

export interface WorkbookOptions {
  output: string;
  force: boolean;
  checkDate: string;
  /** A 名册 given outside the workbook (--roster); null: the workbook's, shipped or learned. */
  roster: Roster | null;
  /** false: never the shipped 津南区 2022 roster. */
  shipped?: boolean;
  dueSoonDays?: number;
}

/** A workbook's breakdown tables (its own sheets and 导入 sheets), its 名册 sheet, and what could not be read. */
export function tablesOfWorkbook(base: XlsxRead): {
  placed: PlacedTable[];
  rosterGrid: Grid | null;
  lines: string[];
} {
  const placed: PlacedTable[] = [];
  const lines: string[] = [];
  let rosterGrid: Grid | null = null;
  for (const grid of base.grids) {
    const marker = base.sheets.find((s) => s.name === grid.sheet)?.generated ?? null;
    if (isRosterSheet({ name: grid.sheet, marker })) rosterGrid ??= grid;
    else if (marker && marker.kind !== "import") continue;
    else {
      const read = readGridTable(grid);
      if (read.table) placed.push({ table: read.table, layout: read.layout });
      else lines.push(...read.problems.map((p) => `${p.source}：${p.message}`));
    }
  }
  return { placed, rosterGrid, lines };
}

/**
 * `duban check … -o out.xlsx`: everything 校验, 生成单位表 and 汇总 produce in Excel, written to a
 * new file. Text files become 导入 sheets; an .xlsx file is the workbook to check (it is read,
 * never written: the result goes to a copy). Returns the lines to print.
 */
export async function writeCheckedWorkbook(
  files: readonly string[],
  options: WorkbookOptions
): Promise<string[]> {
  const workbooks = files.filter((f) => extname(f).toLowerCase() === ".xlsx");
  if (workbooks.length > 1)
    throw new UnreadableInput("一次只能校验一个 .xlsx 工作簿；文本文件（.txt）可以有多个。");
  const texts = files.filter((f) => !workbooks.includes(f));
  const tracking = {
    checkDate: options.checkDate,
    reference: "checkDate" as const,
    dueSoonDays: options.dueSoonDays,
  };

  const base = workbooks.length > 0 ? await readXlsx(workbooks[0]) : null;
  const workbook = base?.workbook ?? new ExcelJS.Workbook();
  const placed: PlacedTable[] = [];
  const lines: string[] = (base?.problems ?? []).map((p) => `${p.source}：${p.message}`);
  const own = base ? tablesOfWorkbook(base) : { placed: [], rosterGrid: null, lines: [] };
  placed.push(...own.placed);
  lines.push(...own.lines);

  const parsed = readSources(texts);
  lines.push(...parsed.problems.map((p) => `${p.source} 第 ${p.line} 行：${p.message}`));
  const imported = parsed.tables.map((table) => ({
    table,
    ...buildImportSheet(table, undefined, tracking),
  }));
  if (imported.length > 0) applyPatchToWorkbook(workbook, { sheets: imported.map((i) => i.op) });
  placed.push(...imported.map(({ table, layout }) => ({ table, layout })));
  if (placed.length === 0)
    throw new UnreadableInput("输入中没有可识别的责任分解表，未写出任何文件。");

  const tables = placed.map((p) => p.table);
  const chosen = workbookRoster(tables, {
    grid: own.rosterGrid,
    given: options.roster,
    shipped: options.shipped,
  });
  const { roster } = chosen;
  const result = validate(tables, {
    roster,
    checkDate: options.checkDate,
    rosterProblems: chosen.problems,
  });
  const issues = [
    ...placeIssues(result.issues, placed),
    ...placeRosterIssues(result.issues, chosen.problems),
  ];
  const existing = [
    ...(base?.sheets.map((s) => ({ name: s.name, generated: s.generated })) ?? []),
    ...imported.map((i) => ({
      name: i.op.sheet,
      generated: { kind: "import" as const, version: 1, key: i.table.id },
    })),
  ];
  const units = buildUnitSheets(placed, {
    ...tracking,
    roster,
    by: "unit",
    existing,
  });
  const summary = summarize(tables, result.issues, {
    checkDate: options.checkDate,
    roster,
    dueSoonDays: options.dueSoonDays,
  });
  const report = applyPatchToWorkbook(workbook, {
    sheets: [
      ...buildMarkOps(placed, issues, chosen.sheet ? [chosen.sheet] : []),
      { ...buildIssueSheet(result, issues, options.checkDate), activate: false },
      ...units.sheets,
      { ...buildSummarySheet(summary), activate: true },
    ],
  });
  await writeXlsx(workbook, options.output, { force: options.force, input: workbooks[0] });
  return [
    ...lines,
    validationSummary(result),
    rosterLine(chosen),
    `已生成 ${units.placed.length} 张单位表，并写入「汇总」。`,
    ...report.fallbacks,
    `已写入 ${options.output}`,
  ];
}
