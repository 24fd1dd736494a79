import { z } from "zod";
import { Color } from "../core/patch/schema";
import { readSetting, sheetEntry, updateSheetMap } from "./settings";

/**
 * The record of every mark the add-in put on a user's sheet, kept in the document settings
 * (not in a sheet: marking must not add or touch any sheet the patch does not name). It holds
 * what the core cannot know — each cell's fill before the mark — so clearing restores it.
 */
export const MarkRecord = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  /** The cell's fill before the first mark; null for no fill. */
  original: Color.nullable(),
  /** The mark's fill. The original comes back only while this is still the cell's fill. */
  fill: Color,
  /** How the message was attached, and its text: removed only while it reads the same. */
  note: z.enum(["note", "comment"]).nullable(),
  text: z.string().nullable(),
});
export type MarkRecord = z.infer<typeof MarkRecord>;

const MarkStore = z.record(z.string(), z.array(MarkRecord));
export type MarkStore = z.infer<typeof MarkStore>;

const MARKS_SETTINGS_KEY = "duban.marks";

export function readMarkStore(): MarkStore {
  return readSetting(MARKS_SETTINGS_KEY, MarkStore, {});
}

export function storedMarks(store: MarkStore, sheet: string): MarkRecord[] {
  return sheetEntry(store, sheet) ?? [];
}

/** Records each updated sheet's marks now (an empty list forgets the sheet). Returns whether the store changed. */
export function writeMarkStore(
  existingSheets: string[],
  updates: Map<string, MarkRecord[]>
): boolean {
  const entries = [...updates].map(
    ([sheet, records]) => [sheet, records.length > 0 ? records : null] as const
  );
  return updateSheetMap(MARKS_SETTINGS_KEY, MarkStore, existingSheets, new Map(entries));
}
