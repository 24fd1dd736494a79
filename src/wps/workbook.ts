import {
  RECORD_SHEET,
  type WorkbookRecord,
  emptyRecord,
  parseRecord,
  recordedColumns,
  recordedMarker,
  recordRows,
} from "../core/patch/record";
import { sameSheetName } from "../core/patch/sheetName";
import type { SheetInfo } from "../workflows/host";
import { type EtApplication, type EtWorksheet, type EtWorksheets, XL, etApplication } from "./et";
import { NOT_IN_WPS, WpsAdapterError } from "./errors";
import { Alerts } from "./session";
import { type RecordedMerges, mergeRows, parseMergeRows } from "./mergeRecord";
import { addressOf, usedArea, readValues } from "./ranges";

/**
 * The open workbook as the adapter sees it: its sheets in tab order and the record
 * (core/patch/record.ts) on the very hidden sheet 督办助手记录 — the same record Excel and the
 * .xlsx adapter keep, so markers and marks travel between hosts. ET has no per-sheet custom
 * properties the other hosts could read, so the record alone holds the markers.
 */
export interface OpenWorkbook {
  app: EtApplication;
  sheets: EtWorksheets;
  /** Every sheet but the record, in tab order. */
  listed: Array<{ name: string; sheet: EtWorksheet }>;
  record: WorkbookRecord;
  /** The merged areas the add-in wrote on the sheets it made (mergeRecord.ts). */
  merges: RecordedMerges;
  /**
   * The record sheet, the rows it holds (header included) and whether it is the last sheet, when
   * it exists. Sheets the adapter adds or moves go after one of the user's, so never behind it.
   */
  recordSheet: { sheet: EtWorksheet; rows: number; last: boolean } | null;
}

const COLUMNS = 4;

export function openWorkbook(): OpenWorkbook {
  const app = etApplication();
  const book = app?.ActiveWorkbook;
  if (!app || !book) throw new WpsAdapterError(NOT_IN_WPS);
  const sheets = book.Worksheets;
  const count = sheets.Count;
  const listed: OpenWorkbook["listed"] = [];
  let recordSheet: OpenWorkbook["recordSheet"] = null;
  let record = emptyRecord();
  let merges: RecordedMerges = new Map();
  for (let i = 1; i <= count; i++) {
    const sheet = sheets.Item(i);
    const name = sheet.Name;
    if (!sameSheetName(name, RECORD_SHEET)) {
      listed.push({ name, sheet });
      continue;
    }
    const used = usedArea(sheet);
    const rows = used ? used.area.row + used.area.rowCount : 0;
    const area = { row: 0, col: 0, rowCount: rows, colCount: COLUMNS };
    // The record's used range is its rows' four columns: read as it is.
    const whole = used && addressOf(used.area) === addressOf(area) ? used.range : undefined;
    const values = rows > 0 ? readValues(sheet, area, whole) : [];
    record = parseRecord(values);
    merges = parseMergeRows(values);
    recordSheet = { sheet, rows, last: i === count };
  }
  return { app, sheets, listed, record, merges, recordSheet };
}

export function sheetInfos(open: OpenWorkbook): SheetInfo[] {
  return open.listed.map(({ name }, position) => ({
    name,
    position,
    marker: recordedMarker(open.record, name),
    columns: recordedColumns(open.record, name, null),
  }));
}

/**
 * Writes `record`, and the merges in `open.merges`, onto its sheet in one block of text cells,
 * creating the sheet (very hidden, behind every other sheet) when missing and deleting it when
 * nothing is left to record. `live` names the sheets whose entries are kept.
 */
export function writeRecord(open: OpenWorkbook, record: WorkbookRecord, live: string[]): void {
  const keep = (entry: { sheet: string }) => live.some((name) => sameSheetName(name, entry.sheet));
  const rows = [...recordRows(record, keep), ...mergeRows(open.merges, live)];
  const existing = open.recordSheet;
  if (rows.length <= 1) {
    if (existing) {
      const alerts = new Alerts(open.app);
      try {
        alerts.off();
        existing.sheet.Delete();
      } finally {
        alerts.restore();
      }
    }
    open.recordSheet = null;
    return;
  }
  let sheet = existing?.sheet;
  if (!sheet) {
    sheet = open.sheets.Add(undefined, open.sheets.Item(open.sheets.Count));
    sheet.Name = RECORD_SHEET;
    sheet.Visible = XL.sheetVeryHidden;
  } else if (!existing?.last) {
    sheet.Move(undefined, open.sheets.Item(open.sheets.Count));
  }
  const old = existing?.rows ?? 0;
  if (old > rows.length) sheet.Range(`A${rows.length + 1}:D${old}`).Value2 = "";
  const block = sheet.Range(`A1:D${rows.length}`);
  // Text cells, so that a sheet named 2022 stays as written.
  block.NumberFormat = "@";
  block.Value2 = rows;
  open.recordSheet = { sheet, rows: rows.length, last: true };
  open.record = record;
}
