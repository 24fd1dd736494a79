import {
  MAX_COLUMNS,
  MAX_ROWS,
  area,
  cellCount,
  isWholeColumns,
  isWholeRows,
  lastCol,
  lastRow,
  type Area,
} from "../address";
import { invalidArgument } from "../errors";
import { formatText } from "../text-format";
import { intersect } from "./areas";
import { existingCells, type RangeRef } from "./cells";
import {
  DEFAULT_FORMAT,
  NO_BORDER,
  type Border,
  type CellFormat,
  type FormatField,
} from "./format";
import { keyCol, keyRow, type SheetModel } from "./sheet";

/**
 * Applies `change` to the format of every cell of an area. On whole columns or rows it changes
 * the column/row format (which cells created later inherit) and every existing cell there,
 * instead of walking a million cells. `change` depends on the format alone, so it runs once per
 * distinct format, not once per cell.
 */
export function mapFormats(
  sheet: SheetModel,
  a: Area,
  changeOnce: (format: CellFormat) => CellFormat
): void {
  const changed = new Map<CellFormat, CellFormat>();
  const change = (format: CellFormat): CellFormat => {
    let next = changed.get(format);
    if (!next) {
      next = changeOnce(format);
      changed.set(format, next);
    }
    return next;
  };
  const apply = (row: number, col: number) => {
    const record = sheet.ensureCell(row, col);
    record.format = change(record.format);
    if (record.format === DEFAULT_FORMAT) sheet.prune(row, col);
  };
  if (isWholeColumns(a) || isWholeRows(a)) {
    if (isWholeColumns(a)) {
      for (let col = a.col; col <= lastCol(a); col += 1) {
        sheet.columnFormats.set(col, change(sheet.columnFormats.get(col) ?? DEFAULT_FORMAT));
      }
      for (const row of sheet.rowFormats.keys())
        for (let col = a.col; col <= lastCol(a); col += 1) apply(row, col);
    } else {
      for (let row = a.row; row <= lastRow(a); row += 1) {
        sheet.rowFormats.set(row, change(sheet.rowFormats.get(row) ?? DEFAULT_FORMAT));
      }
    }
    for (const key of existingCells(sheet, a)) apply(keyRow(key), keyCol(key));
    return;
  }
  for (let row = a.row; row <= lastRow(a); row += 1) {
    for (let col = a.col; col <= lastCol(a); col += 1) apply(row, col);
  }
}

export function setFormatField<F extends FormatField>(
  ref: RangeRef,
  field: F,
  value: CellFormat[F]
): void {
  const { pool } = ref.sheet;
  mapFormats(ref.sheet, ref.area, (format) => pool.with(format, field, value));
}

/** Every distinct format in an area (without walking an unbounded area cell by cell). */
function formatsIn(sheet: SheetModel, a: Area): CellFormat[] {
  if (cellCount(a) <= 200_000) {
    const seen = new Set<CellFormat>();
    for (let row = a.row; row <= lastRow(a); row += 1) {
      for (let col = a.col; col <= lastCol(a); col += 1) seen.add(sheet.formatAt(row, col));
    }
    return [...seen];
  }
  const seen = new Set<CellFormat>();
  const keys = existingCells(sheet, a);
  for (const key of keys) seen.add(sheet.cells.get(key)!.format);
  if (keys.length < cellCount(a)) {
    for (let col = a.col; col <= lastCol(a); col += 1)
      seen.add(sheet.columnFormats.get(col) ?? DEFAULT_FORMAT);
    for (const [row, format] of sheet.rowFormats)
      if (row >= a.row && row <= lastRow(a)) seen.add(format);
  }
  return [...seen];
}

/** Excel reports a format property of a range only when all its cells agree; otherwise null. */
export function uniform<T>(values: readonly T[]): T | null {
  if (values.length === 0) return null;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : null;
}

export function readFormatField<F extends FormatField>(
  ref: RangeRef,
  field: F
): CellFormat[F] | null {
  return uniform(formatsIn(ref.sheet, ref.area).map((f) => f[field]));
}

/** Fill colour as Excel reports it: "#FFFFFF" where there is no fill. */
export function readFill(ref: RangeRef): string | null {
  return uniform(formatsIn(ref.sheet, ref.area).map((f) => f.fill ?? "#FFFFFF"));
}

export const BORDER_SIDES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
export type BorderSide = (typeof BORDER_SIDES)[number];
type BorderField = "borderTop" | "borderBottom" | "borderLeft" | "borderRight";

const LINE_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/** The cells an edge of a range belongs to, and which of their sides it is. */
function borderTargets(a: Area, side: BorderSide): { area: Area; field: BorderField }[] {
  switch (side) {
    case "EdgeTop":
      return [{ area: area(a.row, a.col, 1, a.colCount), field: "borderTop" }];
    case "EdgeBottom":
      return [{ area: area(lastRow(a), a.col, 1, a.colCount), field: "borderBottom" }];
    case "EdgeLeft":
      return [{ area: area(a.row, a.col, a.rowCount, 1), field: "borderLeft" }];
    case "EdgeRight":
      return [{ area: area(a.row, lastCol(a), a.rowCount, 1), field: "borderRight" }];
    case "InsideHorizontal":
      return a.rowCount < 2
        ? []
        : [
            { area: area(a.row, a.col, a.rowCount - 1, a.colCount), field: "borderBottom" },
            { area: area(a.row + 1, a.col, a.rowCount - 1, a.colCount), field: "borderTop" },
          ];
    case "InsideVertical":
      return a.colCount < 2
        ? []
        : [
            { area: area(a.row, a.col, a.rowCount, a.colCount - 1), field: "borderRight" },
            { area: area(a.row, a.col + 1, a.rowCount, a.colCount - 1), field: "borderLeft" },
          ];
  }
}

/** Sets style, color or weight of one edge; a colour or weight on "None" draws a continuous line. */
export function setBorder(
  ref: RangeRef,
  side: BorderSide,
  property: "style" | "color" | "weight",
  value: unknown,
  color: (v: unknown) => string
): void {
  let change: (b: Border) => Border;
  if (property === "style") {
    if (typeof value !== "string" || !LINE_STYLES.includes(value))
      throw invalidArgument(`"${String(value)}" is not a BorderLineStyle.`);
    change = (b) => ({ ...b, style: value });
  } else if (property === "weight") {
    if (typeof value !== "string" || !WEIGHTS.includes(value))
      throw invalidArgument(`"${String(value)}" is not a BorderWeight.`);
    change = (b) => ({ ...b, weight: value, style: b.style === "None" ? "Continuous" : b.style });
  } else {
    const hex = color(value);
    change = (b) => ({ ...b, color: hex, style: b.style === "None" ? "Continuous" : b.style });
  }
  const { pool } = ref.sheet;
  for (const target of borderTargets(ref.area, side)) {
    mapFormats(ref.sheet, target.area, (format) => {
      const next = change(format[target.field] ?? NO_BORDER);
      return pool.with(format, target.field, next.style === "None" ? null : next);
    });
  }
}

export function readBorder(
  ref: RangeRef,
  side: BorderSide,
  property: "style" | "color" | "weight"
): string | null {
  const targets = borderTargets(ref.area, side);
  if (targets.length === 0) return NO_BORDER[property];
  const values = targets.flatMap((t) =>
    formatsIn(ref.sheet, t.area).map((f) => (f[t.field] ?? NO_BORDER)[property])
  );
  return uniform(values);
}

function checkSize(value: unknown, what: string, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max) {
    throw invalidArgument(
      `${what} must be a number of points between 0 and ${max}, not ${JSON.stringify(value)}.`
    );
  }
  return value;
}

/** Excel's widest column is 255 characters; its tallest row 409 points. */
const MAX_WIDTH = 255 * 5.25 + 5.25;
const MAX_HEIGHT = 409;

export function setColumnWidth(ref: RangeRef, value: unknown): void {
  const width = checkSize(value, "columnWidth", MAX_WIDTH);
  const { sheet, area: a } = ref;
  if (isWholeRows(a)) {
    sheet.standardWidth = width;
    sheet.columnWidths.clear();
    return;
  }
  for (let col = a.col; col <= lastCol(a); col += 1) sheet.columnWidths.set(col, width);
}

export function setRowHeight(ref: RangeRef, value: unknown): void {
  const height = checkSize(value, "rowHeight", MAX_HEIGHT);
  const { sheet, area: a } = ref;
  if (isWholeColumns(a)) {
    sheet.standardHeight = height;
    sheet.rowHeights.clear();
    return;
  }
  for (let row = a.row; row <= lastRow(a); row += 1) sheet.rowHeights.set(row, height);
}

export function columnWidthOf(sheet: SheetModel, col: number): number {
  return sheet.columnWidths.get(col) ?? sheet.standardWidth;
}

export function rowHeightOf(sheet: SheetModel, row: number): number {
  return sheet.rowHeights.get(row) ?? sheet.standardHeight;
}

export function readColumnWidth(ref: RangeRef): number | null {
  const { sheet, area: a } = ref;
  const widths = new Set<number>();
  for (let col = a.col; col <= lastCol(a) && widths.size < 2; col += 1)
    widths.add(columnWidthOf(sheet, col));
  return widths.size === 1 ? [...widths][0] : null;
}

export function readRowHeight(ref: RangeRef): number | null {
  const { sheet, area: a } = ref;
  if (isWholeColumns(a)) {
    const heights = new Set([sheet.standardHeight, ...sheet.rowHeights.values()]);
    return heights.size === 1 ? sheet.standardHeight : null;
  }
  const heights = new Set<number>();
  for (let row = a.row; row <= lastRow(a) && heights.size < 2; row += 1)
    heights.add(rowHeightOf(sheet, row));
  return heights.size === 1 ? [...heights][0] : null;
}

export function setColumnHidden(ref: RangeRef, value: unknown): void {
  if (typeof value !== "boolean") throw invalidArgument("columnHidden must be true or false.");
  const { sheet, area: a } = ref;
  for (let col = a.col; col <= lastCol(a); col += 1) {
    if (value) sheet.hiddenColumns.add(col);
    else sheet.hiddenColumns.delete(col);
  }
}

export function readColumnHidden(ref: RangeRef): boolean | null {
  const { sheet, area: a } = ref;
  let hidden = 0;
  for (let col = a.col; col <= lastCol(a); col += 1) if (sheet.hiddenColumns.has(col)) hidden += 1;
  return hidden === 0 ? false : hidden === a.colCount ? true : null;
}

/** Display width in character units: CJK and full-width characters count two. */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text)
    units +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch
      )
        ? 2
        : 1;
  return units;
}

/** Points one character unit takes at a font size (5.25 pt for 11 pt Calibri), plus cell padding. */
function unitPoints(format: CellFormat): number {
  return 5.25 * (format.fontSize / 11) * (format.bold ? 1.05 : 1);
}

function cellLines(sheet: SheetModel, row: number, col: number): string[] {
  const record = sheet.cell(row, col);
  if (!record || record.value === "") return [];
  return formatText(record.value, record.format.numberFormat).split("\n");
}

function inMerge(sheet: SheetModel, row: number, col: number): boolean {
  return sheet.merges.some(
    (m) => intersect(m, area(row, col)) && (m.rowCount > 1 || m.colCount > 1)
  );
}

/** Rows or columns of a range that hold cells, limited to the used area for unbounded ranges. */
function boundedByContent(sheet: SheetModel, a: Area): Area | null {
  const used = sheet.usedArea(true);
  return used ? intersect(a, used) : null;
}

/**
 * An approximation of Excel's autofit: the widest text of each column (cells in merged areas
 * are ignored, as Excel ignores them), in character units of the cell's font.
 */
export function autofitColumns(ref: RangeRef): void {
  const { sheet } = ref;
  const target = boundedByContent(sheet, ref.area);
  for (let col = ref.area.col; col <= lastCol(ref.area) && col < MAX_COLUMNS; col += 1) {
    let widest = 0;
    if (target && col >= target.col && col <= lastCol(target)) {
      for (let row = target.row; row <= lastRow(target); row += 1) {
        if (inMerge(sheet, row, col)) continue;
        const format = sheet.formatAt(row, col);
        for (const line of cellLines(sheet, row, col))
          widest = Math.max(widest, textUnits(line) * unitPoints(format));
      }
    }
    if (widest === 0) sheet.columnWidths.delete(col);
    else sheet.columnWidths.set(col, Math.min(MAX_WIDTH, Math.ceil(widest + 5.25)));
  }
}

/** Row height from the lines each cell needs: wrapped text breaks at the column width. */
export function autofitRows(ref: RangeRef): void {
  const { sheet } = ref;
  const target = boundedByContent(sheet, ref.area);
  for (let row = ref.area.row; row <= lastRow(ref.area) && row < MAX_ROWS; row += 1) {
    let height = 0;
    if (target && row >= target.row && row <= lastRow(target)) {
      for (let col = target.col; col <= lastCol(target); col += 1) {
        if (inMerge(sheet, row, col)) continue;
        const format = sheet.formatAt(row, col);
        const lines = cellLines(sheet, row, col);
        if (lines.length === 0) continue;
        const perLine = Math.max(1, (columnWidthOf(sheet, col) - 5.25) / unitPoints(format));
        const count = format.wrapText
          ? lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(textUnits(line) / perLine)), 0)
          : 1;
        height = Math.max(height, (count * (format.fontSize * 15)) / 11);
      }
    }
    if (height === 0) sheet.rowHeights.delete(row);
    else sheet.rowHeights.set(row, Math.min(MAX_HEIGHT, Math.round(height * 4) / 4));
  }
}
