import { a1, parseSheetCell } from "../core/patch/address";
import { recordedColumns } from "../core/patch/record";
import type { SheetInfo } from "../workflows/host";
import { DEFAULT_PAYLOAD_BUDGET, RequestBatcher } from "./batch";
import { stepBytes } from "./wire";
import { type Capabilities, detectCapabilities } from "./capabilities";
import { toAdapterError } from "./errors";
import { queueMarkerReads } from "./markers";
import { RecordReader, isRecordSheet } from "./record";

export type { SheetInfo };

/**
 * Loads the sheet list and the first block of the record (one sync) and queues the reads of
 * the markers: the names at once, the sheets with their markers after the caller's next sync.
 * The record sheet itself is not listed: it is the add-in's, never the user's.
 */
export async function queueSheetList(
  context: Excel.RequestContext,
  batcher: RequestBatcher,
  caps: Capabilities
): Promise<{ names: string[]; withMarkers: () => Promise<SheetInfo[]> }> {
  const worksheets = context.workbook.worksheets;
  await batcher.add(stepBytes({ proxies: 1, actions: 1 }), "", () =>
    worksheets.load("items/name,items/position")
  );
  const reader = new RecordReader(context, batcher);
  await reader.queue();
  await batcher.sync();
  const listed = worksheets.items
    .filter((s) => !isRecordSheet(s.name))
    .map(({ name, position }) => ({ name, position }));
  const names = listed.map((s) => s.name);
  const markerOf = await queueMarkerReads(context, batcher, caps, names);
  return {
    names,
    withMarkers: async () => {
      const record = await reader.finish();
      return listed.map((s) => ({
        ...s,
        marker: markerOf(s.name, record),
        columns: recordedColumns(record, s.name, null),
      }));
    },
  };
}

/** Every worksheet with its generated marker, in tab order: two syncs whatever the workbook's size. */
export async function listSheets(): Promise<SheetInfo[]> {
  const caps = detectCapabilities();
  try {
    return await Excel.run(async (context) => {
      const batcher = new RequestBatcher(context, DEFAULT_PAYLOAD_BUDGET, "读取工作表列表");
      const { withMarkers } = await queueSheetList(context, batcher, caps);
      if (batcher.hasPending) await batcher.sync();
      return await withMarkers();
    });
  } catch (error) {
    throw toAdapterError(error, "读取工作表列表", []);
  }
}

/** Brings a sheet to the front and selects a cell: `address` is "'区重点工作'!F12". */
export async function selectAddress(address: string): Promise<void> {
  const { sheet, row, col } = parseSheetCell(address);
  try {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRangeByIndexes(row, col, 1, 1).select();
      await context.sync();
    });
  } catch (error) {
    throw toAdapterError(error, `定位到单元格 ${sheet}!${a1(row, col)}`, [sheet]);
  }
}
