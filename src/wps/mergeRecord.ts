import type { Rect } from "../core/patch/schema";
import { sameSheetName } from "../core/patch/sheetName";
import { addressOf, areaOfAddress } from "./ranges";

/**
 * The merged areas the add-in wrote on a sheet it made, kept on the record sheet beside the
 * markers, so that reading the sheet back needs a few MergeCells reads to confirm them instead of
 * finding each area with a MergeArea read (merges.ts). Rows of kind "merges": the sheet's name and
 * its areas' addresses as JSON; a long list takes several rows (a cell holds 32,767 characters).
 *
 * Only WPS writes them. The other hosts ignore kinds they do not know and rewrite the record without
 * them; a sheet without its row has its merges found as on a user's sheet.
 */
export const MERGES_KIND = "merges";

/** Characters of addresses a record cell takes, well under the 32,767 a cell holds. */
const CELL_CHARS = 30_000;

/** Sheet name → the areas written on it (create or replace, then every update's). */
export type RecordedMerges = Map<string, Rect[]>;

export function parseMergeRows(rows: readonly (readonly unknown[])[]): RecordedMerges {
  const merges: RecordedMerges = new Map();
  for (const row of rows.slice(1)) {
    if (row[0] !== MERGES_KIND || typeof row[1] !== "string" || row[1] === "") continue;
    let addresses: unknown;
    try {
      addresses = JSON.parse(String(row[3] ?? ""));
    } catch {
      continue;
    }
    if (!Array.isArray(addresses)) continue;
    try {
      const areas = addresses.map((a) => areaOfAddress(String(a)));
      merges.set(row[1], [...(merges.get(row[1]) ?? []), ...areas]);
    } catch {
      // A row that does not read as addresses is left out: that sheet's merges are found again.
      merges.delete(row[1]);
    }
  }
  return merges;
}

/** The record rows of the sheets `live` names. */
export function mergeRows(merges: RecordedMerges, live: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const [sheet, areas] of merges) {
    if (!live.some((name) => sameSheetName(name, sheet))) continue;
    let chunk: string[] = [];
    let chars = 0;
    const flush = () => rows.push([MERGES_KIND, sheet, "", JSON.stringify(chunk)]);
    for (const area of areas) {
      const address = addressOf(area);
      if (chunk.length > 0 && chars + address.length + 3 > CELL_CHARS) {
        flush();
        chunk = [];
        chars = 0;
      }
      chunk.push(address);
      chars += address.length + 3;
    }
    flush();
  }
  return rows;
}

export function recordedMergesOf(merges: RecordedMerges, sheet: string): Rect[] | null {
  for (const [name, areas] of merges) if (sameSheetName(name, sheet)) return areas;
  return null;
}

export function forgetMerges(merges: RecordedMerges, sheet: string): void {
  for (const name of [...merges.keys()]) if (sameSheetName(name, sheet)) merges.delete(name);
}
