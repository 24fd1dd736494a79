import ExcelJS from "exceljs";
import { readdirSync } from "fs";
import type { CollectCommandOptions } from "../../src/cli/collectCommand";
import type { CollectResult } from "../../src/core/distribute/collect";
import { defaultRoster } from "../../src/core/roster";
import { FILE_COLUMN, UNIT_FILE_SHEET, type FileColumn } from "../../src/core/distribute/schema";
import { cellText } from "../../src/core/grid/cellText";
import type { Grid } from "../../src/core/grid/schema";
import { readAllSheets } from "../../src/xlsx";

/** A unit's file opened as the unit would (here with ExcelJS), edited cell by cell, saved. */
export class UnitFile {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly sheet: ExcelJS.Worksheet,
    private readonly cols: Map<string, number>,
    private readonly headerRow: number
  ) {}

  static async open(path: string): Promise<UnitFile> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet(UNIT_FILE_SHEET);
    if (!sheet) throw new Error(`${path} has no sheet ${UNIT_FILE_SHEET}`);
    for (let r = 1; r <= 10; r++) {
      const cols = new Map<string, number>();
      sheet.getRow(r).eachCell((cell, c) => cols.set(String(cell.value), c));
      if (cols.has(FILE_COLUMN.status)) return new UnitFile(workbook, sheet, cols, r);
    }
    throw new Error(`${path} has no header`);
  }

  col(c: FileColumn): number {
    const at = this.cols.get(FILE_COLUMN[c]);
    if (at === undefined) throw new Error(`no column ${c}`);
    return at;
  }

  /** 1-based sheet rows of the items (numbered; not the merged 一、二、 bands), in sheet order. */
  itemRows(): number[] {
    const rows: number[] = [];
    for (let r = this.headerRow + 1; r <= this.sheet.rowCount; r++)
      if (typeof this.sheet.getCell(r, this.col("seq")).value === "number") rows.push(r);
    return rows;
  }

  text(row: number, c: FileColumn): string {
    const v = this.sheet.getCell(row, this.col(c)).value;
    return v === null || v === undefined ? "" : String(v);
  }

  set(row: number, c: FileColumn, value: string): void {
    this.sheet.getCell(row, this.col(c)).value = value;
  }

  /** Sorts the item rows in reverse and numbers them anew, as a unit re-sorting its list would. */
  reverseItems(): void {
    const rows = this.itemRows();
    const width = this.sheet.columnCount;
    const snapshot = rows.map((r) =>
      Array.from({ length: width }, (_, c) => this.sheet.getCell(r, c + 1).value)
    );
    snapshot.reverse().forEach((values, i) => {
      values.forEach((v, c) => (this.sheet.getCell(rows[i], c + 1).value = v));
      this.sheet.getCell(rows[i], this.col("seq")).value = i + 1;
    });
  }

  async save(path: string): Promise<void> {
    await this.workbook.xlsx.writeFile(path);
  }
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => !f.startsWith("."));
}

type Sheets = Awaited<ReturnType<typeof readAllSheets>>;

/**
 * The cells ("sheet!row,col", 0-based) whose text differs between two workbooks (paths, or their
 * sheets when a test has read them already), 汇总 (which 回收 writes anew) left out; a sheet only
 * in `after` (回收情况) is not compared.
 */
export async function changedCells(
  before: string | Sheets,
  after: string | Sheets
): Promise<string[]> {
  const grids = async (file: string | Sheets) =>
    new Map(
      (typeof file === "string" ? await readAllSheets(file) : file).map((s) => [
        s.grid.sheet,
        s.grid,
      ])
    );
  const [old, now] = [await grids(before), await grids(after)];
  const text = (g: Grid, r: number, c: number) =>
    cellText(g.values[r - g.top]?.[c - g.left] ?? null, g.numberFormats?.[r - g.top]?.[c - g.left]);
  const changed: string[] = [];
  for (const [sheet, grid] of old) {
    if (sheet === "汇总") continue;
    const other = now.get(sheet);
    if (!other) throw new Error(`the later workbook lost sheet ${sheet}`);
    const rows = Math.max(grid.top + grid.values.length, other.top + other.values.length);
    const cols =
      Math.max(...[...grid.values, ...other.values].map((r) => r.length)) +
      Math.max(grid.left, other.left);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        if (text(grid, r, c) !== text(other, r, c)) changed.push(`${sheet}!${r},${c}`);
  }
  return changed.sort();
}

/** The cells 回收 says it wrote: the values taken and the headers of columns it added. */
export function cellsWritten(result: CollectResult): string[] {
  return [
    ...new Set([
      ...result.writes.map((w) => `${w.cell.sheet}!${w.cell.row},${w.cell.col}`),
      ...result.newColumns.map((c) => `${c.sheet}!${c.row},${c.col}`),
    ]),
  ].sort();
}

/** `duban collect -o output --date date` as a user first runs it: decisions keep the master. */
export function collectOptions(output: string, date: string): CollectCommandOptions {
  return { output, date, roster: defaultRoster(), force: false, conflicts: "master" };
}
