import type ExcelJS from "exceljs";
import {
  RECORD_SHEET,
  type RecordEntry,
  type RecordedMark,
  type WorkbookRecord,
  emptyRecord,
  entryOf,
  parseRecord,
  recordRows,
} from "../core/patch/record";
import type { GeneratedMarker } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";
import { plainValue } from "./cellValue";
import { applyExcelJsFixes } from "./excelJsFixes";
import { RECORD_KEY_NAME, recordKeyName } from "./recordKeys";

/**
 * The adapter's bookkeeping inside the .xlsx file, on the very hidden record sheet all hosts
 * share (core/patch/record.ts): ExcelJS cannot write per-sheet custom properties, and document
 * settings belong to the Excel add-in runtime. The sheet is not offered in Excel's 取消隐藏
 * dialog (LibreOffice, which has no such state, lists it as hidden; its first row asks that it
 * be left alone).
 *
 * An entry counts while its sheet's name and key still match (entries Excel wrote have no key
 * and match by name): a generated sheet the user renamed, or a new sheet of the user's that took
 * an old name, is then the user's — the safe side. A sheet's key is carried by the sheet itself,
 * as a workbook-level defined name `_duban_sheet_<key>` pointing at its A1: the file's sheetIds
 * would do in Excel, which keeps them, but LibreOffice Calc numbers the sheets afresh in tab
 * order when it saves, while it keeps defined names. Files written before the names use their
 * sheetIds as keys.
 */
export const STORE_SHEET = RECORD_SHEET;

/** A mark as the file keeps it: `original` is the cell's whole fill, or a colour Excel recorded. */
export type FileMarkRecord = RecordedMark;

/**
 * The record as read, with each key name's key by sheet name (lower case, as Excel compares
 * names) — null in a workbook without key names, whose keys are the sheetIds. Read once: only
 * writeStore changes the names, and a sheet rebuilt in place keeps its name.
 */
export type Store = WorkbookRecord & { keys: Map<string, number> | null };

export function isStoreSheet(worksheet: ExcelJS.Worksheet): boolean {
  return sameSheetName(worksheet.name, STORE_SHEET);
}

/** The sheet a defined name's range is on ('汇总'!$A$1 or 汇总!$A$1). */
function rangeSheet(range: string): string | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!/.exec(range);
  return match ? (match[1]?.replace(/''/g, "'") ?? match[2]) : null;
}

/** The key names, with the sheet each points at. */
function keyNames(workbook: ExcelJS.Workbook): { key: number; sheet: string }[] {
  return workbook.definedNames.model.flatMap(({ name, ranges }) => {
    const key = RECORD_KEY_NAME.exec(name);
    const sheet = ranges.length === 1 ? rangeSheet(ranges[0]) : null;
    return key && sheet !== null ? [{ key: Number(key[1]), sheet }] : [];
  });
}

function keysByName(workbook: ExcelJS.Workbook): Map<string, number> | null {
  const names = keyNames(workbook);
  return names.length === 0 ? null : new Map(names.map((n) => [n.sheet.toLowerCase(), n.key]));
}

/** The sheet's key: its key name's number, or its sheetId (no key names); NaN matches no keyed entry. */
function sheetKey(store: Store, ws: ExcelJS.Worksheet): number {
  return store.keys === null ? ws.id : (store.keys.get(ws.name.toLowerCase()) ?? NaN);
}

function entriesOf(store: Store, ws: ExcelJS.Worksheet): (entry: RecordEntry<unknown>) => boolean {
  const key = sheetKey(store, ws);
  return (entry) => entryOf(entry, ws.name, key);
}

export function markerOf(store: Store, ws: ExcelJS.Worksheet): GeneratedMarker | null {
  return store.markers.find(entriesOf(store, ws))?.value ?? null;
}

export function marksOf(store: Store, ws: ExcelJS.Worksheet): FileMarkRecord[] {
  return store.marks.find(entriesOf(store, ws))?.value ?? [];
}

export function setMarker(store: Store, ws: ExcelJS.Worksheet, marker: GeneratedMarker): void {
  const mine = entriesOf(store, ws);
  store.markers = [
    ...store.markers.filter((e) => !mine(e)),
    { sheet: ws.name, id: null, value: marker },
  ];
}

/** Records the sheet's marks; an empty list forgets the sheet. */
export function setMarks(store: Store, ws: ExcelJS.Worksheet, records: FileMarkRecord[]): void {
  const mine = entriesOf(store, ws);
  store.marks = store.marks.filter((e) => !mine(e));
  if (records.length > 0) store.marks.push({ sheet: ws.name, id: null, value: records });
}

/** Reads the records; rows that do not parse are ignored (a sheet without a valid marker is the user's). */
export function readStore(workbook: ExcelJS.Workbook): Store {
  const keys = keysByName(workbook);
  const sheet = workbook.worksheets.find(isStoreSheet);
  if (!sheet) return { ...emptyRecord(), keys };
  const rows: unknown[][] = [];
  // As plain text: Calc saves text mixing scripts (单位-…) as rich text, a run per font.
  sheet.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => plainValue(row.getCell(c).value))));
  return { ...parseRecord(rows), keys };
}

/**
 * Writes the records afresh, leaving out those of sheets that are gone, and gives every sheet
 * with an entry its key name (entries written by Excel, or new here, get a key: the sheet's id
 * where no other sheet has it as key, else the next free number). With nothing to record, the
 * record sheet and the key names go.
 */
export function writeStore(workbook: ExcelJS.Workbook, store: Store): void {
  const old = workbook.worksheets.find(isStoreSheet);
  if (old) workbook.removeWorksheet(old.id);
  const sheets = workbook.worksheets;
  const found = new Map(sheets.map((ws) => [ws, sheetKey(store, ws)]));
  const keys = new Map(found);
  const taken = new Set([...keys.values()].filter((k) => !Number.isNaN(k)));
  const keyOf = (ws: ExcelJS.Worksheet): number => {
    let key = keys.get(ws)!;
    if (Number.isNaN(key)) {
      key = taken.has(ws.id) ? Math.max(0, ...taken, ...sheets.map((s) => s.id)) + 1 : ws.id;
      keys.set(ws, key);
      taken.add(key);
    }
    return key;
  };
  const keyed = new Set<ExcelJS.Worksheet>();
  const withKeys = <T extends { sheet: string; id: number | null }>(entries: T[]): T[] =>
    entries.flatMap((e) => {
      const ws = sheets.find((w) => entryOf(e, w.name, found.get(w)!));
      if (!ws) return [];
      keyed.add(ws);
      return [{ ...e, id: keyOf(ws) }];
    });
  const rows = recordRows({
    markers: withKeys(store.markers),
    marks: withKeys(store.marks),
    columns: withKeys(store.columns),
  });
  for (const { name } of workbook.definedNames.model.filter((n) => RECORD_KEY_NAME.test(n.name))) {
    for (const range of workbook.definedNames.getRanges(name).ranges)
      workbook.definedNames.remove(range, name);
  }
  if (rows.length === 1) return;
  applyExcelJsFixes();
  for (const ws of keyed) {
    workbook.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, recordKeyName(keyOf(ws)));
  }
  const sheet = workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  sheet.addRows(rows);
}
