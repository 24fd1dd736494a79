import { installEtStandIn, EtError, type EtStandIn } from "../support/et-standin";
import type { EtApplication } from "../../src/wps/et";

/** The ET stand-in answers strictly, as the WPS JSA documentation describes ET, and counts calls. */

let et: EtStandIn;
let app: EtApplication;
beforeEach(() => {
  et = installEtStandIn({ sheets: ["台账", "附表"], name: "督办.xlsx" });
  app = (globalThis as unknown as { Application: EtApplication }).Application;
});
afterEach(() => et.uninstall());

test("Item() is 1-based and names a missing sheet in its error", () => {
  const sheets = app.ActiveWorkbook!.Worksheets;
  expect(sheets.Item(1).Name).toBe("台账");
  expect(sheets.Item("附表").Index).toBe(2);
  expect(() => sheets.Item(0)).toThrow(/没有第 0 个工作表/);
  expect(() => sheets.Item("汇总")).toThrow(/没有名为「汇总」的工作表/);
});

test("Value2 is a scalar for one cell and rows of cells otherwise; a 2-D write must match the range", () => {
  const sheet = app.ActiveWorkbook!.Worksheets.Item(1);
  sheet.Range("A1:B2").Value2 = [
    ["序号", "任务"],
    [1, "+C18"],
  ];
  expect(sheet.Range("A1").Value2).toBe("序号");
  const [header, row] = sheet.Range("A1:B2").Value2 as unknown[][];
  expect(header).toEqual(["序号", "任务"]);
  expect(row[0]).toBe(1);
  // Typed into a General cell, "+C18" is a formula, as in Excel.
  expect(et.workbook.sheet("台账").cell("B2").formula).toBe("=+C18");
  expect(sheet.Range("C3").Value2).toBeUndefined();
  expect(() => (sheet.Range("A1:B2").Value2 = [["只有一行", "x"]])).toThrow(/2×2/);
  sheet.Range("D1:D2").NumberFormat = "@";
  sheet.Range("D1:D2").Value2 = [["+C18"], ["=1+1"]];
  expect(et.workbook.sheet("台账").cell("D1")).toMatchObject({ value: "+C18", formula: null });
});

test("bad addresses, unknown members and over-long Range strings throw", () => {
  const sheet = app.ActiveWorkbook!.Worksheets.Item(1);
  expect(() => sheet.Range("A0")).toThrow(EtError);
  expect(() => sheet.Range("1A:B2")).toThrow(EtError);
  expect(() => sheet.Range(Array.from({ length: 80 }, (_, i) => `A${i + 1}`).join(","))).toThrow(
    /255/
  );
  expect(() => (sheet as unknown as { Cells: unknown }).Cells).toThrow(/没有 Worksheet.Cells/);
});

test("a property of cells that differ reads null; no fill reads white", () => {
  const sheet = app.ActiveWorkbook!.Worksheets.Item(1);
  expect(sheet.Range("A1:A3").Interior.Color).toBe(0xffffff);
  sheet.Range("A2").Interior.Color = 255; // red, BGR
  expect(sheet.Range("A1:A3").Interior.Color).toBeNull();
  expect(sheet.Range("A2,A2").Interior.Color).toBe(255);
});

test("deleting a sheet with alerts on would ask the user: the stand-in refuses", () => {
  const sheets = app.ActiveWorkbook!.Worksheets;
  expect(() => sheets.Item(2).Delete()).toThrow(/DisplayAlerts/);
  app.DisplayAlerts = false;
  sheets.Item(2).Delete();
  expect(sheets.Count).toBe(1);
  expect(() => sheets.Item(1).Delete()).toThrow(/最后一个可见/);
});

test("every property read, write and method is one counted call", () => {
  et.stats.reset();
  const sheet = app.ActiveWorkbook!.Worksheets.Item(1); // ActiveWorkbook, Worksheets, Item
  sheet.Range("A1").Value2 = "x"; // Range, Value2
  expect(et.stats.calls).toBe(5);
  expect(et.stats.byMember.get("Range.Value2")).toBe(1);
});

test("SpecialCells(xlCellTypeComments): the range's noted cells, an error when none, one cell for the whole sheet", () => {
  const sheet = app.ActiveWorkbook!.Worksheets.Item(1);
  const comments = -4144;
  expect(() => sheet.Range("A1:C5").SpecialCells(comments)).toThrow(/未找到单元格/);
  sheet.Range("B2").AddComment("甲");
  sheet.Range("F9").AddComment("乙");
  expect(sheet.Range("A1:C5,E9:G9").SpecialCells(comments).Address).toBe("$B$2,$F$9");
  expect(sheet.Range("A1:C5").SpecialCells(comments).Address).toBe("$B$2");
  // As in Excel, a one-cell range stands for the whole sheet.
  expect(sheet.Range("A1").SpecialCells(comments).Address).toBe("$B$2,$F$9");
  expect(() => sheet.Range("A1:C5").SpecialCells(2)).toThrow(EtError);
});

test("Merge of a range of several areas merges each area on its own", () => {
  const sheet = app.ActiveWorkbook!.Worksheets.Item(1);
  sheet.Range("A1:C1,A3:B4").Merge();
  expect(et.workbook.sheet("台账").merges).toEqual([
    { row: 0, col: 0, rowCount: 1, colCount: 3 },
    { row: 2, col: 0, rowCount: 2, colCount: 2 },
  ]);
  expect(sheet.Range("B1").MergeArea.Address).toBe("$A$1:$C$1");
});
