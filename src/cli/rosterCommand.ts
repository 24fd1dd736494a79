import { extname } from "path";
import { buildImportSheet } from "../core/outputs/importSheet";
import { chooseRoster } from "../core/roster/choose";
import { buildRosterSheet } from "../core/roster/sheet";
import type { Table } from "../core/table/schema";
import { applyPatchToWorkbook, readXlsx, writeXlsx } from "../xlsx";
import { readSources, UnreadableInput } from "./sources";
import { tablesOfWorkbook } from "../xlsx/workbookTables";
import ExcelJS from "exceljs";

export interface RosterInferOptions {
  output?: string;
  force?: boolean;
  json?: boolean;
  /** false (--no-shipped-roster): learn even for 津南区 2022 tables. */
  shippedRoster?: boolean;
}

/** The 名册 sheet's rows as tab-separated text: what `roster infer` prints. */
function sheetText(values: readonly (readonly unknown[])[]): string {
  return values
    .slice(2)
    .map((row) =>
      row.map((v) => (typeof v === "string" ? v.replace(/\s*\n\s*/g, " ") : "")).join("\t")
    )
    .join("\n");
}

/**
 * `duban roster infer`: the 名册 校验 would use for these files (the shipped one for 津南区 2022
 * tables, else learned from them), printed as the 名册 sheet's rows or as roster JSON; with -o,
 * written as a 名册 sheet into a copy of the workbook (text files become 导入 sheets first).
 */
export async function runRosterInfer(
  files: readonly string[],
  options: RosterInferOptions
): Promise<string> {
  const workbooks = files.filter((f) => extname(f).toLowerCase() === ".xlsx");
  if (workbooks.length > 1) throw new UnreadableInput("一次只能读一个 .xlsx 工作簿。");
  const base = workbooks.length > 0 ? await readXlsx(workbooks[0]) : null;
  const own = base ? tablesOfWorkbook(base) : null;
  if (own?.rosterGrid)
    throw new UnreadableInput(
      `「${workbooks[0]}」已有「${own.rosterGrid.sheet}」工作表，校验会按它检查；未生成新的名册。`
    );
  const parsed = await readSources(files.filter((f) => !workbooks.includes(f)));
  const tables: Table[] = [...(own?.placed.map((p) => p.table) ?? []), ...parsed.tables];
  if (tables.length === 0)
    throw new UnreadableInput("输入中没有可识别的责任分解表，无法整理名册。");
  const chosen = chooseRoster(tables, null, { shipped: options.shippedRoster });
  const op = buildRosterSheet(chosen.roster, chosen.learned);
  if (options.output) {
    const workbook = base?.workbook ?? new ExcelJS.Workbook();
    const imports = parsed.tables.map((t) => buildImportSheet(t).op);
    applyPatchToWorkbook(workbook, { sheets: [...imports, op] });
    await writeXlsx(workbook, options.output, {
      force: options.force === true,
      inputs: files,
    });
    return `已把名册写入 ${options.output} 的「${op.sheet}」工作表。\n`;
  }
  if (options.json) return JSON.stringify(chosen.roster, null, 2) + "\n";
  const singles = chosen.learned?.singles.length ?? 0;
  return [
    sheetText(op.values?.[0].values ?? []),
    "",
    chosen.source === "learned"
      ? `从 ${tables.length} 张表中学习：领导 ${chosen.roster.leaders.length} 位，单位 ${chosen.roster.units.length} 个；${singles} 个名称只出现一次，请确认。`
      : `随附的${chosen.roster.district} ${chosen.roster.year} 年名册适用于这些表格。`,
    "",
  ].join("\n");
}
