import { readGridTable } from "../core/grid/gridTable";
import { backfill, resolveConflicts } from "../core/outputs/backfill";
import { generateSheets } from "../core/outputs/generate";
import { sheetNameFor } from "../core/outputs/generatedNames";
import { buildImportSheet, importSheetName } from "../core/outputs/importSheet";
import type { UnitSheetsResult } from "../core/outputs/unitSheets";
import { parseSheetCell } from "../core/patch/address";
import type { SheetOpInput } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";
import type { Roster } from "../core/roster";
import { buildRosterSheet, isRosterSheet, ROSTER_SHEET } from "../core/roster/sheet";
import { workbookRoster } from "../core/roster/workbook";
import { bundledSeedTables } from "../core/seeds/bundled";
import type { Table } from "../core/table/schema";
import type {
  ProgressListener,
  TextFileInput,
  TrackingChoice,
  UnitSheetsOutcome,
  WorkbookActions,
  WorkbookInfo,
} from "../taskpane/actions";
import { todayIso } from "../taskpane/format";
import { distributeActions } from "./distribute";
import { NO_TABLES, validateWorkbook } from "./validate";
import { tablesOfFile } from "./importFile";
import type { WorkbookHost } from "./host";
import {
  existingOf,
  mastersOf,
  ofKind,
  readTables,
  rosterGridOf,
  unitContentsOf,
} from "./sheetsRead";

const NO_MASTERS = "没有找到导入的责任分解表：请先点“导入分解表”或“导入示例表”。";
const NO_UNIT_SHEETS =
  "没有找到单位表：请先点“生成单位表”，待各单位填写完成状态和进展情况后再回填。";

function unitSheetsSummary(by: "unit" | "leader", result: UnitSheetsResult): string {
  const kept = result.placed.reduce((n, p) => n + p.kept, 0);
  const parts = [
    `已生成 ${result.placed.length} 张${by === "unit" ? "单位表（按牵头单位）" : "领导表（按分管领导）"}`,
  ];
  if (kept > 0) parts.push(`${kept} 行总表中已删除的事项因已填写内容而保留`);
  if (result.stale.length > 0)
    parts.push(`${result.stale.length} 张原有工作表已无事项，标为【已无事项】并保留`);
  return `${parts.join("；")}。`;
}

/**
 * 导入: `tables` as 导入 sheets, replacing earlier 导入 sheets of the same names (never other
 * sheets); what users typed into 完成状态 and 进展情况 on the replaced sheets is kept.
 */
async function writeImport(
  host: WorkbookHost,
  tables: readonly Table[],
  onProgress: ProgressListener,
  tracking: TrackingChoice | undefined
): Promise<{ sheets: string[]; rows: number }> {
  const names = tables.map((t) => importSheetName(t));
  const { sheets: workbook, read } = await host.readSheets(
    (s) => s.marker?.kind === "import" && names.some((n) => sameSheetName(n, s.name))
  );
  const previous = (name: string) => {
    const earlier = read.find(({ info }) => sameSheetName(info.name, name));
    return earlier ? readGridTable(earlier.grid).table : null;
  };
  const options = { checkDate: todayIso(), ...tracking };
  const sheets: SheetOpInput[] = tables.map(
    (t, i) => buildImportSheet(t, undefined, { ...options, previous: previous(names[i]) }).op
  );
  sheets[0] = { ...sheets[0], activate: true };
  onProgress(`写入 ${sheets.length} 张工作表…`, 0.4);
  await host.applyPatch({ sheets }, { sheets: workbook });
  onProgress("导入完成", 1);
  return {
    sheets: sheets.map((s) => s.sheet),
    rows: tables.reduce((n, t) => n + t.rows.length, 0),
  };
}

export interface WorkbookActionsOptions {
  /** A 名册 to use when the workbook has no 名册 sheet (else shipped or learned). */
  roster?: Roster;
}

/** The task pane's actions carried out in the open workbook of `host` (Excel or WPS 表格). */
export function createWorkbookActions(
  host: WorkbookHost,
  options: WorkbookActionsOptions = {}
): WorkbookActions {
  const { readSheets, listSheets, applyPatch, readRecord } = host;
  const given = options.roster ?? null;
  const seeds = () => bundledSeedTables().tables;

  return {
    async describeWorkbook(): Promise<WorkbookInfo> {
      const { placed } = await readTables(host, () => undefined);
      const planYear =
        placed.map((p) => p.table.planYear).find((y) => y !== null) ??
        seeds().find((t) => t.planYear !== null)?.planYear ??
        null;
      return { planYear, tableSheets: placed.map((p) => p.layout.sheet) };
    },

    async existingImportSheets(file?: TextFileInput): Promise<string[]> {
      const tables = file ? (await tablesOfFile(file)).tables : seeds();
      const wanted = new Set(tables.map((t) => importSheetName(t)));
      return (await listSheets()).map((s) => s.name).filter((name) => wanted.has(name));
    },

    async importSeeds(onProgress, tracking) {
      onProgress("读取随加载项附带的责任分解表和已有的导入表…", 0.1);
      const { sheets, rows } = await writeImport(host, seeds(), onProgress, tracking);
      return {
        sheets,
        rows,
        summary: `已导入 ${sheets.length} 张表，共 ${rows} 行：${sheets.join("、")}。`,
      };
    },

    async importFile(file, onProgress, tracking) {
      onProgress(`读取「${file.name}」中的责任分解表和已有的导入表…`, 0.1);
      const { tables, problems } = await tablesOfFile(file);
      const { sheets, rows } = await writeImport(host, tables, onProgress, tracking);
      return {
        sheets,
        rows,
        summary: `已从「${file.name}」导入 ${sheets.length} 张表，共 ${rows} 行：${sheets.join("、")}。${problems.length > 0 ? `有 ${problems.length} 处未能读取，见下方列表。` : ""}`,
        problems,
      };
    },

    validate: (request, onProgress) => validateWorkbook(host, given, request, onProgress),

    async generateRoster(onProgress) {
      const { sheets, placed, rosterGrid } = await readTables(host, onProgress);
      if (rosterGrid) {
        throw new Error(
          `已有「${rosterGrid.sheet}」工作表，未改动。校验会按它检查；如需重新生成，请先删除或重命名它。`
        );
      }
      if (placed.length === 0) throw new Error(NO_TABLES);
      onProgress("从表格中整理名册…", 0.4);
      const chosen = workbookRoster(
        placed.map((p) => p.table),
        { given }
      );
      const sheet = sheetNameFor("", ROSTER_SHEET, (name) =>
        sheets.some((s) => sameSheetName(s.name, name))
      );
      onProgress(`写入「${sheet}」…`, 0.7);
      await applyPatch(
        { sheets: [buildRosterSheet(chosen.roster, chosen.learned, sheet)] },
        { sheets }
      );
      onProgress("名册已生成", 1);
      const { leaders, units, groups } = chosen.roster;
      const singles = chosen.learned?.singles.length ?? 0;
      return {
        sheet,
        summary:
          `已生成「${sheet}」：领导 ${leaders.length} 位，单位 ${units.length} 个，单位组 ${groups.filter((g) => "name" in g).length} 个` +
          (singles > 0 ? `；${singles} 个名称只出现一次，请在“说明”栏中确认。` : "。") +
          "修改后点“校验”即按此名册检查。",
      };
    },

    async clearMarks(onProgress) {
      onProgress("清除标记…", 0.3);
      const { marks } = await readRecord();
      const existing = await listSheets();
      const live = marks.filter((e) => existing.some((s) => sameSheetName(s.name, e.sheet)));
      const sheets = live.map((e) => e.sheet);
      const cleared = live.reduce((n, e) => n + e.value.length, 0);
      if (sheets.length > 0) {
        await applyPatch({
          sheets: sheets.map((sheet) => ({ sheet, mode: "update" as const, clearMarks: true })),
        });
      }
      onProgress("已清除", 1);
      return { cleared };
    },

    selectCell: (address) => host.selectAddress(address),

    async setColumnMeaning(choice, onProgress) {
      onProgress("保存列对照…", 0.3);
      await host.recordColumnMeaning(choice);
      onProgress("列对照已保存", 1);
    },

    async applyFixes(fixes, onProgress) {
      onProgress(`应用 ${fixes.length} 项修正…`, 0.3);
      const bySheet = new Map<string, SheetOpInput>();
      for (const fix of fixes) {
        const { sheet, row, col } = parseSheetCell(fix.address);
        const op = bySheet.get(sheet) ?? { sheet, mode: "update" as const, values: [] };
        op.values!.push({ row, col, values: [[fix.after]] });
        bySheet.set(sheet, op);
      }
      if (bySheet.size > 0) await applyPatch({ sheets: [...bySheet.values()] });
      onProgress("修正完成", 1);
      return { applied: fixes.length };
    },

    async buildUnitSheets({ by, ...tracking }, onProgress): Promise<UnitSheetsOutcome> {
      onProgress("读取导入表和已有的单位表…", 0.1);
      const { sheets, read } = await readSheets((s) => ofKind("import", by)(s) || isRosterSheet(s));
      const masters = mastersOf(read);
      if (masters.length === 0) throw new Error(NO_MASTERS);
      onProgress("按单位分表…", 0.4);
      const { roster } = workbookRoster(
        masters.map((m) => m.table),
        { grid: rosterGridOf(read), given }
      );
      const generated = generateSheets({
        placed: masters,
        roster,
        tracking,
        existing: existingOf(sheets),
        previous: unitContentsOf(read),
        parts: { units: by },
      });
      const result = generated.units!;
      if (result.placed.length === 0) {
        throw new Error(
          by === "unit"
            ? "导入表中没有可识别的牵头单位，无法生成单位表。请先校验，按提示补全牵头单位。"
            : "导入表中没有可识别的分管领导，无法生成领导表。请先校验，按提示补全分管领导。"
        );
      }
      onProgress(`写入 ${result.sheets.length} 张工作表…`, 0.6);
      await applyPatch({ sheets: generated.sheets }, { sheets });
      onProgress("生成完成", 1);
      return {
        sheets: result.placed.map((p) => p.sheet),
        stale: result.stale,
        summary: [unitSheetsSummary(by, result), ...generated.messages].join(""),
      };
    },

    async backfill(onProgress) {
      onProgress("读取导入表和单位表…", 0.1);
      const { sheets, read } = await readSheets(ofKind("import", "unit", "leader"));
      const masters = mastersOf(read);
      if (masters.length === 0) throw new Error(NO_MASTERS);
      const units = unitContentsOf(read);
      if (units.length === 0) throw new Error(NO_UNIT_SHEETS);
      onProgress("比对填写的进展…", 0.4);
      const result = backfill(masters, units);
      if (result.sheets.length > 0) {
        onProgress("写入总表…", 0.6);
        await applyPatch({ sheets: result.sheets }, { sheets });
      }
      onProgress("回填完成", 1);
      const { conflicts, problems, summary } = result;
      return { applied: result.applied.length, conflicts, problems, summary };
    },

    async resolveConflicts(choices, onProgress) {
      onProgress(`写入 ${choices.length} 处选择…`, 0.3);
      const sheets = resolveConflicts(choices);
      if (sheets.length > 0) await applyPatch({ sheets });
      onProgress("已处理", 1);
      return { resolved: choices.length };
    },

    async summarize({ checkDate, dueSoonDays }, onProgress) {
      const { sheets, placed, rosterGrid } = await readTables(host, onProgress);
      if (placed.length === 0) throw new Error(NO_TABLES);
      onProgress("统计…", 0.4);
      const { roster } = workbookRoster(
        placed.map((p) => p.table),
        { grid: rosterGrid, given }
      );
      const generated = generateSheets({
        placed,
        roster,
        tracking: { checkDate, dueSoonDays },
        existing: existingOf(sheets),
        parts: { summary: true },
      });
      const sheet = generated.summarySheet!;
      onProgress(`写入「${sheet}」…`, 0.7);
      await applyPatch({ sheets: generated.sheets }, { sheets });
      onProgress("汇总完成", 1);
      return { summary: generated.summary!, sheet };
    },

    ...distributeActions(host, given),
  };
}
