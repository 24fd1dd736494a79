import { validateWorkbookCommand } from "../../src/commands/validateWorkbook";
import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { cellKey } from "../support/excel-standin/model/sheet";
import { DISTRICT_HEADER, districtRows } from "./fixtures";

/**
 * The ribbon's 校验 and the task pane run in two runtimes unless the host shares one; each then
 * holds its own copy of the document settings, read once. Whatever one runtime records, the
 * other must see before it writes: marks made from the ribbon are cleared from the pane.
 */
const SHEET = "我的分解表";
const noProgress = () => undefined;

let excel: StandInHandle | undefined;
afterEach(() => {
  excel?.uninstall();
  excel = undefined;
});

for (const sharedRuntime of [false, true]) {
  test(`ribbon 校验, then 清除标记 in the pane (${sharedRuntime ? "one shared runtime" : "two runtimes"})`, async () => {
    excel = installStandIn({ sheets: [SHEET], sharedRuntime });
    const sheet = excel.workbook.sheet(SHEET);
    sheet.setValues("A1", [DISTRICT_HEADER, ...districtRows(30)]);
    sheet.setFill("A2:G31", "#DDEBF7");
    sheet.model.notes.set(cellKey(4, 5), "用户备注");
    const before = sheet.snapshot();
    // The pane is open first, so its runtime has already taken its settings copy.
    const pane = createExcelActions();
    await pane.describeWorkbook();

    Office.actions.associate("validateWorkbook", validateWorkbookCommand);
    await excel.actions.run("validateWorkbook");
    expect(excel.workbook.sheetNames()).toContain("校验结果");
    expect(sheet.snapshot()).not.toEqual(before);

    const { cleared } = await pane.clearMarks(noProgress);
    expect(cleared).toBeGreaterThan(0);
    expect(sheet.snapshot()).toEqual(before);
  });
}

test("the stand-in refuses to save settings over its size limit, as Excel does", async () => {
  excel = installStandIn({});
  Office.context.document.settings.set("big", "督".repeat(400_000));
  const status = await new Promise((resolve) =>
    Office.context.document.settings.saveAsync((result) => resolve(result.status))
  );
  expect(status).toBe(Office.AsyncResultStatus.Failed);
  expect(excel.settings.saved).toEqual({});
});
