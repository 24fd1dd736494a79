import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { DISTRICT_HEADER, districtRows, userSheetNames } from "./fixtures";

/**
 * A protected sheet refuses every change, a protected workbook every new sheet (AccessDenied in
 * the stand-in; see its README). 校验 looks first: a protected sheet is named and left as it is,
 * and 校验结果 is written anyway; a protected workbook is named and nothing is written.
 */
const SHEET = "我的分解表";
const CHECK_DATE = "2022-09-30";
const noProgress = () => undefined;

let excel: StandInHandle | undefined;
afterEach(() => {
  excel?.uninstall();
  excel = undefined;
});

function userWorkbook(): StandInHandle {
  excel = installStandIn({ sheets: [SHEET] });
  excel.workbook.sheet(SHEET).setValues("A1", [DISTRICT_HEADER, ...districtRows(30)]);
  return excel;
}

describe("校验 under protection", () => {
  test("a protected sheet is named, left untouched, and 校验结果 is written", async () => {
    const standIn = userWorkbook();
    standIn.workbook.sheet(SHEET).model.protected = true;
    const before = standIn.workbook.sheet(SHEET).snapshot();
    const outcome = await createExcelActions().validate({ checkDate: CHECK_DATE }, noProgress);
    expect(outcome.issues.length).toBeGreaterThan(0);
    expect(outcome.fallbacks).toContain(
      `工作表「${SHEET}」受保护，其中的单元格未标记、未修改（问题见「校验结果」）。如需标记，请在「审阅」中撤销工作表保护后重新校验。`
    );
    expect(standIn.workbook.sheet(SHEET).snapshot()).toEqual(before);
    expect(userSheetNames(standIn)).toEqual([SHEET, "校验结果"]);
    expect(standIn.stats.requests.filter((r) => r.error)).toEqual([]);
  });

  test("a protected workbook is named and nothing is written", async () => {
    const standIn = userWorkbook();
    standIn.workbook.model.protected = true;
    const before = standIn.workbook.snapshot();
    await expect(
      createExcelActions().validate({ checkDate: CHECK_DATE }, noProgress)
    ).rejects.toThrow("工作簿的结构受保护，无法写入工作表「校验结果」，未做任何修改。");
    expect(standIn.workbook.snapshot()).toEqual(before);
  });
});
