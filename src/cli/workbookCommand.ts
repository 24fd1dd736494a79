import ExcelJS from "exceljs";
import { extname } from "path";
import type { HeaderVocabulary } from "../core/parse/vocabulary";
import { buildImportSheet } from "../core/outputs/importSheet";
import { generateSheets, previousUnitSheets } from "../core/outputs/generate";
import { validationSummary, type PlacedTable } from "../core/outputs/validationSheets";
import type { Roster } from "../core/roster";
import { rosterLine } from "../core/roster/choose";
import { workbookRoster } from "../core/roster/workbook";
import { applyPatchToWorkbook, readXlsx, refuseOutput, writeXlsx } from "../xlsx";
import { isWorkbookFile, readSources, UnreadableInput } from "./sources";
import { tablesOfWorkbook } from "../xlsx/workbookTables";
import { append } from "../core/append";

export interface WorkbookOptions {
  /** The header vocabulary, with the user's 列对照 when --columns is given. */
  vocabulary?: HeaderVocabulary;
  output: string;
  force: boolean;
  checkDate: string;
  /** A 名册 given outside the workbook (--roster); null: the workbook's, shipped or learned. */
  roster: Roster | null;
  /** false: never the shipped 津南区 2022 roster. */
  shipped?: boolean;
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
  const save = { force: options.force, inputs: files };
  refuseOutput(options.output, save);
  // The tables, grids, findings and patches are garbage once checkedWorkbook returns: the save
  // holds only the workbook and the generated sheets still to write. V8 lets the heap grow to
  // a multiple (up to 4×) of what it found live at its last full collection.
  const checked = await checkedWorkbook(files, options);
  await writeXlsx(checked.workbook, options.output, save);
  return [...checked.lines, ...checked.fallbacks, `已写入 ${options.output}`];
}

/**
 * The workbook with every generated sheet applied (their cells deferred to the save), the
 * report's lines, and the list the generated sheets' fallbacks join as they are saved.
 */
async function checkedWorkbook(
  files: readonly string[],
  options: WorkbookOptions
): Promise<{ workbook: ExcelJS.Workbook; lines: string[]; fallbacks: string[] }> {
  const workbooks = files.filter(isWorkbookFile);
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
  if (workbooks.some((f) => extname(f).toLowerCase() === ".xlsm"))
    lines.push(`「${workbooks[0]}」中的宏不会复制到输出文件：输出的是不含宏的 .xlsx 工作簿。`);
  const own = base
    ? tablesOfWorkbook(base, options.vocabulary)
    : { placed: [], rosterGrid: null, problems: [], readBack: [] };
  append(placed, own.placed);
  append(
    lines,
    own.problems.map((p) => `${p.source}：${p.message}`)
  );

  const parsed = await readSources(texts, options.vocabulary);
  append(lines, parsed.notes);
  append(
    lines,
    parsed.problems.map((p) => `${p.source} 第 ${p.line} 行：${p.message}`)
  );
  const imported = parsed.tables.map((table) => ({
    table,
    ...buildImportSheet(table, undefined, tracking),
  }));
  if (imported.length > 0) applyPatchToWorkbook(workbook, { sheets: imported.map((i) => i.op) });
  append(
    placed,
    imported.map(({ table, layout }) => ({ table, layout }))
  );
  if (placed.length === 0)
    throw new UnreadableInput(
      `${files.map((f) => `「${f}」`).join("、")}中没有可识别的责任分解表，未写出任何文件。`
    );

  const chosen = workbookRoster(
    placed.map((p) => p.table),
    { grid: own.rosterGrid, given: options.roster, shipped: options.shipped }
  );
  const generated = generateSheets({
    placed,
    roster: chosen.roster,
    rosterSheet: chosen,
    tracking,
    existing: [
      ...(base?.sheets.map((s) => ({ name: s.name, generated: s.generated })) ?? []),
      ...imported.map((i) => ({
        name: i.op.sheet,
        generated: { kind: "import" as const, version: 1, key: i.table.id },
      })),
    ],
    previous: previousUnitSheets(own.readBack),
    parts: { check: true, units: "unit", summary: true },
  });
  // Generated sheets are written one at a time as the file is saved (a 20,000-row check makes
  // 750,000 cells), so their fallbacks are in the report once writeXlsx is done.
  // The ops are handed over (splice): what the workbook keeps of them is its own checked copy.
  const report = applyPatchToWorkbook(
    workbook,
    { sheets: generated.sheets.splice(0) },
    { deferCells: true }
  );
  const units = generated.units!;
  const kept = units.placed.reduce((n, p) => n + p.kept, 0);
  append(lines, [
    validationSummary(generated.result!),
    rosterLine(chosen),
    `已生成 ${units.placed.length} 张单位表，并写入「${generated.summarySheet}」。`,
    ...(kept > 0 ? [`${kept} 行总表中已删除的事项因已填写内容而保留在单位表中。`] : []),
    ...generated.messages,
  ]);
  return { workbook, lines, fallbacks: report.fallbacks };
}
