import { generateSheets } from "../core/outputs/generate";
import { validationSummary, type PlacedTable } from "../core/outputs/validationSheets";
import { safeFixes } from "../core/fixes/safeFixes";
import { sheetCellA1 } from "../core/patch/address";
import type { Roster } from "../core/roster";
import { rosterLine } from "../core/roster/choose";
import { workbookRoster } from "../core/roster/workbook";
import { readingLines, readingOf } from "../core/table/labels";
import type { Fix, ProgressListener, ValidateOutcome } from "../taskpane/actions";
import type { WorkbookHost } from "./host";
import { existingOf, readTables } from "./sheetsRead";

/*
 * 校验 in any host, on its own module: the ribbon's 校验 command bundles this and the host's
 * adapter only, not the pane's other workflows (导入 of files, 下发/回收 and their readers).
 */

export const NO_TABLES =
  "没有找到责任分解表：请先导入，或打开含有“序号、重点工作、牵头单位、分管领导”等表头的工作表。";

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

/** 校验: marks the tables' cells, writes 校验结果 and lists the fixes that are safe to apply. */
export async function validateWorkbook(
  host: WorkbookHost,
  given: Roster | null,
  { checkDate }: { checkDate: string },
  onProgress: ProgressListener
): Promise<ValidateOutcome> {
  const { sheets, placed, rosterGrid } = await readTables(host, onProgress);
  if (placed.length === 0) throw new Error(NO_TABLES);
  onProgress("逐行校验…", 0.5);
  const chosen = workbookRoster(
    placed.map((p) => p.table),
    { grid: rosterGrid, given }
  );
  const { roster } = chosen;
  const generated = generateSheets({
    placed,
    roster,
    rosterSheet: chosen,
    tracking: { checkDate },
    existing: existingOf(sheets),
    parts: { check: true },
  });
  const result = generated.result!;
  const fixes = placeFixes(
    safeFixes(
      placed.map((p) => p.table),
      result.issues,
      roster
    ),
    placed
  );
  onProgress("标记单元格并写入校验结果…", 0.7);
  const report = await host.applyPatch({ sheets: generated.sheets }, { sheets });
  onProgress("校验完成", 1);
  return {
    checkDate,
    rows: result.perTable.reduce((n, t) => n + t.rows, 0),
    totals: result.totals,
    issues: generated.issues,
    fixes,
    summary: `${validationSummary(result)}${rosterLine(chosen)}`,
    columns: readingLines(placed.map((p) => p.table)),
    tables: placed.map(({ table, layout }) => ({
      sheet: layout.sheet,
      title: table.title,
      columns: readingOf(table),
    })),
    fallbacks: [...generated.messages, ...report.fallbacks],
  };
}
