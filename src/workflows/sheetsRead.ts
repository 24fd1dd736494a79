import { readGridTable } from "../core/grid/gridTable";
import type { Grid } from "../core/grid/schema";
import { previousUnitSheets } from "../core/outputs/generate";
import { defaultHeaderVocabulary } from "../core/parse/vocabulary";
import type { UnitSheetContent } from "../core/outputs/unitSheetRead";
import type { ExistingSheet } from "../core/outputs/generatedNames";
import type { MasterSheet } from "../core/outputs/unitSheets";
import type { PlacedTable } from "../core/outputs/validationSheets";
import type { GeneratedKind } from "../core/patch/schema";
import { isRosterSheet } from "../core/roster/sheet";
import type { ProgressListener } from "../taskpane/actions";
import type { ReadSheet, SheetInfo, WorkbookHost } from "./host";

/* Which sheets the workflows read, and what they make of them: the same in every host. */

export const ofKind =
  (...kinds: GeneratedKind[]) =>
  (sheet: SheetInfo): boolean =>
    sheet.marker !== null && kinds.includes(sheet.marker.kind);

/** The workbook's sheets as the core's naming sees them. */
export function existingOf(sheets: readonly SheetInfo[]): ExistingSheet[] {
  return sheets.map((s) => ({ name: s.name, generated: s.marker }));
}

/** The 导入 sheets read back as tables; one emptied by the user is passed over. */
export function mastersOf(read: readonly ReadSheet[]): MasterSheet[] {
  return read
    .filter(({ info }) => info.marker?.kind === "import")
    .flatMap(({ grid }) => {
      const table = readGridTable(grid);
      return table.table ? [{ table: table.table, layout: table.layout }] : [];
    });
}

/** The unit (and leader) sheets read back with what users typed into them. */
export function unitContentsOf(read: readonly ReadSheet[]): UnitSheetContent[] {
  return previousUnitSheets(read.map(({ info, grid }) => ({ marker: info.marker, grid })));
}

/** Sheets 校验 reads: the user's own and the 导入 sheets; never 校验结果, unit or summary sheets. */
export function checkable(sheet: SheetInfo): boolean {
  return sheet.marker === null || sheet.marker.kind === "import";
}

/** The workbook's 名册 sheet among those read, if any. */
export function rosterGridOf(read: readonly ReadSheet[]): Grid | null {
  return read.find(({ info }) => isRosterSheet(info))?.grid ?? null;
}

/**
 * Reads every checkable sheet and keeps those laid out as breakdown tables (each read with the
 * 列对照 recorded for it), and the 名册 sheet.
 */
export async function readTables(
  host: WorkbookHost,
  onProgress: ProgressListener
): Promise<{ sheets: SheetInfo[]; placed: PlacedTable[]; rosterGrid: Grid | null }> {
  onProgress("读取工作表…", 0.1);
  const { sheets, read } = await host.readSheets((s) => checkable(s) || isRosterSheet(s));
  const placed: PlacedTable[] = [];
  const vocabulary = defaultHeaderVocabulary();
  for (const { info, grid } of read) {
    if (isRosterSheet(info)) continue;
    const table = readGridTable(grid, vocabulary.withRecordedMapping(info.columns));
    if (table.table) placed.push({ table: table.table, layout: table.layout });
  }
  return { sheets, placed, rosterGrid: rosterGridOf(read) };
}
