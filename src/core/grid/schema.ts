import { z } from "zod";

/** A cell value as a spreadsheet holds it: text, number, boolean, or nothing. Dates arrive as serial numbers. */
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;

/** A merged area in 0-based sheet coordinates. */
export const MergedArea = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowCount: z.number().int().positive(),
  colCount: z.number().int().positive(),
});
export type MergedArea = z.infer<typeof MergedArea>;

/**
 * One worksheet's used range as plain values — what both adapters (Office.js and .xlsx)
 * hand to the core. `values[0][0]` is the cell at (`top`, `left`) of the sheet.
 */
export const Grid = z.object({
  sheet: z.string(),
  /** 0-based sheet row and column of values[0][0]. */
  top: z.number().int().nonnegative(),
  left: z.number().int().nonnegative(),
  values: z.array(z.array(CellValue)),
  /** Number formats parallel to values, where the adapter could read them. */
  numberFormats: z.array(z.array(z.string())).optional(),
  /** Merged areas, where the host exposes them (ExcelApi 1.13, .xlsx files). */
  merges: z.array(MergedArea).default([]),
  /**
   * The host could not say which cells are merged (Excel before ExcelApi 1.13): an empty cell
   * may then continue a merge, and the seed-text inference (fillDown.ts) decides.
   */
  mergesUnknown: z.boolean().optional(),
  /** 0-based sheet columns that are hidden. */
  hiddenColumns: z.array(z.number().int().nonnegative()).default([]),
});
export type Grid = z.infer<typeof Grid>;

/** An empty sheet's grid: nothing at A1. */
export function emptyGrid(sheet: string): Grid {
  return { sheet, top: 0, left: 0, values: [], numberFormats: [], merges: [], hiddenColumns: [] };
}
