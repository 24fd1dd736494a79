import { RECORD_SHEET } from "../../src/core/patch/record";
import { createExcelActions } from "../../src/excel/workflows";
import type { StandInHandle } from "../support/excel-standin";
import { cellKey } from "../support/excel-standin/model/sheet";
import {
  DISTRICT_HEADER,
  districtRows,
  recordOf,
  standInPerTest,
  userSheetNames,
} from "./fixtures";

/**
 * Workbooks marked before the record sheet keep their marks and generated-sheet markers in the
 * document settings ("duban.marks", "duban.generatedSheets", keyed by sheet name). The first
 * command takes them onto the record sheet, and they are cleared and recognised as before.
 */
const SHEET = "我的分解表";
const CHECK_DATE = "2022-09-30";
const noProgress = () => undefined;
const install = standInPerTest();
let excel: StandInHandle;

function saveSettings(): Promise<void> {
  return new Promise((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
}

/**
 * A workbook as the earlier add-in left it (ExcelApi 1.7: no custom properties, so settings are
 * the only marker): 校验 ran, its marks and markers went to the settings, no record sheet.
 */
async function markedTheEarlierWay(): Promise<ReturnType<StandInHandle["workbook"]["snapshot"]>> {
  excel = install({ sheets: [SHEET], excelApi: "1.7" });
  const sheet = excel.workbook.sheet(SHEET);
  sheet.setValues("A1", [DISTRICT_HEADER, ...districtRows(40)]);
  sheet.setFill("A2:G41", "#DDEBF7");
  sheet.model.notes.set(cellKey(4, 5), "用户备注");
  const before = excel.workbook.snapshot();

  await createExcelActions().validate({ checkDate: CHECK_DATE }, noProgress);
  const record = recordOf(excel);
  expect(record.marks.find((e) => e.sheet === SHEET)?.value.length).toBeGreaterThan(10);
  const model = excel.workbook.model;
  model.deleteSheet(model.findSheet(RECORD_SHEET)!);
  const settings = Office.context.document.settings;
  settings.set("duban.marks", Object.fromEntries(record.marks.map((e) => [e.sheet, e.value])));
  settings.set(
    "duban.generatedSheets",
    Object.fromEntries(record.markers.map((e) => [e.sheet, e.value]))
  );
  await saveSettings();
  expect(excel.workbook.sheetNames()).not.toContain(RECORD_SHEET);
  return before;
}

test("清除标记 clears marks recorded in the document settings and removes that record", async () => {
  const before = await markedTheEarlierWay();
  const { cleared } = await createExcelActions().clearMarks(noProgress);
  expect(cleared).toBeGreaterThan(10);
  expect(excel.workbook.sheet(SHEET).snapshot()).toEqual(before.sheets[SHEET]);
  expect(excel.settings.saved).toEqual({});
});

test("校验 again replaces the 校验结果 the settings mark as generated, then 清除标记 restores the sheet", async () => {
  const before = await markedTheEarlierWay();
  await createExcelActions().validate({ checkDate: CHECK_DATE }, noProgress);
  expect(userSheetNames(excel)).toEqual([SHEET, "校验结果"]);
  // Moved: the record sheet holds the markers and marks, the settings nothing.
  expect(recordOf(excel).markers.map((e) => e.sheet)).toEqual(["校验结果"]);
  expect(excel.settings.saved).toEqual({});

  const { cleared } = await createExcelActions().clearMarks(noProgress);
  expect(cleared).toBeGreaterThan(10);
  expect(excel.workbook.sheet(SHEET).snapshot()).toEqual(before.sheets[SHEET]);
});
