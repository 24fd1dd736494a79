import type { Area } from "./address";
import { EtError } from "./strict";
import { sheetNameProblem, sameSheetName } from "../../../src/core/patch/sheetName";

/** One cell as the stand-in keeps it; colours are ET's BGR longs. */
export interface EtCell {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  fill: number | null;
  font: { bold?: boolean; italic?: boolean; color?: number; size?: number; name?: string };
  wrap?: boolean;
  horizontal?: number;
  vertical?: number;
  /** Thin lines on all four edges (Borders.LineStyle on the range), with their colour. */
  border?: { lineStyle: number; weight?: number; color?: number };
  comment: string | null;
  locked: boolean;
  hyperlink?: { address: string; subAddress: string; text: string };
}

export function emptyCell(): EtCell {
  return {
    value: null,
    formula: null,
    numberFormat: "General",
    fill: null,
    font: {},
    comment: null,
    locked: true,
  };
}

/** Whether a cell holds anything UsedRange counts: a value, a format or a note. */
export function cellUsed(cell: EtCell): boolean {
  return (
    cell.value !== null ||
    cell.numberFormat !== "General" ||
    cell.fill !== null ||
    Object.keys(cell.font).length > 0 ||
    cell.border !== undefined ||
    cell.comment !== null
  );
}

export interface EtFormatCondition {
  area: Area;
  formula: string;
  /** The active cell when the rule was added: its relative references count from there. */
  anchor: { row: number; col: number };
  fill?: number;
  fontColor?: number;
}

export interface EtValidation {
  area: Area;
  type: number;
  formula1: string;
  errorTitle?: string;
  errorMessage?: string;
  showError?: boolean;
}

export interface EtPageSetup {
  orientation?: number;
  paperSize?: number;
  zoom?: number | false;
  fitToPagesWide?: number | false;
  fitToPagesTall?: number | false;
  printTitleRows?: string;
  headers: Record<string, string>;
}

/** ET's widest sheet: a cell's index is row × COLUMNS + col. */
const COLUMNS = 16_384;

/**
 * Cells keyed "row,col", as tests read and edit them, with an index by number beside, so that a
 * range's cells are found without building a key string for every cell of every write.
 */
class CellMap extends Map<string, EtCell> {
  private readonly byIndex = new Map<number, EtCell>();

  private static indexOf(key: string): number {
    const comma = key.indexOf(",");
    return Number(key.slice(0, comma)) * COLUMNS + Number(key.slice(comma + 1));
  }

  at(row: number, col: number): EtCell | undefined {
    return this.byIndex.get(row * COLUMNS + col);
  }

  override set(key: string, cell: EtCell): this {
    this.byIndex.set(CellMap.indexOf(key), cell);
    return super.set(key, cell);
  }

  override delete(key: string): boolean {
    this.byIndex.delete(CellMap.indexOf(key));
    return super.delete(key);
  }

  override clear(): void {
    this.byIndex.clear();
    super.clear();
  }
}

export class EtSheetModel {
  readonly cells = new CellMap();
  visible: -1 | 0 | 2 = -1;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  merges: Area[] = [];
  formatConditions: EtFormatCondition[] = [];
  validations: EtValidation[] = [];
  pageSetup: EtPageSetup = { headers: {} };
  freeze: { rows: number; cols: number } | null = null;
  tabColor: number | null = null;
  protected = false;
  autoFilter: Area | null = null;
  /** Split the window would freeze at (ActiveWindow.SplitRow / SplitColumn). */
  split = { rows: 0, cols: 0 };
  /** The active cell on this sheet. */
  selection = { row: 0, col: 0 };

  constructor(public name: string) {}

  cellAt(row: number, col: number): EtCell | undefined {
    return this.cells.at(row, col);
  }

  /** The cell, created when missing (for writes). */
  touch(row: number, col: number): EtCell {
    let cell = this.cells.at(row, col);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(`${row},${col}`, cell);
    }
    return cell;
  }

  /** A cell by A1 address, for tests. */
  cell(a1: string): EtCell {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`bad address ${a1}`);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return this.cellAt(Number(m[2]) - 1, col) ?? emptyCell();
  }

  /** Values from A1 to the last cell holding a value, for tests ("" for empty). */
  toGrid(): Array<Array<string | number | boolean>> {
    let rows = 0;
    let cols = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === null) continue;
      const [r, c] = key.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => this.cellAt(r, c)?.value ?? "")
    );
  }

  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .filter(([, cell]) => cellUsed(cell) || cell.hyperlink !== undefined || !cell.locked)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const rest: Record<string, unknown> = { ...(this as object) };
    delete rest.cells;
    return JSON.parse(
      JSON.stringify({
        ...rest,
        cells,
        columnWidths: [...this.columnWidths],
        hiddenColumns: [...this.hiddenColumns],
        rowHeights: [...this.rowHeights],
      })
    );
  }
}

export class EtWorkbookModel {
  sheets: EtSheetModel[] = [];
  active = 0;

  constructor(
    public name: string,
    names: string[]
  ) {
    for (const n of names) this.sheets.push(new EtSheetModel(n));
  }

  find(name: string): EtSheetModel | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  sheet(name: string): EtSheetModel {
    const found = this.find(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  checkName(name: unknown, except?: EtSheetModel): string {
    if (typeof name !== "string") throw new EtError("工作表名称须为文本");
    const problem = sheetNameProblem(name);
    if (problem) throw new EtError(problem);
    if (this.sheets.some((s) => s !== except && sameSheetName(s.name, name)))
      throw new EtError(`已有名为「${name}」的工作表`);
    return name;
  }

  /** Everything, for "nothing else changed" comparisons. */
  snapshot(): unknown {
    return this.sheets.map((s) => s.snapshot());
  }
}
