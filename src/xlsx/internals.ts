import type ExcelJS from "exceljs";

/**
 * Parts of ExcelJS 4.4 objects that its own code reads and writes as plain fields but its
 * typings leave out. Kept in one place so that an upgrade has one file to check.
 */
interface WorksheetFields {
  /** Tab order; workbook.worksheets is sorted by it. */
  orderNo: number;
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  /** Validations by address: a cell ("F3") or a range ("F3:F200"); files load as cells. */
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  /** What protect() sets, written as is: true for an action means it stays allowed. */
  sheetProtection: (Partial<ExcelJS.WorksheetProtection> & { sheet: boolean }) | null;
}

/**
 * The cell at a 0-based row and column, created if missing. Worksheet.getCell(r, c) spells the
 * address out as "B3" and parses it back for every call, most of the time of a big write; the
 * row's own lookup by number gives the same cell.
 */
export function cellAt(worksheet: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return worksheet.getRow(row + 1).getCell(col + 1);
}

export function fieldsOf(worksheet: ExcelJS.Worksheet): WorksheetFields {
  return worksheet as unknown as WorksheetFields;
}

/**
 * ExcelJS has no way to take a note off a cell. The note lives in a field of the cell, and a
 * copy stays in the model of the cell's value (from loading, or from the last save), which is
 * the object `cell.model` returns.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  delete (cell as unknown as { _comment?: unknown })._comment;
  delete (cell.model as { comment?: unknown }).comment;
}

/** A note's text; ExcelJS gives a note with formatted runs as an object. */
export function noteText(cell: ExcelJS.Cell): string | null {
  const note: unknown = cell.note;
  if (typeof note === "string") return note;
  if (typeof note === "object" && note !== null && "texts" in note) {
    const texts = (note as ExcelJS.Comment).texts ?? [];
    return texts.map((t) => t.text).join("");
  }
  return null;
}

/** Empties a sheet of its rows, cells and merged areas (a deferred sheet once saved). */
export function dropCells(worksheet: ExcelJS.Worksheet): void {
  const fields = worksheet as unknown as { _rows: unknown[]; _merges: Record<string, unknown> };
  fields._rows = [];
  fields._merges = {};
}
