import type { ReadSheet } from "../workflows/host";
import { DEFAULT_PAYLOAD_BUDGET, RequestBatcher } from "./batch";
import { detectCapabilities } from "./capabilities";
import { toAdapterError } from "./errors";
import { queueUsedRanges, readQueuedGrids } from "./readGrid";
import { queueSheetList, type SheetInfo } from "./sheets";

/* What the workflows read from the workbook before the core builds their patch. */

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
