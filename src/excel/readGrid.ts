import type { CellValue, Grid, MergedArea } from "../core/grid/schema";
import { MAX_READ_CELLS, utf8Length } from "./batch";
import { type Capabilities, detectCapabilities } from "./capabilities";
import { sheetMissingError, toAdapterError } from "./errors";
import { append } from "../core/append";

export interface ReadOptions {
  capabilities?: Capabilities;
  /** Bytes of response per request; defaults to DEFAULT_RESPONSE_BUDGET. */
  payloadBudget?: number;
}

/**
 * Response bytes we assume per cell (value and number format) before we have seen any: about
 * 65 Chinese characters, 2.5 times what the seed tables average. Later requests are sized from
 * the bytes that came back so far, with a margin for denser rows.
 */
const FIRST_BYTES_PER_CELL = 200;
const DENSITY_MARGIN = 1.2;
/**
 * Response bytes per request. Closer to Excel on the web's 5 MB than the request budget: a
 * response is sized from bytes already seen, and one refused is asked for again in halves.
 */
export const DEFAULT_RESPONSE_BUDGET = 4.5 * 1024 * 1024;
const PAYLOAD_CODES = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"];

/**
 * getMergedAreasOrNullObject fails above 512 areas and returns only the areas whose top-left
 * cell is in its range (office-js #3611). Read in bands of rows holding at most this many cells,
 * every area is found exactly once (by its top-left cell) and no band can hold more than 512.
 */
const MERGE_BAND_CELLS = 512;

interface SheetRead {
  name: string;
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  /** One per band of rows (see MERGE_BAND_CELLS). */
  merged: Excel.RangeAreas[];
  hidden: Excel.Range[];
  top: number;
  left: number;
  rowCount: number;
  colCount: number;
  values: CellValue[][];
  numberFormats: string[][];
}

/** A run of rows of one sheet, read in one request. */
interface Block {
  read: SheetRead;
  start: number;
  count: number;
}

/** Reads one worksheet's used range into the core's Grid. */
export async function readGrid(sheetName: string, options: ReadOptions = {}): Promise<Grid> {
  const [grid] = await readGrids([sheetName], options);
  return grid;
}

/** A sheet's used range, queued for loading: read it with readQueuedGrids after the next sync. */
export interface QueuedSheet {
  worksheet: Excel.Worksheet;
  used: Excel.Range;
}

/**
 * Queues the size of each sheet's used range, to ride along with whatever else the caller
 * loads in its next sync (the sheet list's markers, in readSheets).
 */
export function queueUsedRanges(
  context: Excel.RequestContext,
  sheetNames: string[]
): QueuedSheet[] {
  return sheetNames.map((name) => {
    const worksheet = context.workbook.worksheets.getItem(name);
    worksheet.load("name");
    // valuesOnly: a formatted but empty margin is not part of the table.
    const used = worksheet.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
    return { worksheet, used };
  });
}

/**
 * Reads the used ranges of several worksheets in one Excel.run: one sync for their sizes, then
 * the values and number formats in blocks of rows, as many blocks per sync as the payload budget
 * allows — never more than 5,000,000 cells or ~4.5 MB per request.
 */
export async function readGrids(sheetNames: string[], options: ReadOptions = {}): Promise<Grid[]> {
  try {
    return await Excel.run(async (context) => {
      const queued = queueUsedRanges(context, sheetNames);
      try {
        await context.sync();
      } catch (error) {
        throw await missingSheetError(context, sheetNames, error);
      }
      return readQueuedGrids(context, queued, options);
    });
  } catch (error) {
    throw toAdapterError(error, "读取", sheetNames);
  }
}

/**
 * After the sync that loaded their used ranges: the sheets' values and number formats, read in
 * blocks; merged areas (ExcelApi 1.13) and hidden columns ride along with the first block.
 */
export async function readQueuedGrids(
  context: Excel.RequestContext,
  queued: QueuedSheet[],
  options: ReadOptions = {}
): Promise<Grid[]> {
  const caps = options.capabilities ?? detectCapabilities();
  const budget = options.payloadBudget ?? DEFAULT_RESPONSE_BUDGET;
  const sheets: SheetRead[] = queued.map(({ worksheet, used }) => ({
    name: worksheet.name,
    worksheet,
    used,
    merged: [],
    hidden: [],
    top: used.rowIndex,
    left: used.columnIndex,
    rowCount: used.rowCount,
    colCount: used.columnCount,
    values: [],
    numberFormats: [],
  }));
  const queueExtras = (): void => {
    for (const sheet of sheets) {
      if (caps.mergedAreas) {
        const band = Math.max(1, Math.floor(MERGE_BAND_CELLS / sheet.colCount));
        sheet.merged = [];
        for (let start = 0; start < sheet.rowCount; start += band) {
          const rows = Math.min(band, sheet.rowCount - start);
          const areas = sheet.worksheet
            .getRangeByIndexes(sheet.top + start, sheet.left, rows, sheet.colCount)
            .getMergedAreasOrNullObject();
          areas.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
          sheet.merged.push(areas);
        }
      }
      sheet.hidden = Array.from({ length: sheet.colCount }, (_, c) =>
        sheet.worksheet.getRangeByIndexes(sheet.top, sheet.left + c, 1, 1).load("columnHidden")
      );
    }
  };
  await readBlocks(context, sheets, queueExtras, budget);
  return sheets.map(toGrid);
}

/** After Excel refused to find a sheet: which one, by name; any other error stays as it was. */
async function missingSheetError(
  context: Excel.RequestContext,
  sheetNames: string[],
  error: unknown
): Promise<unknown> {
  if ((error as { code?: string }).code !== "ItemNotFound") return error;
  const probes = sheetNames.map((name) =>
    context.workbook.worksheets.getItemOrNullObject(name).load("name")
  );
  await context.sync();
  const missing = sheetNames.find((_, i) => probes[i].isNullObject);
  return missing === undefined ? error : sheetMissingError(missing, false);
}

/**
 * Reads the blocks' values and number formats: each request takes rows until the estimated
 * response fills the budget; the estimate then follows the bytes that came back so far. If
 * Excel still refuses a response as too big, the same rows are asked for in requests half as big.
 */
async function readBlocks(
  context: Excel.RequestContext,
  sheets: SheetRead[],
  queueExtras: () => void,
  budget: number
): Promise<void> {
  const pending: Block[] = sheets.map((read) => ({ read, start: 0, count: read.rowCount }));
  let bytesPerCell = FIRST_BYTES_PER_CELL;
  let cellsSeen = 0;
  let bytesSeen = 0;
  let cellCap = MAX_READ_CELLS;
  // Merged areas and hidden columns ride along with the first request (again, if it is refused).
  let extrasLoaded = false;
  while (pending.length > 0) {
    if (!extrasLoaded) queueExtras();
    const batch = takeBatch(pending, Math.min(cellCap, Math.floor(budget / bytesPerCell)));
    const cells = batch.reduce((sum, block) => sum + block.count * block.read.colCount, 0);
    const ranges = batch.map((block) => {
      const { worksheet, top, left, colCount } = block.read;
      return worksheet
        .getRangeByIndexes(top + block.start, left, block.count, colCount)
        .load("values,numberFormat");
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch of blocks, not per row
      await context.sync();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const oneRow = batch.length === 1 && batch[0].count === 1;
      if (!PAYLOAD_CODES.includes(code ?? "") || oneRow) {
        throw toAdapterError(error, "读取", [...new Set(batch.map((b) => b.read.name))]);
      }
      pending.unshift(...batch);
      cellCap = Math.max(1, Math.floor(cells / 2));
      continue;
    }
    extrasLoaded = true;
    batch.forEach((block, i) => {
      const { values, numberFormat } = ranges[i];
      bytesSeen += utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(numberFormat));
      append(
        block.read.values,
        values.map((row) => row.map(cellValue))
      );
      append(
        block.read.numberFormats,
        numberFormat.map((row) => row.map(String))
      );
    });
    cellsSeen += cells;
    bytesPerCell = Math.max(16, Math.ceil((DENSITY_MARGIN * bytesSeen) / cellsSeen));
  }
}

/** Takes whole blocks, or the first rows of one, until `maxCells` cells are taken (one row at least). */
function takeBatch(pending: Block[], maxCells: number): Block[] {
  const batch: Block[] = [];
  let cells = 0;
  while (pending.length > 0) {
    const block = pending[0];
    const room = Math.floor((maxCells - cells) / block.read.colCount);
    if (room <= 0 && batch.length > 0) break;
    const count = Math.max(1, Math.min(block.count, room));
    batch.push({ read: block.read, start: block.start, count });
    cells += count * block.read.colCount;
    if (count === block.count) pending.shift();
    else pending[0] = { read: block.read, start: block.start + count, count: block.count - count };
  }
  return batch;
}

/** Excel gives "" for an empty cell; the grid says null. */
function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

function toGrid(read: SheetRead): Grid {
  const merges: MergedArea[] = read.merged.flatMap((band) =>
    band.isNullObject
      ? []
      : band.areas.items.map((area) => ({
          row: area.rowIndex,
          col: area.columnIndex,
          rowCount: area.rowCount,
          colCount: area.columnCount,
        }))
  );
  const hiddenColumns = read.hidden.flatMap((range, c) =>
    range.columnHidden ? [read.left + c] : []
  );
  // An empty sheet's used range is its top-left cell, empty.
  const empty = read.rowCount === 1 && read.colCount === 1 && read.values[0]?.[0] === null;
  return {
    sheet: read.name,
    top: empty ? 0 : read.top,
    left: empty ? 0 : read.left,
    values: empty ? [] : read.values,
    numberFormats: empty ? [] : read.numberFormats,
    merges,
    ...(read.merged === undefined ? { mergesUnknown: true } : {}),
    hiddenColumns: empty ? [] : hiddenColumns,
  };
}
