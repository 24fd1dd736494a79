import { z } from "zod";
import { ColumnMapping } from "../parse/vocabulary";
import { Color, GeneratedMarker } from "./schema";
import { sameSheetName } from "./sheetName";

/**
 * The record every host keeps in the workbook: which sheets 督办助手 generated (their markers),
 * every mark it put on a user's sheet, with the cell's fill before it, and the 列对照 the user
 * chose for a sheet's columns (read on every later 校验). It lives on one "very
 * hidden" sheet, one record a row (a cell holds at most 32,767 characters), so it travels with
 * the workbook to every host: a file checked by the CLI can be cleared in Excel and the other
 * way round. Document settings would not do: they are limited to about 1–2 MB and belong to the
 * Excel add-in's runtime alone.
 */
export const RECORD_SHEET = "督办助手记录";

/** Why a patch may not write the record sheet (it is refused whole, before anything is written). */
export function recordSheetReservedMessage(): string {
  return `工作表名称「${RECORD_SHEET}」留给督办助手存放记录，不能写入，未做任何修改。`;
}

export const RECORD_HEADER = ["类型", "工作表", "编号", "内容（督办助手的记录，请勿修改或删除）"];

/**
 * A mark. `original` is the fill before the mark: a colour "#RRGGBB" where the host knows only
 * colours (Excel), a whole fill object where it knows more (the .xlsx adapter keeps pattern,
 * theme colour and tint); null for no fill. `note` says how the message was attached.
 */
export const RecordedMark = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  original: z.union([Color, z.record(z.string(), z.unknown())]).nullable(),
  fill: Color,
  note: z.enum(["note", "comment"]).nullable().optional(),
  /** The message written with the mark; removed with it only while the note still reads the same. */
  text: z.string().nullable(),
});
export type RecordedMark = z.infer<typeof RecordedMark>;

/**
 * An entry belongs to a sheet by name and, where the host knows it, by the file's sheetId (Excel
 * keeps it for the sheet's life and never gives it to a new sheet). Office.js cannot see that
 * id, so entries Excel writes carry none (null) and match by name alone.
 */
export interface RecordEntry<T> {
  sheet: string;
  id: number | null;
  value: T;
}

export interface WorkbookRecord {
  markers: RecordEntry<GeneratedMarker>[];
  marks: RecordEntry<RecordedMark[]>[];
  /** Per sheet, the user's 列对照: printed title → meaning, or "unused" (不读取). */
  columns: RecordEntry<ColumnMapping>[];
}

export function emptyRecord(): WorkbookRecord {
  return { markers: [], marks: [], columns: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads the record sheet's rows (header included); rows that do not parse are ignored. */
export function parseRecord(rows: readonly (readonly unknown[])[]): WorkbookRecord {
  const record = emptyRecord();
  for (const row of rows.slice(1)) {
    const [kind, sheet, idText, json] = [0, 1, 2, 3].map((c) => String(row[c] ?? ""));
    const id = idText.trim() === "" ? null : Number(idText);
    if (sheet === "" || (id !== null && !Number.isInteger(id))) continue;
    const content = parseJson(json);
    if (kind === "generated") {
      const marker = GeneratedMarker.safeParse(content);
      if (marker.success) record.markers.push({ sheet, id, value: marker.data });
    } else if (kind === "mark") {
      const mark = RecordedMark.safeParse(content);
      if (!mark.success) continue;
      const entry = record.marks.find((e) => e.id === id && e.sheet === sheet);
      if (entry) entry.value.push(mark.data);
      else record.marks.push({ sheet, id, value: [mark.data] });
    } else if (kind === "columns") {
      const mapping = ColumnMapping.safeParse(content);
      if (mapping.success) record.columns.push({ sheet, id, value: mapping.data });
    }
  }
  return record;
}

/** The record sheet's rows, header first; entries of sheets `live` rejects are left out. */
export function recordRows(
  record: WorkbookRecord,
  live: (entry: RecordEntry<unknown>) => boolean = () => true
): string[][] {
  const id = (e: RecordEntry<unknown>) => (e.id === null ? "" : String(e.id));
  return [
    RECORD_HEADER,
    ...record.markers
      .filter(live)
      .map((e) => ["generated", e.sheet, id(e), JSON.stringify(e.value)]),
    ...record.marks
      .filter(live)
      .flatMap((e) => e.value.map((m) => ["mark", e.sheet, id(e), JSON.stringify(m)])),
    ...record.columns.filter(live).map((e) => ["columns", e.sheet, id(e), JSON.stringify(e.value)]),
  ];
}

/** Whether an entry belongs to the sheet `name` whose file id is `id` (null: not known). */
export function entryOf(
  entry: Pick<RecordEntry<unknown>, "sheet" | "id">,
  name: string,
  id: number | null
): boolean {
  return sameSheetName(entry.sheet, name) && (entry.id === null || id === null || entry.id === id);
}

/** The 列对照 recorded for the sheet `name` (file id `id`, null: not known); {} when none. */
export function recordedColumns(
  record: WorkbookRecord,
  name: string,
  id: number | null
): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const e of record.columns) if (entryOf(e, name, id)) Object.assign(mapping, e.value);
  return mapping;
}

/**
 * The record after the user chose what one printed column of a sheet means: a meaning,
 * "unused" (不读取), or null to leave it to the header vocabulary again.
 */
export function withColumnMeaning<R extends WorkbookRecord>(
  record: R,
  sheet: string,
  title: string,
  meaning: ColumnMapping[string] | null
): R {
  const mapping = { ...recordedColumns(record, sheet, null) };
  if (meaning === null) delete mapping[title];
  else mapping[title] = meaning;
  const others = record.columns.filter((e) => !entryOf(e, sheet, null));
  const kept = Object.keys(mapping).length > 0 ? [{ sheet, id: null, value: mapping }] : [];
  return { ...record, columns: [...others, ...kept] };
}

/** The marker the record keeps for `sheet` (matched by name), or null. */
export function recordedMarker(record: WorkbookRecord, sheet: string): GeneratedMarker | null {
  return record.markers.find((e) => entryOf(e, sheet, null))?.value ?? null;
}

export function recordedMarks(record: WorkbookRecord, sheet: string): RecordedMark[] {
  return record.marks.find((e) => entryOf(e, sheet, null))?.value ?? [];
}

/** The record after `sheet`'s marks became `marks` (an empty list forgets the sheet). */
export function withMarks(
  record: WorkbookRecord,
  sheet: string,
  marks: RecordedMark[]
): WorkbookRecord {
  const others = record.marks.filter((e) => !entryOf(e, sheet, null));
  return {
    ...record,
    marks: marks.length > 0 ? [...others, { sheet, id: null, value: marks }] : others,
  };
}

export function withMarker(
  record: WorkbookRecord,
  sheet: string,
  marker: GeneratedMarker
): WorkbookRecord {
  const others = record.markers.filter((e) => !entryOf(e, sheet, null));
  return { ...record, markers: [...others, { sheet, id: null, value: marker }] };
}
