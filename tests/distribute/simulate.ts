import ExcelJS from "exceljs";
import { readdirSync } from "fs";
import { FILE_COLUMN, UNIT_FILE_SHEET, type FileColumn } from "../../src/core/distribute/schema";

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
