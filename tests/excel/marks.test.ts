import type { Mark, SheetOpInput } from "../../src/core/patch/schema";
import { applyPatch } from "../../src/excel/applyPatch";
import { listSheets } from "../../src/excel/sheets";
import type { StandInHandle } from "../support/excel-standin";
import { cellKey } from "../support/excel-standin/model/sheet";
import { DISTRICT_HEADER, districtRows, recordedMarksOf, withStandIn } from "./fixtures";

const SHEET = "区重点工作";
const RED = "#FFC7CE";
const AMBER = "#FFEB9C";

/** A user's breakdown sheet: the district table typed in by hand, one cell filled, one note. */
function userSheet(excel: StandInHandle, options = { withNote: true }): void {
  const sheet = excel.workbook.addSheet(SHEET);
  sheet.setValues("A1", [DISTRICT_HEADER, ...districtRows(10)]);
  sheet.setFill("C4", "#FFFF00");
  if (options.withNote) sheet.model.notes.set(cellKey(4, 4), "请核实分管领导");
}

const marks: Mark[] = [
  { row: 2, col: 5, fill: RED, note: "牵头单位与名册不符" },
  { row: 3, col: 2, fill: AMBER, note: "重点工作与附件1第2项文字不一致" },
  { row: 4, col: 4, fill: RED, note: "分管领导为空" },
];
const mark = (extra: Partial<SheetOpInput> = {}) =>
  applyPatch({ sheets: [{ sheet: SHEET, mode: "update", marks, ...extra }] });
const clear = () => applyPatch({ sheets: [{ sheet: SHEET, mode: "update", clearMarks: true }] });

describe("marks on a user's sheet, and clearing them (ExcelApi 1.18: notes)", () => {
  test("marking fills the cells and notes them, never over the user's note", async () => {
    await withStandIn({ sheets: ["说明"] }, async (excel) => {
      userSheet(excel);
      const other = excel.workbook.sheet("说明").snapshot();
      const report = await mark();
      const sheet = excel.workbook.sheet(SHEET);
      expect(["F3", "C4", "E5"].map((a) => sheet.cell(a).fill)).toEqual([RED, AMBER, RED]);
      expect(sheet.snapshot().notes).toEqual({
        F3: "牵头单位与名册不符",
        C4: "重点工作与附件1第2项文字不一致",
        E5: "请核实分管领导",
      });
      expect(report.fallbacks).toEqual([
        "工作表「区重点工作」有 1 个单元格原已有备注或批注，为保留原内容，说明未写入这些单元格。",
      ]);
      // Look (sheet list), look closer (fills and notes of the marked cells), write.
      expect(report.syncs).toBe(3);
      expect(excel.workbook.sheet("说明").snapshot()).toEqual(other);
      // Values are untouched: a mark is a fill and a note, nothing else.
      expect(sheet.toGrid()).toEqual([DISTRICT_HEADER, ...districtRows(10)]);
    });
  });

  test("clearing restores each cell's own fill and removes only the add-in's notes", async () => {
    await withStandIn({}, async (excel) => {
      userSheet(excel);
      await mark();
      await clear();
      const sheet = excel.workbook.sheet(SHEET);
      expect(["F3", "C4", "E5"].map((a) => sheet.cell(a).fill)).toEqual([null, "#FFFF00", null]);
      expect(sheet.snapshot().notes).toEqual({ E5: "请核实分管领导" });
      expect(recordedMarksOf(excel, SHEET)).toBeUndefined();
      expect(excel.settings.saved).toEqual({});
    });
  });

  test("a fill the user changed after marking is kept on clearing", async () => {
    await withStandIn({}, async (excel) => {
      userSheet(excel);
      await mark();
      excel.workbook.sheet(SHEET).setFill("F3", "#00B050");
      await clear();
      expect(excel.workbook.sheet(SHEET).cell("F3").fill).toBe("#00B050");
    });
  });

  test("checking again re-marks without losing the original fill", async () => {
    await withStandIn({}, async (excel) => {
      userSheet(excel);
      await mark();
      await mark({ clearMarks: true });
      const sheet = excel.workbook.sheet(SHEET);
      expect(sheet.cell("C4").fill).toBe(AMBER);
      expect(sheet.cell("C4").note).toBe("重点工作与附件1第2项文字不一致");
      await clear();
      expect(sheet.cell("C4").fill).toBe("#FFFF00");
      expect(sheet.snapshot().notes).toEqual({ E5: "请核实分管领导" });
    });
  });
});

describe("marks where notes are missing", () => {
  test("ExcelApi 1.10: the messages become comments, and clearing removes them", async () => {
    await withStandIn({ excelApi: "1.10" }, async (excel) => {
      userSheet(excel, { withNote: false });
      const report = await mark();
      expect(report.fallbacks).toEqual([
        "此版本 Excel 不支持备注（需 ExcelApi 1.18），工作表「区重点工作」的 3 条说明已改用批注。",
      ]);
      const sheet = excel.workbook.sheet(SHEET);
      expect(sheet.snapshot().comments).toEqual({
        F3: "牵头单位与名册不符",
        C4: "重点工作与附件1第2项文字不一致",
        E5: "分管领导为空",
      });
      await clear();
      expect(sheet.snapshot().comments).toEqual({});
      expect(sheet.cell("C4").fill).toBe("#FFFF00");
    });
  });

  test("ExcelApi 1.7: cells are still marked and restored; the messages stay in the listing", async () => {
    await withStandIn({ excelApi: "1.7" }, async (excel) => {
      userSheet(excel, { withNote: false });
      const report = await mark();
      expect(report.fallbacks).toEqual([
        "此版本 Excel 不支持备注和批注（需 ExcelApi 1.10 以上），工作表「区重点工作」的 3 条说明未写入单元格，请在「校验结果」等清单表中查看。",
      ]);
      const sheet = excel.workbook.sheet(SHEET);
      expect(sheet.cell("C4").fill).toBe(AMBER);
      expect(recordedMarksOf(excel, SHEET)).toEqual([
        { row: 2, col: 5, original: null, fill: RED, note: null, text: null },
        { row: 3, col: 2, original: "#FFFF00", fill: AMBER, note: null, text: null },
        { row: 4, col: 4, original: null, fill: RED, note: null, text: null },
      ]);
      await clear();
      expect(["F3", "C4", "E5"].map((a) => sheet.cell(a).fill)).toEqual([null, "#FFFF00", null]);
    });
  });
});

describe("the patch may spell a sheet's name in another case, as Excel allows", () => {
  test("the user's note is still found and kept", async () => {
    await withStandIn({}, async (excel) => {
      const sheet = excel.workbook.addSheet("Tasks");
      sheet.setValues("A1", [DISTRICT_HEADER, ...districtRows(3)]);
      sheet.model.notes.set(cellKey(2, 5), "请核实牵头单位");
      const report = await applyPatch({
        sheets: [{ sheet: "TASKS", mode: "update", marks: [marks[0]] }],
      });
      expect(sheet.cell("F3").fill).toBe(RED);
      expect(sheet.snapshot().notes).toEqual({ F3: "请核实牵头单位" });
      expect(report.fallbacks).toEqual([
        "工作表「TASKS」有 1 个单元格原已有备注或批注，为保留原内容，说明未写入这些单元格。",
      ]);
    });
  });
});

describe("marks when the command has just read the sheet list", () => {
  const markKnown = async () =>
    applyPatch(
      { sheets: [{ sheet: SHEET, mode: "update", marks }] },
      { sheets: await listSheets() }
    );

  test("ExcelApi 1.18: one look at fills and notes, one write; the user's note is kept", async () => {
    await withStandIn({}, async (excel) => {
      userSheet(excel);
      const report = await markKnown();
      const sheet = excel.workbook.sheet(SHEET);
      expect(["F3", "C4", "E5"].map((a) => sheet.cell(a).fill)).toEqual([RED, AMBER, RED]);
      expect(sheet.cell("E5").note).toBe("请核实分管领导");
      expect(report.syncs).toBe(2);
    });
  });

  test("ExcelApi 1.10: a user's comment on a marked cell is found and kept, at one more sync", async () => {
    await withStandIn({ excelApi: "1.10" }, async (excel) => {
      userSheet(excel, { withNote: false });
      const model = excel.workbook.sheet(SHEET).model;
      excel.workbook.model.comments.push({
        id: "c1",
        sheet: model,
        row: 4,
        col: 4,
        content: "待核",
      });
      const report = await markKnown();
      const sheet = excel.workbook.sheet(SHEET);
      expect(sheet.snapshot().comments).toEqual({
        F3: "牵头单位与名册不符",
        C4: "重点工作与附件1第2项文字不一致",
        E5: "待核",
      });
      // Look at fills and the comment list, locate the comment, write.
      expect(report.syncs).toBe(3);
    });
  });

  test("ExcelApi 1.10 without comments: no sync to locate any", async () => {
    await withStandIn({ excelApi: "1.10" }, async (excel) => {
      userSheet(excel, { withNote: false });
      expect((await markKnown()).syncs).toBe(2);
      expect(Object.keys(excel.workbook.sheet(SHEET).snapshot().comments)).toHaveLength(3);
    });
  });
});

describe("comments announced but broken (NotImplemented on some ExcelApi 1.10 builds)", () => {
  test("the marks are made without them, the texts stay in the listing, and clearing works", async () => {
    await withStandIn({ excelApi: "1.10", brokenComments: true }, async (excel) => {
      userSheet(excel, { withNote: false });
      const report = await mark();
      expect(report.fallbacks[0]).toBe(
        "此版本 Excel 报告支持批注，但添加批注时出错（NotImplemented），说明未写入单元格，请在「校验结果」等清单表中查看。"
      );
      const sheet = excel.workbook.sheet(SHEET);
      expect(["F3", "C4", "E5"].map((a) => sheet.cell(a).fill)).toEqual([RED, AMBER, RED]);
      expect(sheet.snapshot().comments).toEqual({});
      await clear();
      expect(["F3", "C4", "E5"].map((a) => sheet.cell(a).fill)).toEqual([null, "#FFFF00", null]);
    });
  });
});
