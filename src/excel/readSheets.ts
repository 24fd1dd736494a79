import { readGridTable } from "../core/grid/gridTable";
import type { Grid } from "../core/grid/schema";
import { readUnitSheet, type UnitSheetContent } from "../core/outputs/unitSheetRead";
import type { MasterSheet } from "../core/outputs/unitSheets";
import type { PlacedTable } from "../core/outputs/validationSheets";
import type { GeneratedKind } from "../core/patch/schema";
import type { ProgressListener } from "../taskpane/actions";
import { readGrids } from "./readGrid";
import { listSheets, type SheetInfo } from "./sheets";

/* What the workflows read from the workbook before the core builds their patch. */

/** A sheet of the workbook with its used range. */
export interface ReadSheet {
  info: SheetInfo;
  grid: Grid;
}

/**
 * Every sheet's name and marker, and the grids of the sheets `pick` chooses: listSheets (two
 * syncs) and one readGrids, whatever the number of sheets and rows.
 */
export async function readSheets(
  pick: (sheet: SheetInfo) => boolean
): Promise<{ sheets: SheetInfo[]; read: ReadSheet[] }> {
  const sheets = await listSheets();
  const chosen = sheets.filter(pick);
  const grids = chosen.length > 0 ? await readGrids(chosen.map((s) => s.name)) : [];
  return { sheets, read: chosen.map((info, i) => ({ info, grid: grids[i] })) };
}

export const ofKind =
  (...kinds: GeneratedKind[]) =>
  (sheet: SheetInfo): boolean =>
    sheet.marker !== null && kinds.includes(sheet.marker.kind);

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
  return read.flatMap(({ info, grid }) => {
    const marker = info.marker;
    if (marker?.kind !== "unit" && marker?.kind !== "leader") return [];
    const content = readUnitSheet(grid, marker).content;
    return content ? [content] : [];
  });
}

/** Sheets 校验 reads: the user's own and the 导入 sheets; never 校验结果, unit or summary sheets. */
export function checkable(sheet: SheetInfo): boolean {
  return sheet.marker === null || sheet.marker.kind === "import";
}

/** Reads every checkable sheet and keeps those laid out as breakdown tables. */
export async function readTables(
  onProgress: ProgressListener
): Promise<{ sheets: SheetInfo[]; placed: PlacedTable[] }> {
  onProgress("读取工作表…", 0.1);
  const { sheets, read } = await readSheets(checkable);
  const placed: PlacedTable[] = [];
  for (const { grid } of read) {
    const table = readGridTable(grid);
    if (table.table) placed.push({ table: table.table, layout: table.layout });
  }
  return { sheets, placed };
}
