import {
  type DateCell,
  type GeneratedKind,
  type LinkCell,
  type Rect,
  SheetOp,
  type SheetOpInput,
  WorkbookPatch,
} from "./schema";

/** Small constructors for the patch, so outputs read as what they write. */

export function rect(row: number, col: number, rowCount = 1, colCount = 1): Rect {
  return { row, col, rowCount, colCount };
}

export function dateCell(isoDate: string): DateCell {
  return { date: isoDate };
}

export function linkCell(
  text: string,
  target: { sheet: string; row: number; col: number }
): LinkCell {
  return { text, link: { ...target } };
}

/**
 * A sheet the add-in owns. "replace" (the default) rebuilds it, or creates it when missing;
 * the adapter refuses if a sheet of that name exists without the generated marker.
 */
export function generatedSheet(
  sheet: string,
  kind: GeneratedKind,
  options: { key?: string; mode?: "create" | "replace" } = {}
): SheetOp {
  return SheetOp.parse({
    sheet,
    mode: options.mode ?? "replace",
    generated: { kind, key: options.key },
  });
}

/** Changes to a sheet that exists, the user's or a generated one. */
export function existingSheet(sheet: string): SheetOp {
  return SheetOp.parse({ sheet, mode: "update" });
}

/** Checks the whole patch (names, shapes, colours) and fills in defaults. Throws a ZodError. */
export function buildPatch(sheets: Array<SheetOp | SheetOpInput>): WorkbookPatch {
  return WorkbookPatch.parse({ sheets });
}
