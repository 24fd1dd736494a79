import type ExcelJS from "exceljs";
import { z } from "zod";
import { Color, GeneratedMarker } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";

/**
 * The adapter's bookkeeping inside the .xlsx file: which sheets it generated (with their
 * markers) and every mark it put on a user's sheet (with the cell's fill before it). ExcelJS
 * cannot write per-sheet custom properties, and document settings belong to the Excel add-in
 * runtime, so the records live on one "very hidden" sheet, saved and loaded with the workbook
 * and not offered in Excel's 取消隐藏 dialog (LibreOffice, which has no such state, lists it
 * as hidden; its first row asks that it be left alone).
 *
 * A record holds its sheet's name and its sheetId (the file's id of a sheet, which Excel keeps
 * for the sheet's life and never gives to a new one) and counts only while both still match:
 * a generated sheet the user renamed, or a new sheet of the user's that took an old name, is
 * then the user's — the safe side.
 */
export const STORE_SHEET = "督办助手记录";

const HEADER = ["类型", "工作表", "编号", "内容（督办助手的记录，请勿修改或删除）"];

/** A mark as the file keeps it: `original` is the cell's whole fill (pattern, theme colour, tint). */
export const FileMarkRecord = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  original: z.record(z.string(), z.unknown()).nullable(),
  fill: Color,
  /** The message written with the mark; removed with it only while the note still reads the same. */
  text: z.string().nullable(),
});
export type FileMarkRecord = z.infer<typeof FileMarkRecord>;

interface Entry<T> {
  sheet: string;
  id: number;
  value: T;
}

export interface Store {
  markers: Entry<GeneratedMarker>[];
  marks: Entry<FileMarkRecord[]>[];
}

export function isStoreSheet(worksheet: ExcelJS.Worksheet): boolean {
  return sameSheetName(worksheet.name, STORE_SHEET);
}

function belongsTo<T>(entry: Entry<T>, ws: ExcelJS.Worksheet): boolean {
  return entry.id === ws.id && sameSheetName(entry.sheet, ws.name);
}

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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads the records; rows that do not parse are ignored (a sheet without a valid marker is the user's). */
export function readStore(workbook: ExcelJS.Workbook): Store {
  const store: Store = { markers: [], marks: [] };
  const sheet = workbook.worksheets.find(isStoreSheet);
  if (!sheet) return store;
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const [kind, name, id, json] = [1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ""));
    const at = { sheet: name, id: Number(id) };
    const content = parseJson(json);
    if (kind === "generated") {
      const marker = GeneratedMarker.safeParse(content);
      if (marker.success) store.markers.push({ ...at, value: marker.data });
    } else if (kind === "mark") {
      const mark = FileMarkRecord.safeParse(content);
      if (!mark.success) return;
      const entry = store.marks.find((e) => e.id === at.id && e.sheet === at.sheet);
      if (entry) entry.value.push(mark.data);
      else store.marks.push({ ...at, value: [mark.data] });
    }
  });
  return store;
}

/**
 * Writes the records afresh, one per row (a cell holds at most 32,767 characters), leaving out
 * those of sheets that are gone; with nothing to record, the record sheet goes too.
 */
export function writeStore(workbook: ExcelJS.Workbook, store: Store): void {
  const old = workbook.worksheets.find(isStoreSheet);
  if (old) workbook.removeWorksheet(old.id);
  const sheets = workbook.worksheets;
  const live = <T>(e: Entry<T>) => sheets.some((ws) => belongsTo(e, ws));
  const rows: string[][] = [
    ...store.markers
      .filter(live)
      .map((e) => ["generated", e.sheet, String(e.id), JSON.stringify(e.value)]),
    ...store.marks
      .filter(live)
      .flatMap((e) => e.value.map((r) => ["mark", e.sheet, String(e.id), JSON.stringify(r)])),
  ];
  if (rows.length === 0) return;
  const sheet = workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  sheet.addRows([HEADER, ...rows]);
}
