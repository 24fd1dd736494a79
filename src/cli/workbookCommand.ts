import ExcelJS from "exceljs";
import { extname } from "path";
import { readGridTable } from "../core/grid/gridTable";
import type { HeaderVocabulary } from "../core/parse/vocabulary";
import { buildImportSheet } from "../core/outputs/importSheet";
import { buildUnitSheets } from "../core/outputs/unitSheets";
import {
  buildIssueSheet,
  buildMarkOps,
  placeIssues,
  validationSummary,
  type PlacedTable,
} from "../core/outputs/validationSheets";
import type { Roster } from "../core/roster";
import { validate } from "../core/rules";
import { buildSummarySheet, summarize } from "../core/summary";
import { applyPatchToWorkbook, readXlsx, writeXlsx } from "../xlsx";
import { readSources, UnreadableInput } from "./sources";

export interface WorkbookOptions {
  /** The header vocabulary, with the user's 列对照 when --columns is given. */
  vocabulary?: HeaderVocabulary;
  output: string;
  force: boolean;
  checkDate: string;
  roster: Roster;
  dueSoonDays?: number;
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
  base?.grids.forEach((grid, i) => {
    const marker = base.sheets[i].generated;
    if (marker && marker.kind !== "import") return;
    const read = readGridTable(grid, options.vocabulary);
    if (read.table) placed.push({ table: read.table, layout: read.layout });
    else lines.push(...read.problems.map((p) => `${p.source}：${p.message}`));
  });

  const parsed = await readSources(texts, options.vocabulary);
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
  const result = validate(tables, { roster: options.roster, checkDate: options.checkDate });
  const issues = placeIssues(result.issues, placed);
  const existing = [
    ...(base?.sheets.map((s) => ({ name: s.name, generated: s.generated })) ?? []),
    ...imported.map((i) => ({
      name: i.op.sheet,
      generated: { kind: "import" as const, version: 1, key: i.table.id },
    })),
  ];
  const units = buildUnitSheets(placed, {
    ...tracking,
    roster: options.roster,
    by: "unit",
    existing,
  });
  const summary = summarize(tables, result.issues, {
    checkDate: options.checkDate,
    roster: options.roster,
    dueSoonDays: options.dueSoonDays,
  });
  const report = applyPatchToWorkbook(workbook, {
    sheets: [
      ...buildMarkOps(placed, issues),
      { ...buildIssueSheet(result, issues, options.checkDate, tables), activate: false },
      ...units.sheets,
      { ...buildSummarySheet(summary), activate: true },
    ],
  });
  await writeXlsx(workbook, options.output, { force: options.force, input: workbooks[0] });
  return [
    ...lines,
    validationSummary(result),
    `已生成 ${units.placed.length} 张单位表，并写入「汇总」。`,
    ...report.fallbacks,
    `已写入 ${options.output}`,
  ];
}
