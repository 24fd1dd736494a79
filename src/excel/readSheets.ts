import { readGridTable } from "../core/grid/gridTable";
import type { Grid } from "../core/grid/schema";
import { previousUnitSheets } from "../core/outputs/generate";
import type { UnitSheetContent } from "../core/outputs/unitSheetRead";
import type { MasterSheet } from "../core/outputs/unitSheets";
import type { PlacedTable } from "../core/outputs/validationSheets";
import type { GeneratedKind } from "../core/patch/schema";
import { isRosterSheet } from "../core/roster/sheet";
import type { ProgressListener } from "../taskpane/actions";
import { DEFAULT_PAYLOAD_BUDGET, RequestBatcher } from "./batch";
import { detectCapabilities } from "./capabilities";
import { toAdapterError } from "./errors";
import { queueUsedRanges, readQueuedGrids } from "./readGrid";
import { queueSheetList, type SheetInfo } from "./sheets";

/* What the workflows read from the workbook before the core builds their patch. */

/** A sheet of the workbook with its used range. */
export interface ReadSheet {
  info: SheetInfo;
  grid: Grid;
}

/**
 * Every sheet's name, position and marker, and the grids of the sheets `pick` chooses, in one
 * Excel.run: one sync for the sheet list, one for the markers and every sheet's used range
 * (a few numbers each, so the pick need not wait for the markers), then the picked sheets'
 * cells in payload-sized blocks — whatever the number of sheets and rows.
 */
export async function readSheets(
  pick: (sheet: SheetInfo) => boolean
): Promise<{ sheets: SheetInfo[]; read: ReadSheet[] }> {
  const caps = detectCapabilities();
  try {
    return await Excel.run(async (context) => {
      const batcher = new RequestBatcher(context, DEFAULT_PAYLOAD_BUDGET, "读取工作表");
      const { names, withMarkers } = await queueSheetList(context, batcher, caps);
      const used = queueUsedRanges(context, names);
      await batcher.sync();
      const sheets = await withMarkers();
      const chosen = sheets.flatMap((info, i) => (pick(info) ? [{ info, queued: used[i] }] : []));
      const grids = await readQueuedGrids(
        context,
        chosen.map((c) => c.queued),
        { capabilities: caps }
      );
      return { sheets, read: chosen.map(({ info }, i) => ({ info, grid: grids[i] })) };
    });
  } catch (error) {
    throw toAdapterError(error, "读取", []);
  }
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

/** Reads every checkable sheet and keeps those laid out as breakdown tables, and the 名册 sheet. */
export async function readTables(
  onProgress: ProgressListener
): Promise<{ sheets: SheetInfo[]; placed: PlacedTable[]; rosterGrid: Grid | null }> {
  onProgress("读取工作表…", 0.1);
  const { sheets, read } = await readSheets((s) => checkable(s) || isRosterSheet(s));
  const placed: PlacedTable[] = [];
  for (const { info, grid } of read) {
    if (isRosterSheet(info)) continue;
    const table = readGridTable(grid);
    if (table.table) placed.push({ table: table.table, layout: table.layout });
  }
  return { sheets, placed, rosterGrid: rosterGridOf(read) };
}
