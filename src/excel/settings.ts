import type { z } from "zod";
import { sameSheetName } from "../core/patch/sheetName";
import { ExcelAdapterError } from "./errors";

/**
 * Document settings (Office.context.document.settings, present since ExcelApi 1.1) travel with
 * the workbook and are invisible to users: the add-in keeps its bookkeeping there when the
 * workbook itself has no better place for it.
 */

/** The setting under `key`, or `fallback` when it is absent or not in the expected shape. */
export function readSetting<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
  const parsed = schema.safeParse(Office.context.document.settings.get(key));
  return parsed.success ? parsed.data : fallback;
}

export function writeSetting(key: string, value: unknown): void {
  Office.context.document.settings.set(key, value);
}

/** Persists the settings into the document (they are saved with the workbook). */
export function saveSettings(): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new ExcelAdapterError("督办助手的记录未能保存到工作簿中。请保存工作簿后重试。"));
    });
  });
}

/** The entry of a map keyed by sheet name, compared as Excel compares sheet names. */
export function sheetEntry<T>(map: Record<string, T>, sheet: string): T | undefined {
  return Object.entries(map).find(([name]) => sameSheetName(name, sheet))?.[1];
}

/**
 * Rewrites a setting that maps sheet names to records: entries of sheets that no longer exist
 * are dropped (a user's new sheet must not inherit a deleted sheet's record), `updates` replace
 * their sheet's entry (null removes it). Returns whether the setting changed.
 */
export function updateSheetMap<T>(
  key: string,
  schema: z.ZodType<Record<string, T>>,
  existingSheets: string[],
  updates: Map<string, T | null>
): boolean {
  const before = readSetting(key, schema, {});
  const next: Record<string, T> = {};
  const updated = (name: string): boolean =>
    [...updates.keys()].some((s) => sameSheetName(s, name));
  for (const [name, entry] of Object.entries(before)) {
    if (!updated(name) && existingSheets.some((s) => sameSheetName(s, name))) next[name] = entry;
  }
  for (const [name, entry] of updates) if (entry !== null) next[name] = entry;
  if (JSON.stringify(next) === JSON.stringify(before)) return false;
  writeSetting(key, next);
  return true;
}
