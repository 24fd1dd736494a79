import { readGridTable } from "../core/grid/gridTable";
import { buildImportSheet, importSheetName } from "../core/outputs/importSheet";
import {
  buildIssueSheet,
  buildMarkOps,
  placeIssues,
  validationSummary,
  type PlacedTable,
} from "../core/outputs/validationSheets";
import { safeFixes } from "../core/fixes/safeFixes";
import { parseSheetCell, sheetCellA1 } from "../core/patch/address";
import type { SheetOpInput } from "../core/patch/schema";
import { defaultRoster, type Roster } from "../core/roster";
import { validate as runRules } from "../core/rules/engine";
import { bundledSeedTables } from "../core/seeds/bundled";
import type {
  Fix,
  ProgressListener,
  ValidateOutcome,
  WorkbookActions,
  WorkbookInfo,
} from "../taskpane/actions";
import { applyPatch } from "./applyPatch";
import { readMarkStore } from "./markStore";
import { readGrids } from "./readGrid";
import { listSheets, selectAddress, type SheetInfo } from "./sheets";

/** Sheets 校验 reads: the user's own and the 导入 sheets; never 校验结果, unit or summary sheets. */
function checkable(sheet: SheetInfo): boolean {
  return sheet.marker === null || sheet.marker.kind === "import";
}

/** Reads every checkable sheet and keeps those laid out as breakdown tables. */
async function readTables(onProgress: ProgressListener): Promise<PlacedTable[]> {
  onProgress("读取工作表列表…", 0.05);
  const names = (await listSheets()).filter(checkable).map((s) => s.name);
  onProgress(`读取 ${names.length} 张工作表…`, 0.15);
  const grids = await readGrids(names);
  const placed: PlacedTable[] = [];
  for (const grid of grids) {
    const read = readGridTable(grid);
    if (read.table) placed.push({ table: read.table, layout: read.layout });
  }
  return placed;
}

/** Safe fixes on the cells they change; a fix for a column the sheet does not show is dropped. */
function placeFixes(fixes: ReturnType<typeof safeFixes>, placed: readonly PlacedTable[]): Fix[] {
  const layouts = new Map(placed.map((p) => [p.table.id, p.layout]));
  return fixes.flatMap((fix) => {
    const layout = layouts.get(fix.table);
    const row = layout?.rowIndex[fix.row - 1];
    const col = layout?.columnIndex[fix.column];
    if (!layout || row === undefined || col === undefined) return [];
    const { kind, label, before, after } = fix;
    return [{ kind, label, before, after, address: sheetCellA1(layout.sheet, row, col) }];
  });
}

export interface ExcelActionsOptions {
  roster?: Roster;
}

/** The task pane's actions carried out in the open workbook through Office.js. */
export function createExcelActions(options: ExcelActionsOptions = {}): WorkbookActions {
  const roster = options.roster ?? defaultRoster();
  const seeds = () => bundledSeedTables().tables;

  return {
    async describeWorkbook(): Promise<WorkbookInfo> {
      const placed = await readTables(() => undefined);
      const planYear =
        placed.map((p) => p.table.planYear).find((y) => y !== null) ??
        seeds().find((t) => t.planYear !== null)?.planYear ??
        null;
      return { planYear, tableSheets: placed.map((p) => p.layout.sheet) };
    },

    async existingImportSheets(): Promise<string[]> {
      const wanted = new Set(seeds().map((t) => importSheetName(t)));
      return (await listSheets()).map((s) => s.name).filter((name) => wanted.has(name));
    },

    async importSeeds(onProgress) {
      onProgress("读取随加载项附带的责任分解表…", 0.1);
      const tables = seeds();
      const sheets: SheetOpInput[] = tables.map((t) => buildImportSheet(t).op);
      sheets[0] = { ...sheets[0], activate: true };
      onProgress(`写入 ${sheets.length} 张工作表…`, 0.4);
      await applyPatch({ sheets });
      onProgress("导入完成", 1);
      const rows = tables.reduce((n, t) => n + t.rows.length, 0);
      return {
        sheets: sheets.map((s) => s.sheet),
        rows,
        summary: `已导入 ${sheets.length} 张表，共 ${rows} 行：${sheets.map((s) => s.sheet).join("、")}。`,
      };
    },

    async validate({ checkDate }, onProgress): Promise<ValidateOutcome> {
      const placed = await readTables(onProgress);
      if (placed.length === 0) {
        throw new Error(
          "没有找到责任分解表：请先导入，或打开含有“序号、重点工作、牵头单位、分管领导”等表头的工作表。"
        );
      }
      onProgress("逐行校验…", 0.5);
      const tables = placed.map((p) => p.table);
      const result = runRules(tables, { roster, checkDate });
      const issues = placeIssues(result.issues, placed);
      const fixes = placeFixes(safeFixes(tables, result.issues, roster), placed);
      onProgress("标记单元格并写入校验结果…", 0.7);
      const report = await applyPatch({
        sheets: [...buildMarkOps(placed, issues), buildIssueSheet(result, issues, checkDate)],
      });
      onProgress("校验完成", 1);
      return {
        checkDate,
        rows: result.perTable.reduce((n, t) => n + t.rows, 0),
        totals: result.totals,
        issues,
        fixes,
        summary: validationSummary(result),
        fallbacks: report.fallbacks,
      };
    },

    async clearMarks(onProgress) {
      onProgress("清除标记…", 0.3);
      const store = readMarkStore();
      const existing = new Set((await listSheets()).map((s) => s.name));
      const sheets = Object.keys(store).filter((sheet) => existing.has(sheet));
      const cleared = sheets.reduce((n, sheet) => n + store[sheet].length, 0);
      if (sheets.length > 0) {
        await applyPatch({
          sheets: sheets.map((sheet) => ({ sheet, mode: "update" as const, clearMarks: true })),
        });
      }
      onProgress("已清除", 1);
      return { cleared };
    },

    selectCell: selectAddress,

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
  };
}
