import { type CellValue, type Grid, emptyGrid } from "../core/grid/schema";
import type { Rect } from "../core/patch/schema";
import { GENERAL_FORMAT } from "../core/patch/units";
import type { EtRange, EtWorksheet } from "./et";
import { mergedAreas } from "./merges";
import { addressOf, columnRuns, readSpread, readValues, usedArea } from "./ranges";

/**
 * One sheet into the core's Grid: values by blocks of rows (one Value2 read each), number
 * formats of the numbers, merged areas (merges.ts) and hidden columns. ET's UsedRange takes in formatted blank
 * margins; they are cut off, as Excel's valuesOnly used range leaves them out.
 */

function trimmed(values: CellValue[][], area: Rect): { area: Rect; values: CellValue[][] } | null {
  const filled = (v: CellValue) => v !== null && !(typeof v === "string" && v.trim() === "");
  let top = 0;
  let bottom = values.length - 1;
  while (top <= bottom && !values[top].some(filled)) top++;
  while (bottom >= top && !values[bottom].some(filled)) bottom--;
  if (top > bottom) return null;
  const rows = values.slice(top, bottom + 1);
  let left = 0;
  let right = area.colCount - 1;
  while (left < right && rows.every((r) => !filled(r[left]))) left++;
  while (right > left && rows.every((r) => !filled(r[right]))) right--;
  return {
    area: {
      row: area.row + top,
      col: area.col + left,
      rowCount: rows.length,
      colCount: right - left + 1,
    },
    values: rows.map((r) => r.slice(left, right + 1)),
  };
}

/**
 * Number formats matter only to numbers (a date serial shows as a date): they are read only where
 * numbers are, each column's runs of numbers together, halving only where their formats differ.
 */
function numberFormats(sheet: EtWorksheet, area: Rect, values: CellValue[][]): string[][] {
  const formats = Array.from({ length: area.rowCount }, () =>
    new Array<string>(area.colCount).fill(GENERAL_FORMAT)
  );
  const runs = columnRuns(values, area, (v) => typeof v === "number");
  readSpread(
    sheet,
    runs,
    (range) => range.NumberFormat,
    (part, format) => {
      for (let i = 0; i < part.rowCount; i++)
        for (let j = 0; j < part.colCount; j++)
          formats[part.row - area.row + i][part.col - area.col + j] = format ?? GENERAL_FORMAT;
    }
  );
  return formats;
}

/** `used`: the used range, whose columns take in those of `area`. */
function hiddenColumns(sheet: EtWorksheet, area: Rect, used: EtRange): number[] {
  const all = Array.from({ length: area.colCount }, (_, j) => area.col + j);
  const hidden = used.EntireColumn.Hidden;
  if (hidden === false) return [];
  if (hidden === true) return all;
  return all.filter(
    (col) => sheet.Range(addressOf({ row: 0, col, rowCount: 1, colCount: 1 })).EntireColumn.Hidden
  );
}

/** `recorded`: the merges the record keeps for a sheet the add-in made (mergeRecord.ts), if any. */
export function readGrid(sheet: EtWorksheet, name: string, recorded: readonly Rect[] | null): Grid {
  const used = usedArea(sheet);
  const cut = used && trimmed(readValues(sheet, used.area, used.range), used.area);
  if (!used || !cut) return emptyGrid(name);
  const { area, values } = cut;
  const merges = mergedAreas(sheet, area, values, recorded);
  return {
    sheet: name,
    top: area.row,
    left: area.col,
    values,
    numberFormats: numberFormats(sheet, area, values),
    merges: merges ?? [],
    ...(merges === null ? { mergesUnknown: true } : {}),
    hiddenColumns: hiddenColumns(sheet, area, used.range),
  };
}
