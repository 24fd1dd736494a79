import {
  cellCount,
  isUnbounded,
  isWholeColumns,
  isWholeRows,
  lastCol,
  lastRow,
  type Area,
} from "../address";
import { interpretInput } from "../cell-input";
import { invalidArgument, invalidOperation } from "../errors";
import type { CellLookup } from "../formula";
import { formatText } from "../text-format";
import { contains, intersect, subtract } from "./areas";
import { DEFAULT_FORMAT } from "./format";
import { cellKey, keyCol, keyRow, type Hyperlink, type SheetModel } from "./sheet";
import type { WorkbookModel } from "./workbook";

/** A rectangle on a sheet: what a Range proxy stands for once resolved. */
export interface RangeRef {
  readonly sheet: SheetModel;
  readonly area: Area;
}

export type GridProperty = "values" | "text" | "formulas" | "numberFormat";

function forEachCell(
  a: Area,
  visit: (row: number, col: number, r: number, c: number) => void
): void {
  for (let r = 0; r < a.rowCount; r += 1) {
    for (let c = 0; c < a.colCount; c += 1) visit(a.row + r, a.col + c, r, c);
  }
}

/** Cells that exist inside an area, without walking an unbounded rectangle. */
export function existingCells(sheet: SheetModel, a: Area): number[] {
  if (cellCount(a) <= sheet.cells.size) {
    const keys: number[] = [];
    forEachCell(a, (row, col) => {
      if (sheet.cells.has(cellKey(row, col))) keys.push(cellKey(row, col));
    });
    return keys;
  }
  return [...sheet.cells.keys()].filter((key) => {
    const row = keyRow(key);
    const col = keyCol(key);
    return row >= a.row && row <= lastRow(a) && col >= a.col && col <= lastCol(a);
  });
}

/** Values for each cell in `ref`: a 2-D array of the right size, a single value, or [[single]]. */
export function cellInput(
  ref: RangeRef,
  input: unknown,
  property: string
): (r: number, c: number) => unknown {
  const { rowCount, colCount } = ref.area;
  if (input === null || input === undefined) {
    throw invalidArgument(`Range.${property} cannot be set to ${String(input)}; use "" to clear.`);
  }
  if (!Array.isArray(input)) return () => input;
  if (!input.every((row) => Array.isArray(row))) {
    throw invalidArgument(`Range.${property} must be a two-dimensional array (an array of rows).`);
  }
  const rows = input as unknown[][];
  if (rows.length === rowCount && rows.every((row) => row.length === colCount))
    return (r, c) => rows[r][c];
  if (rows.length === 1 && rows[0].length === 1) return () => rows[0][0];
  const widths = [...new Set(rows.map((row) => row.length))].join("/");
  throw invalidArgument(
    `The ${property} array is ${rows.length}×${widths} but the range ${ref.area.rowCount}×${ref.area.colCount}: the dimensions must match.`
  );
}

function refuseUnbounded(ref: RangeRef, property: string): void {
  if (isUnbounded(ref.area)) {
    throw invalidArgument(
      `Range.${property} cannot be set on whole columns or rows (an unbounded range).`
    );
  }
}

export function cellLookup(wb: WorkbookModel, sheet: SheetModel): CellLookup {
  return (name, row, col) => {
    const target = name === null ? sheet : wb.findSheet(name);
    if (!target || row >= 1048576 || col >= 16384) return undefined;
    return target.cell(row, col)?.value ?? "";
  };
}

function isMergedTail(sheet: SheetModel, row: number, col: number): boolean {
  const merge = sheet.merges.length > 0 ? sheet.mergeAt(row, col) : undefined;
  return merge !== undefined && (merge.row !== row || merge.col !== col);
}

/** Range.values / Range.formulas = … — parsed per cell as Excel parses typed input. */
export function writeContents(
  wb: WorkbookModel,
  ref: RangeRef,
  input: unknown,
  via: "values" | "formulas"
): void {
  refuseUnbounded(ref, via);
  const at = cellInput(ref, input, via);
  const { sheet } = ref;
  const lookup = cellLookup(wb, sheet);
  forEachCell(ref.area, (row, col, r, c) => {
    const numberFormat = sheet.formatAt(row, col).numberFormat;
    const stored = interpretInput(at(r, c), numberFormat, lookup, via);
    if (stored === null) return;
    // The hidden cells of a merged area hold nothing; Excel keeps only the top-left value.
    if (isMergedTail(sheet, row, col)) return;
    if (stored.value === "" && stored.formula === null) {
      const record = sheet.cell(row, col);
      if (record) {
        record.value = "";
        record.formula = null;
        sheet.prune(row, col);
      }
      return;
    }
    const record = sheet.ensureCell(row, col);
    record.value = stored.value;
    record.formula = stored.formula;
    if (stored.impliedFormat && numberFormat === "General") {
      record.format = sheet.pool.with(record.format, "numberFormat", stored.impliedFormat);
    }
  });
}

/** Range.numberFormat = … ("" means General; null leaves a cell as it is). */
export function writeNumberFormats(ref: RangeRef, input: unknown): void {
  refuseUnbounded(ref, "numberFormat");
  const at = cellInput(ref, input, "numberFormat");
  const { sheet } = ref;
  forEachCell(ref.area, (row, col, r, c) => {
    const value = at(r, c);
    if (value === null || value === undefined) return;
    if (typeof value !== "string")
      throw invalidArgument(`A number format must be a string, not ${JSON.stringify(value)}.`);
    const record = sheet.ensureCell(row, col);
    record.format = sheet.pool.with(
      record.format,
      "numberFormat",
      value === "" ? "General" : value
    );
    sheet.prune(row, col);
  });
}

/** values, text, formulas or numberFormat of every cell; null for an unbounded range, as Excel. */
export function readGrid(ref: RangeRef, property: GridProperty): unknown[][] | null {
  if (isUnbounded(ref.area)) return null;
  const { sheet, area: a } = ref;
  const grid: unknown[][] = [];
  for (let r = 0; r < a.rowCount; r += 1) {
    const line: unknown[] = new Array(a.colCount);
    for (let c = 0; c < a.colCount; c += 1) {
      const row = a.row + r;
      const col = a.col + c;
      const record = sheet.cell(row, col);
      const value = record?.value ?? "";
      switch (property) {
        case "values":
          line[c] = value;
          break;
        case "formulas":
          line[c] = record?.formula ?? value;
          break;
        case "numberFormat":
          line[c] = sheet.formatAt(row, col).numberFormat;
          break;
        case "text":
          line[c] = value === "" ? "" : formatText(value, sheet.formatAt(row, col).numberFormat);
          break;
      }
    }
    grid.push(line);
  }
  return grid;
}

const HYPERLINK_KEYS = ["address", "documentReference", "textToDisplay", "screenTip"];

/** Range.hyperlink = {…}: every cell gets the link; textToDisplay becomes the cell's text. */
export function writeHyperlink(ref: RangeRef, input: unknown): void {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw invalidArgument(
      "Range.hyperlink must be an object {address?, documentReference?, textToDisplay?, screenTip?}."
    );
  }
  const link = input as Record<string, unknown>;
  for (const [key, value] of Object.entries(link)) {
    if (!HYPERLINK_KEYS.includes(key))
      throw invalidArgument(`"${key}" is not a property of a hyperlink.`);
    if (value !== undefined && typeof value !== "string")
      throw invalidArgument(`hyperlink.${key} must be a string.`);
  }
  if (!link.address && !link.documentReference) {
    throw invalidArgument("A hyperlink needs an address or a documentReference.");
  }
  refuseUnbounded(ref, "hyperlink");
  const stored: Hyperlink = {};
  for (const key of HYPERLINK_KEYS) {
    if (typeof link[key] === "string")
      (stored as Record<string, string>)[key] = link[key] as string;
  }
  forEachCell(ref.area, (row, col) => {
    const record = ref.sheet.ensureCell(row, col);
    record.hyperlink = { ...stored };
    if (stored.textToDisplay !== undefined) {
      record.value = stored.textToDisplay;
      record.formula = null;
    } else if (record.value === "") {
      record.value = stored.address ?? stored.documentReference ?? "";
    }
  });
}

export function readHyperlink(ref: RangeRef): Hyperlink | null {
  const link = ref.sheet.cell(ref.area.row, ref.area.col)?.hyperlink;
  return link ? { ...link } : null;
}

function clearFormats(ref: RangeRef): void {
  const { sheet, area: a } = ref;
  for (const key of existingCells(sheet, a)) {
    const record = sheet.cells.get(key)!;
    record.format = DEFAULT_FORMAT;
    sheet.prune(keyRow(key), keyCol(key));
  }
  if (isWholeColumns(a)) for (let c = a.col; c <= lastCol(a); c += 1) sheet.columnFormats.delete(c);
  if (isWholeRows(a)) for (let r = a.row; r <= lastRow(a); r += 1) sheet.rowFormats.delete(r);
  sheet.conditionalFormats = sheet.conditionalFormats
    .map((cf) => ({ ...cf, areas: cf.areas.flatMap((x) => subtract(x, a)) }))
    .filter((cf) => cf.areas.length > 0);
  // Merging is formatting too: clearing formats unmerges.
  sheet.merges = sheet.merges.filter((m) => !intersect(m, a));
}

/** Range.clear(applyTo): what each ClearApplyTo removes. Notes, comments and data validation stay. */
export function clearRange(ref: RangeRef, applyTo: unknown): void {
  const { sheet, area: a } = ref;
  const what = applyTo ?? "All";
  const contents = () => {
    for (const key of existingCells(sheet, a)) {
      const record = sheet.cells.get(key)!;
      record.value = "";
      record.formula = null;
      sheet.prune(keyRow(key), keyCol(key));
    }
  };
  const links = () => {
    for (const key of existingCells(sheet, a)) {
      sheet.cells.get(key)!.hyperlink = null;
      sheet.prune(keyRow(key), keyCol(key));
    }
  };
  switch (what) {
    case "All":
      contents();
      links();
      clearFormats(ref);
      return;
    case "Contents":
    case "ResetContents":
      contents();
      return;
    case "Formats":
      clearFormats(ref);
      return;
    case "Hyperlinks":
      links();
      return;
    case "RemoveHyperlinks":
      links();
      clearFormats(ref);
      return;
    default:
      throw invalidArgument(`"${String(applyTo)}" is not a ClearApplyTo value.`);
  }
}

/** Range.merge(across): the hidden cells lose their values, as in Excel. */
export function merge(ref: RangeRef, across: unknown): void {
  const { sheet, area: a } = ref;
  const pieces: Area[] = [];
  if (across === true) {
    for (let r = a.row; r <= lastRow(a); r += 1)
      pieces.push({ row: r, col: a.col, rowCount: 1, colCount: a.colCount });
  } else {
    pieces.push(a);
  }
  for (const piece of pieces) {
    if (cellCount(piece) === 1) continue;
    const clash = sheet.merges.find((m) => intersect(m, piece) && !contains(piece, m));
    if (clash) {
      throw invalidOperation(
        `Cannot merge ${JSON.stringify(piece)}: it overlaps part of an existing merged area.`
      );
    }
    sheet.merges = sheet.merges.filter((m) => !contains(piece, m));
    for (const key of existingCells(sheet, piece)) {
      const row = keyRow(key);
      const col = keyCol(key);
      if (row === piece.row && col === piece.col) continue;
      const record = sheet.cells.get(key)!;
      record.value = "";
      record.formula = null;
      sheet.prune(row, col);
    }
    sheet.merges.push(piece);
  }
}

export function unmerge(ref: RangeRef): void {
  ref.sheet.merges = ref.sheet.merges.filter((m) => !intersect(m, ref.area));
}

/** Merged areas that touch the range, whole. */
/**
 * The merged areas getMergedAreasOrNullObject returns: those whose top-left cell lies in the
 * range — an area reaching into the range from above or the left is left out (office-js #3611).
 */
export function mergedAreasIn(ref: RangeRef): Area[] {
  const { row, col, rowCount, colCount } = ref.area;
  const inRange = (m: Area) =>
    m.row >= row && m.row < row + rowCount && m.col >= col && m.col < col + colCount;
  return ref.sheet.merges.filter(inRange).sort((x, y) => x.row - y.row || x.col - y.col);
}
