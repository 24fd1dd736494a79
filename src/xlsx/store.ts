import type ExcelJS from "exceljs";
import {
  RECORD_SHEET,
  type RecordedMark,
  type WorkbookRecord,
  emptyRecord,
  entryOf,
  parseRecord,
  recordRows,
} from "../core/patch/record";
import type { GeneratedMarker } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";

/**
 * The adapter's bookkeeping inside the .xlsx file, on the very hidden record sheet all hosts
 * share (core/patch/record.ts): ExcelJS cannot write per-sheet custom properties, and document
 * settings belong to the Excel add-in runtime. The sheet is not offered in Excel's 取消隐藏
 * dialog (LibreOffice, which has no such state, lists it as hidden; its first row asks that it
 * be left alone).
 *
 * An entry counts while its sheet's name and sheetId still match (entries Excel wrote have no
 * id and match by name): a generated sheet the user renamed, or a new sheet of the user's that
 * took an old name, is then the user's — the safe side.
 */
export const STORE_SHEET = RECORD_SHEET;

/** A mark as the file keeps it: `original` is the cell's whole fill, or a colour Excel recorded. */
export type FileMarkRecord = RecordedMark;

export type Store = WorkbookRecord;

export function isStoreSheet(worksheet: ExcelJS.Worksheet): boolean {
  return sameSheetName(worksheet.name, STORE_SHEET);
}

const belongsTo = (entry: { sheet: string; id: number | null }, ws: ExcelJS.Worksheet) =>
  entryOf(entry, ws.name, ws.id);

export function markerOf(store: Store, ws: ExcelJS.Worksheet): GeneratedMarker | null {
  return store.markers.find((e) => belongsTo(e, ws))?.value ?? null;
}

export function marksOf(store: Store, ws: ExcelJS.Worksheet): FileMarkRecord[] {
  return store.marks.find((e) => belongsTo(e, ws))?.value ?? [];
}

export function setMarker(store: Store, ws: ExcelJS.Worksheet, marker: GeneratedMarker): void {
  store.markers = [
    ...store.markers.filter((e) => !belongsTo(e, ws)),
    { sheet: ws.name, id: ws.id, value: marker },
  ];
}

/** Records the sheet's marks; an empty list forgets the sheet. */
export function setMarks(store: Store, ws: ExcelJS.Worksheet, records: FileMarkRecord[]): void {
  store.marks = store.marks.filter((e) => !belongsTo(e, ws));
  if (records.length > 0) store.marks.push({ sheet: ws.name, id: ws.id, value: records });
}

/** Reads the records; rows that do not parse are ignored (a sheet without a valid marker is the user's). */
export function readStore(workbook: ExcelJS.Workbook): Store {
  const sheet = workbook.worksheets.find(isStoreSheet);
  if (!sheet) return emptyRecord();
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => row.getCell(c).value)));
  return parseRecord(rows);
}

/**
 * Writes the records afresh, leaving out those of sheets that are gone and giving entries Excel
 * wrote their sheet's id; with nothing to record, the record sheet goes too.
 */
export function writeStore(workbook: ExcelJS.Workbook, store: Store): void {
  const old = workbook.worksheets.find(isStoreSheet);
  if (old) workbook.removeWorksheet(old.id);
  const sheets = workbook.worksheets;
  const withIds = <T extends { sheet: string; id: number | null }>(entries: T[]): T[] =>
    entries.flatMap((e) => {
      const ws = sheets.find((w) => belongsTo(e, w));
      return ws ? [{ ...e, id: ws.id }] : [];
    });
  const rows = recordRows({
    markers: withIds(store.markers),
    marks: withIds(store.marks),
    columns: withIds(store.columns),
  });
  if (rows.length === 1) return;
  const sheet = workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  sheet.addRows(rows);
}
