import ExcelJS from "exceljs";
import { type CellValue, type Grid, type MergedArea, emptyGrid } from "../core/grid/schema";
import type { ColumnMapping } from "../core/parse/vocabulary";
import { recordedColumns } from "../core/patch/record";
import type { GeneratedMarker } from "../core/patch/schema";
import { a1 } from "../core/patch/address";
import { GENERAL_FORMAT } from "../core/patch/units";
import type { ParseProblem } from "../core/table/schema";
import { inputError } from "./errors";
import { type XlsxSource, loadXlsx, sourceName } from "./loadWorkbook";
import { intersects, parseRange } from "./ranges";
import { plainValue } from "./cellValue";
import { isStoreSheet, markerOf, readStore } from "./store";

/** One worksheet of the file, as listed for the caller. */
export interface XlsxSheet {
  name: string;
  visible: boolean;
  /** The generated-sheet marker, or null for the user's own sheets. */
  generated: GeneratedMarker | null;
  /** The 列对照 recorded for the sheet (chosen in the pane), {} when none. */
  columns: ColumnMapping;
}

export interface XlsxRead {
  /** The loaded workbook, for applyPatchToWorkbook and writeXlsx. */
  workbook: ExcelJS.Workbook;
  /** Every sheet in tab order, the adapter's record sheet left out. */
  sheets: XlsxSheet[];
  /** Grids of the visible sheets that hold anything, in tab order. */
  grids: Grid[];
  /** Sheets not read, and why. */
  problems: ParseProblem[];
}

/**
 * Reads every worksheet of an .xlsx file into the core's Grid, as the Office.js adapter reads a
 * sheet: the used range's values (only cells with a value count), number formats, merged areas
 * and hidden columns.
 *
 * Hidden sheets are not read (their names come back as problems): in the workbooks units send,
 * a hidden sheet holds an old version or a lookup list, not the table to check, and checking
 * what the user cannot see would report issues they cannot find. Empty sheets are left out
 * silently (Sheet2, Sheet3). A file with nothing to read at all is refused with an
 * XlsxInputError, as are files that are no .xlsx (see loadXlsx).
 */
export async function readXlsx(
  source: XlsxSource,
  options: { name?: string } = {}
): Promise<XlsxRead> {
  const file = sourceName(source, options.name);
  const workbook = await loadXlsx(source, file);
  const store = readStore(workbook);
  const sheets: XlsxSheet[] = [];
  const grids: Grid[] = [];
  const problems: ParseProblem[] = [];
  for (const worksheet of workbook.worksheets) {
    if (isStoreSheet(worksheet)) continue;
    const visible = worksheet.state === "visible" || worksheet.state === undefined;
    sheets.push({
      name: worksheet.name,
      visible,
      generated: markerOf(store, worksheet),
      columns: recordedColumns(store, worksheet.name, worksheet.id),
    });
    if (!visible) {
      problems.push({
        source: worksheet.name,
        line: 0,
        message: `工作表「${worksheet.name}」已隐藏，未读取。如需校验，请先取消隐藏。`,
      });
      continue;
    }
    const grid = gridOfWorksheet(worksheet, file);
    if (grid.values.length > 0) grids.push(grid);
  }
  if (grids.length === 0) throw inputError(file, "empty");
  return { workbook, sheets, grids, problems };
}

/**
 * Every sheet of a file, hidden ones too, with whether it is visible: what 回收 reads from a
 * unit's returned file (its hidden record sheet included). Refused as readXlsx refuses.
 */
export async function readAllSheets(
  source: XlsxSource,
  name?: string
): Promise<{ grid: Grid; visible: boolean }[]> {
  const workbook = await loadXlsx(source, sourceName(source, name));
  return workbook.worksheets
    .filter((ws) => !isStoreSheet(ws))
    .map((ws) => ({
      grid: gridOfWorksheet(ws),
      visible: ws.state === "visible" || ws.state === undefined,
    }));
}

/**
 * The most cells a sheet's used area may span (rows × columns). The grid is dense, so a far cell
 * costs its whole rectangle: past this, the sheet is refused rather than filled in.
 */
export const MAX_GRID_CELLS = 4_000_000;

/** The sheet's cells with a value, as a Grid; an empty sheet gives an empty grid at A1. */
export function gridOfWorksheet(worksheet: ExcelJS.Worksheet, file = worksheet.name): Grid {
  const cells: Array<{ row: number; col: number; value: CellValue; format: string }> = [];
  // The used area: cells holding something visible. A cell of spaces alone (a stray " " at
  // XFD1048576) does not stretch it; inside it, such a cell is read like any other.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  worksheet.eachRow((row) => {
    row.eachCell((cell) => {
      // A merged area's value lives in its top-left cell; ExcelJS repeats it in the others.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      if (value === null) return;
      const at = { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
      cells.push({ ...at, value, format: cell.numFmt || GENERAL_FORMAT });
      if (typeof value === "string" && value.trim() === "") return;
      top = Math.min(top, at.row);
      left = Math.min(left, at.col);
      bottom = Math.max(bottom, at.row);
      right = Math.max(right, at.col);
    });
  });
  if (bottom < 0) return emptyGrid(worksheet.name);
  const rowCount = bottom - top + 1;
  const colCount = right - left + 1;
  if (rowCount * colCount > MAX_GRID_CELLS) {
    throw inputError(
      file,
      "too-large",
      `的工作表「${worksheet.name}」从 ${a1(top, left)} 到 ${a1(bottom, right)} 都有内容，共 ${rowCount} 行 ${colCount} 列，超过督办助手可读取的 ${MAX_GRID_CELLS.toLocaleString("en-US")} 个单元格`
    );
  }
  const values: CellValue[][] = Array.from({ length: rowCount }, () =>
    new Array<CellValue>(colCount).fill(null)
  );
  const numberFormats: string[][] = Array.from({ length: rowCount }, () =>
    new Array<string>(colCount).fill(GENERAL_FORMAT)
  );
  for (const c of cells) {
    if (c.row < top || c.row > bottom || c.col < left || c.col > right) continue;
    values[c.row - top][c.col - left] = c.value;
    numberFormats[c.row - top][c.col - left] = c.format;
  }
  const used = { row: top, col: left, rowCount, colCount };
  const merges: MergedArea[] = worksheet.model.merges
    .map((ref) => parseRange(ref))
    .filter((area) => intersects(area, used));
  const hiddenColumns: number[] = [];
  for (let col = left; col < left + colCount; col++)
    if (worksheet.getColumn(col + 1).hidden) hiddenColumns.push(col);
  return { sheet: worksheet.name, top, left, values, numberFormats, merges, hiddenColumns };
}
