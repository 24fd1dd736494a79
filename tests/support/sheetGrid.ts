import { resolveCell } from "../../src/core/patch/cells";
import type { SheetOpInput } from "../../src/core/patch/schema";
import type { CellValue, Grid } from "../../src/core/grid/schema";

/**
 * The grid a sheet would hold after a generated sheet op is written to an empty sheet — values,
 * number formats and merges only — so core round trips can be tested without a host.
 */
export function gridOfSheetOp(op: SheetOpInput): Grid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (const block of op.values ?? []) {
    block.values.forEach((row, r) =>
      row.forEach((cell, c) => {
        const resolved = resolveCell(cell);
        (values[block.row + r] ??= [])[block.col + c] =
          resolved.value === "" ? null : resolved.value;
        (numberFormats[block.row + r] ??= [])[block.col + c] = resolved.numberFormat;
      })
    );
  }
  const width = Math.max(0, ...values.map((r) => r?.length ?? 0));
  const fill = <T>(rows: T[][], empty: T) =>
    Array.from({ length: rows.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? empty)
    );
  return {
    sheet: op.sheet,
    top: 0,
    left: 0,
    values: fill(values, null),
    numberFormats: fill(numberFormats, "General"),
    merges: (op.merges ?? []).map((m) => ({
      row: m.row,
      col: m.col,
      rowCount: m.rowCount ?? 1,
      colCount: m.colCount ?? 1,
    })),
    hiddenColumns: [],
  };
}
