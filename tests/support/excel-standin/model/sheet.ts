import { MAX_COLUMNS, area, type Area } from "../address";
import { intersect } from "./areas";
import { DEFAULT_FORMAT, type CellFormat, type FormatPool } from "./format";

export type CellValue = string | number | boolean;

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/** A stored cell. An empty value is "" (what Excel's `values` reports for a blank cell). */
export interface CellRecord {
  value: CellValue;
  formula: string | null;
  format: CellFormat;
  hyperlink: Hyperlink | null;
}

export interface ConditionalFormatModel {
  readonly id: string;
  readonly type: string;
  areas: Area[];
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export interface DataValidationModel {
  areas: Area[];
  rule: Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  printTitleRows: string | null;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
}

/** Excel's default column width (8.43 characters of Calibri 11) and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyCol(key: number): number {
  return key % MAX_COLUMNS;
}

export class SheetModel {
  name: string;
  visibility = "Visible";
  tabColor = "";
  deleted = false;
  /** Protected (审阅 → 保护工作表) without a password the add-in could give: its cells refuse changes. */
  protected = false;
  readonly cells = new Map<number, CellRecord>();
  /** Formats given to whole columns or rows: cells created there later start with them. */
  readonly columnFormats = new Map<number, CellFormat>();
  readonly rowFormats = new Map<number, CellFormat>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  standardWidth = DEFAULT_COLUMN_WIDTH;
  standardHeight = DEFAULT_ROW_HEIGHT;
  merges: Area[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  dataValidations: DataValidationModel[] = [];
  readonly notes = new Map<number, string>();
  readonly customProperties: { key: string; value: string }[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  readonly pageLayout: PageLayoutModel = {
    orientation: "Portrait",
    paperSize: "Letter",
    printTitleRows: null,
    zoom: { scale: 100 },
    centerHorizontally: false,
  };

  constructor(
    readonly id: string,
    name: string,
    readonly pool: FormatPool
  ) {
    this.name = name;
  }

  cell(row: number, col: number): CellRecord | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The format a cell shows: its own, else its row's or column's, else the default. */
  formatAt(row: number, col: number): CellFormat {
    return (
      this.cell(row, col)?.format ??
      this.rowFormats.get(row) ??
      this.columnFormats.get(col) ??
      DEFAULT_FORMAT
    );
  }

  ensureCell(row: number, col: number): CellRecord {
    const key = cellKey(row, col);
    let record = this.cells.get(key);
    if (!record) {
      record = { value: "", formula: null, format: this.formatAt(row, col), hyperlink: null };
      this.cells.set(key, record);
    }
    return record;
  }

  /** Drops a cell that holds nothing, so the used range shrinks as Excel's does. */
  prune(row: number, col: number): void {
    const key = cellKey(row, col);
    const record = this.cells.get(key);
    if (
      record &&
      record.value === "" &&
      record.formula === null &&
      record.hyperlink === null &&
      record.format === DEFAULT_FORMAT
    ) {
      this.cells.delete(key);
    }
  }

  /** The merged area that contains the cell, if any. */
  mergeAt(row: number, col: number): Area | undefined {
    return this.merges.find((m) => intersect(m, area(row, col)) !== null);
  }

  /**
   * Smallest area holding every cell with a value (valuesOnly) or with a value, formula, link or
   * formatting; null for an empty sheet.
   */
  usedArea(valuesOnly: boolean): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, record] of this.cells) {
      const used = valuesOnly ? record.value !== "" || record.formula !== null : true;
      if (!used) continue;
      const row = keyRow(key);
      const col = keyCol(key);
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom < 0 ? null : area(top, left, bottom - top + 1, right - left + 1);
  }
}
