import { z } from "zod";
import { RecordedMark, type WorkbookRecord } from "../core/patch/record";
import { GeneratedMarker } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";

/**
 * Before the record sheet, the Excel add-in kept its marks and its generated-sheet markers in
 * the document settings, keyed by sheet name. A workbook marked then must still be cleared:
 * the first command that reads the record takes those entries in, writes them onto the record
 * sheet with everything else, and only then removes the settings.
 */
const MARKS_KEY = "duban.marks";
const MARKERS_KEY = "duban.generatedSheets";
const LegacyMarks = z.record(z.string(), z.array(RecordedMark));
const LegacyMarkers = z.record(z.string(), GeneratedMarker);

function setting<T>(key: string, schema: z.ZodType<T>): T | null {
  if (typeof Office === "undefined" || !Office.context?.document?.settings) return null;
  const parsed = schema.safeParse(Office.context.document.settings.get(key));
  return parsed.success ? parsed.data : null;
}

/** Whether the document settings still hold records of the earlier format. */
export function hasLegacySettings(): boolean {
  return setting(MARKS_KEY, LegacyMarks) !== null || setting(MARKERS_KEY, LegacyMarkers) !== null;
}

/** The record with the settings' entries added for every sheet the record sheet does not name. */
export function withLegacySettings(record: WorkbookRecord): WorkbookRecord {
  const named = (entries: { sheet: string }[], sheet: string) =>
    entries.some((e) => sameSheetName(e.sheet, sheet));
  const marks = Object.entries(setting(MARKS_KEY, LegacyMarks) ?? {})
    .filter(([sheet, value]) => value.length > 0 && !named(record.marks, sheet))
    .map(([sheet, value]) => ({ sheet, id: null, value }));
  const markers = Object.entries(setting(MARKERS_KEY, LegacyMarkers) ?? {})
    .filter(([sheet]) => !named(record.markers, sheet))
    .map(([sheet, value]) => ({ sheet, id: null, value }));
  return {
    ...record,
    markers: [...record.markers, ...markers],
    marks: [...record.marks, ...marks],
  };
}

/**
 * Removes the earlier format's settings, once the record sheet holds their entries. A save
 * that fails leaves them; the next command takes them in again only for sheets the record
 * does not name.
 */
export function forgetLegacySettings(): Promise<void> {
  const settings = Office.context.document.settings;
  settings.remove(MARKS_KEY);
  settings.remove(MARKERS_KEY);
  return new Promise((resolve) => settings.saveAsync(() => resolve()));
}
