import {
  area,
  cellName,
  columnIndex,
  columnLetters,
  formatAddress,
  formatArea,
  lastCol,
  lastRow,
  parseAddress,
  parseArea,
} from "./address";
import { intersect } from "./model/areas";
import { readGrid, type GridProperty } from "./model/cells";
import { columnWidthOf, mapFormats, rowHeightOf } from "./model/formatting";
import type { Border } from "./model/format";
import { normalizeColor } from "./model/colors";
import {
  cellKey,
  keyCol,
  keyRow,
  type CellValue,
  type Hyperlink,
  type SheetModel,
} from "./model/sheet";
import type { WorkbookModel } from "./model/workbook";
import { formatText } from "./text-format";

/** Everything the stand-in knows about one cell, as plain data for assertions. */
export interface CellSnapshot {
  value: CellValue;
  formula: string | null;
  text: string;
  numberFormat: string;
  /** Fill colour, or null for no fill. */
  fill: string | null;
  font: { bold: boolean; italic: boolean; color: string; size: number; name: string };
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: { top: Border | null; bottom: Border | null; left: Border | null; right: Border | null };
  hyperlink: Hyperlink | null;
  note: string | null;
  comment: string | null;
  /** The merged area the cell belongs to ("A1:B2"), or null. */
  mergedArea: string | null;
  dataValidation: { rule: Record<string, unknown>; errorAlert: Record<string, unknown> } | null;
  /** Custom conditional formats covering the cell, in priority order. */
  conditionalFormats: { formula: string | null; fill: string | null; fontColor: string | null }[];
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  frozenRows: number;
  frozenColumns: number;
  pageLayout: SheetModel["pageLayout"];
  customProperties: Record<string, string>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  hiddenColumns: string[];
  merges: string[];
  cells: Record<string, CellSnapshot>;
  notes: Record<string, string>;
  comments: Record<string, string>;
}

export interface WorkbookSnapshot {
  sheetNames: string[];
  sheets: Record<string, SheetSnapshot>;
  activeSheet: string;
  selection: string;
  settings: Record<string, unknown>;
}

/** One sheet, read and seeded directly (no request, nothing counted). */
export class SheetView {
  constructor(
    private readonly wb: WorkbookModel,
    readonly model: SheetModel
  ) {}

  get name(): string {
    return this.model.name;
  }

  cell(address: string): CellSnapshot {
    const a = parseArea(address);
    return this.cellAt(a.row, a.col);
  }

  private cellAt(row: number, col: number): CellSnapshot {
    const sheet = this.model;
    const record = sheet.cell(row, col);
    const format = sheet.formatAt(row, col);
    const value = record?.value ?? "";
    const merged = sheet.mergeAt(row, col);
    const here = area(row, col);
    const validation = sheet.dataValidations.find((dv) => dv.areas.some((x) => intersect(x, here)));
    const comment = this.wb.comments.find(
      (c) => c.sheet === sheet && c.row === row && c.col === col
    );
    return {
      value,
      formula: record?.formula ?? null,
      text: value === "" ? "" : formatText(value, format.numberFormat),
      numberFormat: format.numberFormat,
      fill: format.fill,
      font: {
        bold: format.bold,
        italic: format.italic,
        color: format.fontColor,
        size: format.fontSize,
        name: format.fontName,
      },
      wrapText: format.wrapText,
      horizontalAlignment: format.horizontalAlignment,
      verticalAlignment: format.verticalAlignment,
      borders: {
        top: format.borderTop,
        bottom: format.borderBottom,
        left: format.borderLeft,
        right: format.borderRight,
      },
      hyperlink: record?.hyperlink ? { ...record.hyperlink } : null,
      note: sheet.notes.get(cellKey(row, col)) ?? null,
      comment: comment?.content ?? null,
      mergedArea:
        merged && (merged.rowCount > 1 || merged.colCount > 1) ? formatArea(merged) : null,
      dataValidation: validation
        ? {
            rule: JSON.parse(JSON.stringify(validation.rule)),
            errorAlert: { ...validation.errorAlert },
          }
        : null,
      conditionalFormats: sheet.conditionalFormats
        .filter((cf) => cf.areas.some((x) => intersect(x, here)))
        .map((cf) => ({ formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor })),
    };
  }

  /** Values (or text, formulas, number formats) from A1 to the last cell holding a value. */
  toGrid(kind: GridProperty = "values"): unknown[][] {
    const used = this.model.usedArea(true);
    if (!used) return [];
    return (
      readGrid(
        { sheet: this.model, area: area(0, 0, lastRow(used) + 1, lastCol(used) + 1) },
        kind
      ) ?? []
    );
  }

  /** The used range's address ("A1:G30"), or null for an empty sheet. */
  usedRange(valuesOnly = false): string | null {
    const used = this.model.usedArea(valuesOnly);
    return used ? formatArea(used) : null;
  }

  columnWidth(column: string): number {
    return columnWidthOf(this.model, columnIndex(column));
  }

  rowHeight(row: number): number {
    return rowHeightOf(this.model, row - 1);
  }

  /** Writes values as stored, without Excel's input parsing ("=x" stays text). */
  setValues(topLeft: string, rows: CellValue[][]): this {
    const start = parseArea(topLeft);
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        const record = this.model.ensureCell(start.row + r, start.col + c);
        record.value = value;
        record.formula = null;
        this.model.prune(start.row + r, start.col + c);
      })
    );
    return this;
  }

  setNumberFormat(address: string, numberFormat: string): this {
    const { pool } = this.model;
    mapFormats(this.model, parseArea(address), (f) => pool.with(f, "numberFormat", numberFormat));
    return this;
  }

  setFill(address: string, color: string | null): this {
    const { pool } = this.model;
    const fill = color === null ? null : normalizeColor(color, "fill");
    mapFormats(this.model, parseArea(address), (f) => pool.with(f, "fill", fill));
    return this;
  }

  merge(address: string): this {
    this.model.merges.push(parseArea(address));
    return this;
  }

  snapshot(): SheetSnapshot {
    const sheet = this.model;
    const cells: Record<string, CellSnapshot> = {};
    const keys = new Set([...sheet.cells.keys(), ...sheet.notes.keys()]);
    for (const c of this.wb.comments) if (c.sheet === sheet) keys.add(cellKey(c.row, c.col));
    for (const key of [...keys].sort((a, b) => a - b))
      cells[cellName(keyRow(key), keyCol(key))] = this.cellAt(keyRow(key), keyCol(key));
    const byCell = (entries: [number, string][]) =>
      Object.fromEntries(
        entries
          .sort((a, b) => a[0] - b[0])
          .map(([key, text]) => [cellName(keyRow(key), keyCol(key)), text])
      );
    return {
      name: sheet.name,
      position: this.wb.sheets.indexOf(sheet),
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)),
      customProperties: Object.fromEntries(sheet.customProperties.map((p) => [p.key, p.value])),
      columnWidths: Object.fromEntries(
        [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])
      ),
      rowHeights: Object.fromEntries(
        [...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])
      ),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
      merges: sheet.merges.map(formatArea).sort(),
      cells,
      notes: byCell([...sheet.notes]),
      comments: byCell(
        this.wb.comments
          .filter((c) => c.sheet === sheet)
          .map((c) => [cellKey(c.row, c.col), c.content])
      ),
    };
  }
}

/** The workbook as tests see it: direct reads and seeding, never through requests. */
export class WorkbookView {
  constructor(readonly model: WorkbookModel) {}

  sheetNames(): string[] {
    return this.model.sheetNames();
  }

  sheet(name: string): SheetView {
    const sheet = this.model.findSheet(name);
    if (!sheet)
      throw new Error(`No sheet "${name}"; the workbook has ${JSON.stringify(this.sheetNames())}.`);
    return new SheetView(this.model, sheet);
  }

  hasSheet(name: string): boolean {
    return this.model.findSheet(name) !== undefined;
  }

  addSheet(name: string): SheetView {
    return new SheetView(this.model, this.model.addSheet(name));
  }

  toGrid(sheetName: string, kind: GridProperty = "values"): unknown[][] {
    return this.sheet(sheetName).toGrid(kind);
  }

  get activeSheet(): string {
    return this.model.activeSheet.name;
  }

  /** The address last selected ("Sheet1!B3"). */
  get selection(): string {
    return formatAddress(this.model.selection.sheet.name, this.model.selection.area);
  }

  /** Selects a cell as a user would ("Sheet1!B3"). */
  select(address: string): void {
    const parsed = parseAddress(address);
    const sheet =
      parsed.sheet === null ? this.model.activeSheet : this.model.findSheet(parsed.sheet);
    if (!sheet) throw new Error(`No sheet in "${address}".`);
    this.model.activate(sheet);
    this.model.selection = { sheet, area: parsed.area };
  }

  snapshot(): WorkbookSnapshot {
    const sheets: Record<string, SheetSnapshot> = {};
    for (const sheet of this.model.sheets)
      sheets[sheet.name] = new SheetView(this.model, sheet).snapshot();
    return {
      sheetNames: this.sheetNames(),
      sheets,
      activeSheet: this.activeSheet,
      selection: this.selection,
      settings: JSON.parse(JSON.stringify(this.model.savedSettings)),
    };
  }
}
