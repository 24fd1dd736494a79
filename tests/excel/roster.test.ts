import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn, type StandInHandle } from "../support/excel-standin";

const noProgress = () => undefined;
const AT = { checkDate: "2022-09-30" };

describe("生成名册 and 校验 with the 名册 sheet, on the Excel stand-in", () => {
  let excel: StandInHandle;
  afterEach(() => excel?.uninstall());

  test("write, the user edits a cell, 校验 uses the edit; a second 生成名册 leaves the sheet alone", async () => {
    excel = installStandIn({});
    const actions = createExcelActions();
    await actions.importSeeds(noProgress);
    const before = await actions.validate(AT, noProgress);
    expect(before.summary).toContain("随附的天津市津南区 2022 年名册");
    const alias = (o: typeof before) =>
      o.issues.filter((i) => i.evidence === "区市场监管委").map((i) => i.rule);
    expect(alias(before)).toEqual(["unit.alias"]);

    const made = await actions.generateRoster(noProgress);
    expect(made.sheet).toBe("名册");
    const sheet = excel.workbook.sheet("名册");
    const grid = sheet.toGrid() as string[][];
    const at = grid.findIndex((r) => r[1] === "区市场监管局");
    expect(grid[at][2]).toBe("市场监管局、区市场监管委");
    // The user decides 区市场监管委 is not a way to write 区市场监管局.
    sheet.setValues(`C${at + 1}`, [["市场监管局"]]);

    const after = await actions.validate(AT, noProgress);
    expect(after.summary).toContain("使用工作簿中的名册");
    expect(alias(after)).toEqual(["unit.unknown"]);

    const snapshot = sheet.snapshot();
    await expect(actions.generateRoster(noProgress)).rejects.toThrow("已有「名册」工作表");
    expect(excel.workbook.sheet("名册").snapshot()).toEqual(snapshot);
  });

  test("a mistake in the 名册 sheet is marked at its cell and listed in 校验结果", async () => {
    excel = installStandIn({});
    const actions = createExcelActions();
    await actions.importSeeds(noProgress);
    await actions.generateRoster(noProgress);
    const sheet = excel.workbook.sheet("名册");
    const grid = sheet.toGrid() as string[][];
    const at = grid.findIndex((r) => r[1] === "区司法局");
    sheet.setValues(`C${at + 1}`, [["区财政局"]]);
    const outcome = await actions.validate(AT, noProgress);
    const found = outcome.issues.filter((i) => i.rule === "roster.sheet");
    expect(found.map((i) => i.address)).toEqual([`'名册'!C${at + 1}`]);
    expect(found[0].message).toContain("「区财政局」同时是第");
    expect(sheet.cell(`C${at + 1}`).fill).toBe("#FFEB9C");
    expect(excel.workbook.sheetNames()).toContain("校验结果");
  });
});
