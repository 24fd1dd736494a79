import { RECORD_SHEET, type WorkbookRecord, emptyRecord, parseRecord } from "../core/patch/record";
import { sameSheetName } from "../core/patch/sheetName";
import { DEFAULT_PAYLOAD_BUDGET, RequestBatcher, rowRuns } from "./batch";
import { toAdapterError } from "./errors";
import { hasLegacySettings, withLegacySettings } from "./legacySettings";
import { stepBytes, utf8Length } from "./wire";

/**
 * The workbook's record (core/patch/record.ts) on its very hidden sheet, read and written
 * through Office.js. Excel cannot see the file's sheet ids, so entries are matched by name.
 */

/** Rows read per request: about 2 MB of records at their usual size, under the 5 MB response limit. */
export const RECORD_READ_ROWS = 4_000;
const COLUMNS = 4;

export { recordedMarker, recordedMarks, withMarker, withMarks } from "../core/patch/record";

export function isRecordSheet(name: string): boolean {
  return sameSheetName(name, RECORD_SHEET);
}

/**
 * Reads the record sheet in blocks of rows: the first block rides with the caller's next sync;
 * `finish` reads on while blocks come back full.
 */
export class RecordReader {
  private readonly blocks: Excel.Range[] = [];
  private sheet?: Excel.Worksheet;
  /** Rows the sheet holds, header included (known after finish). */
  rows = 0;
  /** Whether the record took in entries of the document settings (the earlier format). */
  fromSettings = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly batcher: RequestBatcher
  ) {}

  async queue(): Promise<void> {
    const start = this.blocks.length * RECORD_READ_ROWS;
    await this.batcher.add(stepBytes({ ranges: 1, proxies: 1, actions: 1 }), RECORD_SHEET, () => {
      this.sheet ??= this.context.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
      const block = this.sheet.getRangeByIndexes(start, 0, RECORD_READ_ROWS, COLUMNS);
      block.load("values");
      this.blocks.push(block);
    });
  }

  /** Whether the sheet exists (after the first sync). */
  get exists(): boolean {
    return this.sheet !== undefined && !this.sheet.isNullObject;
  }

  /** After the sync that carried the first block: reads the rest and parses the record. */
  async finish(): Promise<WorkbookRecord> {
    this.fromSettings = hasLegacySettings();
    const sheet = await this.readSheet();
    return this.fromSettings ? withLegacySettings(sheet) : sheet;
  }

  private async readSheet(): Promise<WorkbookRecord> {
    if (!this.exists) return emptyRecord();
    const full = () => {
      const last = this.blocks[this.blocks.length - 1].values;
      return last[last.length - 1].some((v) => v !== "" && v !== null);
    };
    while (full()) {
      await this.queue();
      await this.batcher.sync();
    }
    const rows = this.blocks.flatMap((b) => b.values);
    let end = rows.length;
    while (end > 0 && rows[end - 1].every((v) => v === "" || v === null)) end--;
    this.rows = end;
    return parseRecord(rows.slice(0, end));
  }
}

/** Reads the record in its own Excel.run. */
export async function readRecord(): Promise<WorkbookRecord> {
  try {
    return await Excel.run(async (context) => {
      const batcher = new RequestBatcher(context, DEFAULT_PAYLOAD_BUDGET, "读取督办助手记录");
      const reader = new RecordReader(context, batcher);
      await reader.queue();
      await batcher.sync();
      return reader.finish();
    });
  } catch (error) {
    throw toAdapterError(error, "读取督办助手记录", []);
  }
}

/**
 * Writes rows onto the record sheet, creating it (very hidden, header first) when missing.
 * `append` adds rows after the last; `rewrite` writes the whole record and clears what is left
 * below it (or deletes the sheet when nothing is left to record).
 */
export class RecordWriter {
  private sheet?: Excel.Worksheet;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly batcher: RequestBatcher,
    private readonly budget: number,
    private exists: boolean,
    /** Rows on the sheet now, header included. */
    private rows: number
  ) {}

  private async ensureSheet(header: string[]): Promise<Excel.Worksheet> {
    if (!this.exists) {
      await this.batcher.add(
        stepBytes({ proxies: 1, ranges: 1, actions: 3, data: [header] }),
        RECORD_SHEET,
        () => {
          this.sheet = this.context.workbook.worksheets.add(RECORD_SHEET);
          this.sheet.visibility = Excel.SheetVisibility.veryHidden;
          this.sheet.getRangeByIndexes(0, 0, 1, COLUMNS).values = [header];
        }
      );
      this.exists = true;
      this.rows = 1;
    }
    this.sheet ??= this.context.workbook.worksheets.getItem(RECORD_SHEET);
    return this.sheet;
  }

  private async queueRows(sheet: Excel.Worksheet, start: number, rows: string[][]): Promise<void> {
    // Each row goes with its text format ("@"), so a sheet name such as 2022 stays as written.
    const TEXT_ROW = new Array<string>(COLUMNS).fill("@");
    const rowBytes = rows.map((row) => utf8Length(JSON.stringify([row, TEXT_ROW])));
    for (const run of rowRuns(rowBytes, this.budget / 2)) {
      const values = rows.slice(run.start, run.start + run.count);
      const formats = values.map(() => TEXT_ROW);
      await this.batcher.add(
        stepBytes({ ranges: 1, actions: 2, data: [values, formats] }),
        RECORD_SHEET,
        () => {
          const range = sheet.getRangeByIndexes(start + run.start, 0, run.count, COLUMNS);
          range.numberFormat = formats;
          range.values = values;
        }
      );
    }
  }

  /**
   * Keeps the record sheet behind every other sheet, where new sheets would otherwise go: the
   * positions a patch gives its sheets then mean the same with and without it. `last` is the
   * index of the last sheet.
   */
  async keepLast(last: number): Promise<void> {
    if (!this.exists) return;
    this.sheet ??= this.context.workbook.worksheets.getItem(RECORD_SHEET);
    const sheet = this.sheet;
    await this.batcher.add(stepBytes({ actions: 1 }), RECORD_SHEET, () => {
      sheet.position = last;
    });
  }

  /** Adds `rows` (as recordRows makes them: header first, which goes only on a new sheet) below the last row. */
  async append([header, ...rows]: string[][]): Promise<void> {
    if (rows.length === 0) return;
    const sheet = await this.ensureSheet(header);
    await this.queueRows(sheet, this.rows, rows);
    this.rows += rows.length;
  }

  /** Writes `rows` (header first) over the record and clears the rows left below. */
  async rewrite(rows: string[][]): Promise<void> {
    if (rows.length <= 1) {
      if (!this.exists) return;
      const sheet = await this.ensureSheet(rows[0]);
      await this.batcher.add(stepBytes({ actions: 1 }), RECORD_SHEET, () => sheet.delete());
      this.exists = false;
      this.rows = 0;
      this.sheet = undefined;
      return;
    }
    const sheet = await this.ensureSheet(rows[0]);
    await this.queueRows(sheet, 0, rows);
    if (this.rows > rows.length) {
      const [start, count] = [rows.length, this.rows - rows.length];
      await this.batcher.add(stepBytes({ ranges: 1, actions: 1 }), RECORD_SHEET, () =>
        sheet.getRangeByIndexes(start, 0, count, COLUMNS).clear("Contents")
      );
    }
    this.rows = rows.length;
  }
}
