import ExcelJS from "exceljs";
import type { OdsValue } from "./ods";

export interface WrittenSheet {
  name: string;
  hidden: boolean;
  /** Non-empty cells by A1 address, as an office program should show their values. */
  cells: Map<string, OdsValue>;
  /** The number of the last row holding a value or a note (0 for an empty sheet). */
  rowCount: number;
}

/** A cell's value as stored in the file: rich text and links read as their text, dates as ISO. */
function shownValue(value: ExcelJS.CellValue): OdsValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.toISOString().replace(/(T00:00:00)?\.000Z$/, "");
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return shownValue(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value)
    return shownValue(value.result as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return null;
}

/** Every sheet of an .xlsx file as written, read with ExcelJS: what Calc must show. */
export async function readWrittenXlsx(path: string): Promise<WrittenSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => {
    const cells = new Map<string, OdsValue>();
    let rowCount = 0;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // ExcelJS gives the cells a merged area covers its first cell's value; the file has none.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const value = shownValue(cell.value);
        if (value !== null && value !== "") cells.set(cell.address, value);
        if (value !== null || cell.note) rowCount = Math.max(rowCount, number);
      });
    });
    return { name: sheet.name, hidden: sheet.state !== "visible", cells, rowCount };
  });
}
