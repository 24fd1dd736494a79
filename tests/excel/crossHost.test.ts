import ExcelJS from "exceljs";
import { a1 } from "../../src/core/patch/address";
import { RECORD_SHEET } from "../../src/core/patch/record";
import type { Mark, SheetOpInput } from "../../src/core/patch/schema";
import { applyPatch } from "../../src/excel/applyPatch";
import { createExcelActions } from "../../src/excel/workflows";
import { applyPatchToWorkbook } from "../../src/xlsx";
import { noteText } from "../../src/xlsx/internals";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { cellKey } from "../support/excel-standin/model/sheet";
import { DISTRICT_HEADER, districtRows } from "./fixtures";

/**
 * One record for every host: marks made by the CLI (`duban check -o`, the .xlsx adapter) are
 * cleared in Excel and the other way round. The workbook is carried between the hosts cell by
 * cell (values, solid fills, notes, the record sheet) as saving and opening the file would.
 */
const SHEET = "区重点工作";
const ROWS = 11;
const COLS = 7;
const USER_FILL = "#FFFF00";
const marks: Mark[] = [
  { row: 2, col: 5, fill: "#FFC7CE", note: "牵头单位与名册不符" },
  { row: 3, col: 2, fill: "#FFEB9C", note: "重点工作与附件1第2项文字不一致" },
];
const markOp: SheetOpInput = { sheet: SHEET, mode: "update", marks };
const clearOp: SheetOpInput = { sheet: SHEET, mode: "update", clearMarks: true };

let excel: StandInHandle | undefined;
afterEach(() => {
  excel?.uninstall();
  excel = undefined;
});

const argbOf = (color: string) => `FF${color.slice(1).toUpperCase()}`;

/** A user's sheet in a file: the district table, one cell filled (C4), one note (E5). */
function userFile(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(SHEET);
  ws.addRows([DISTRICT_HEADER, ...districtRows(ROWS - 1)]);
  ws.getCell("C4").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: argbOf(USER_FILL) },
  };
  ws.getCell("E5").note = "请核实分管领导";
  return workbook;
}

function fileCells(workbook: ExcelJS.Workbook) {
  const ws = workbook.getWorksheet(SHEET)!;
  return Array.from({ length: ROWS * COLS }, (_, i) => {
    const xlsxCell = ws.getRow(Math.floor(i / COLS) + 1).getCell((i % COLS) + 1);
    const { fill } = xlsxCell as { fill?: ExcelJS.FillPattern };
    const argb = fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
    return { fill: argb ? `#${argb.slice(2)}` : null, note: noteText(xlsxCell) };
  });
}

/** Opens the file's user sheet and record sheet in the stand-in. */
function openInExcel(workbook: ExcelJS.Workbook): StandInHandle {
  excel = installStandIn({ sheets: [SHEET] });
  const sheet = excel.workbook.sheet(SHEET);
  const ws = workbook.getWorksheet(SHEET)!;
  sheet.setValues("A1", [DISTRICT_HEADER, ...districtRows(ROWS - 1)]);
  fileCells(workbook).forEach(({ fill, note }, i) => {
    const [row, col] = [Math.floor(i / COLS), i % COLS];
    if (fill) sheet.setFill(ws.getCell(row + 1, col + 1).address, fill);
    if (note) sheet.model.notes.set(cellKey(row, col), note);
  });
  const record = workbook.getWorksheet(RECORD_SHEET);
  if (record) {
    const rows: string[][] = [];
    record.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ""))));
    const view = excel.workbook.addSheet(RECORD_SHEET);
    view.setNumberFormat(`A1:D${rows.length}`, "@").setValues("A1", rows);
    view.model.visibility = "VeryHidden";
  }
  return excel;
}

/** Saves the stand-in's user sheet and record sheet into a file. */
function saveFromExcel(standIn: StandInHandle): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(SHEET);
  const sheet = standIn.workbook.sheet(SHEET);
  ws.addRows(sheet.toGrid());
  for (let i = 0; i < ROWS * COLS; i++) {
    const [row, col] = [Math.floor(i / COLS), i % COLS];
    const xlsxCell = ws.getRow(row + 1).getCell(col + 1);
    const { fill, note } = sheet.cell(a1(row, col));
    if (fill)
      xlsxCell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(fill) } };
    if (note) xlsxCell.note = note;
  }
  if (standIn.workbook.sheetNames().includes(RECORD_SHEET)) {
    const record = workbook.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
    record.addRows(standIn.workbook.toGrid(RECORD_SHEET));
  }
  return workbook;
}

describe("marks made in one host are cleared in the other", () => {
  test("marked by the CLI (.xlsx), cleared in Excel", async () => {
    const file = userFile();
    const before = fileCells(file);
    applyPatchToWorkbook(file, { sheets: [markOp] });
    expect(fileCells(file)).not.toEqual(before);
    const standIn = openInExcel(file);
    const cleared = await createExcelActions().clearMarks(() => undefined);
    expect(cleared.cleared).toBe(2);
    const sheet = standIn.workbook.sheet(SHEET);
    expect(["F3", "C4", "E5"].map((a) => sheet.cell(a).fill)).toEqual([null, USER_FILL, null]);
    expect(sheet.snapshot().notes).toEqual({ E5: "请核实分管领导" });
  });

  test("marked in Excel, cleared by the CLI (.xlsx)", async () => {
    const standIn = openInExcel(userFile());
    const before = fileCells(saveFromExcel(standIn));
    await applyPatch({ sheets: [markOp] });
    const file = saveFromExcel(standIn);
    expect(fileCells(file)).not.toEqual(before);
    applyPatchToWorkbook(file, { sheets: [clearOp] });
    expect(fileCells(file)).toEqual(before);
    expect(file.getWorksheet(RECORD_SHEET)).toBeUndefined();
  });
});
