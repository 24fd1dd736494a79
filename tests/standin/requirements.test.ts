import { installStandIn } from "../support/excel-standin";
import { codeOf, useStandIn } from "./standin";

describe("Office.context.requirements.isSetSupported", () => {
  it.each([
    ["1.7", "1.7", true],
    ["1.7", "1.8", false],
    ["1.9", "1.10", false],
    ["1.10", "1.9", true],
    ["1.12", "1.13", false],
    ["1.18", "1.18", true],
    ["1.18", "1.13", true],
  ])("at ExcelApi %s answers %s with %s", (level, asked, answer) => {
    const handle = installStandIn({ excelApi: level });
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", asked)).toBe(answer);
    } finally {
      handle.uninstall();
    }
  });

  it("answers only for ExcelApi, and refuses an impossible level", () => {
    const handle = installStandIn({ excelApi: "1.7" });
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi")).toBe(true);
      expect(Office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
    } finally {
      handle.uninstall();
    }
    expect(() => installStandIn({ excelApi: "2.0" })).toThrow("not between");
  });
});

describe("at ExcelApi 1.7 (Office 2019), newer members are absent", () => {
  useStandIn({ excelApi: "1.7" });

  async function codeIn(
    work: (context: Excel.RequestContext, sheet: Excel.Worksheet) => unknown
  ): Promise<string> {
    let code = "";
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      code = await codeOf(() => work(context, sheet));
      await context.sync();
    });
    return code;
  }

  it.each([
    ["worksheet.pageLayout (1.9)", (_c: Excel.RequestContext, s: Excel.Worksheet) => s.pageLayout],
    ["workbook.comments (1.10)", (c: Excel.RequestContext) => c.workbook.comments],
    [
      "worksheet.customProperties (1.12)",
      (_c: Excel.RequestContext, s: Excel.Worksheet) => s.customProperties,
    ],
    [
      "range.getMergedAreasOrNullObject (1.13)",
      (_c: Excel.RequestContext, s: Excel.Worksheet) =>
        s.getRange("A1:B2").getMergedAreasOrNullObject(),
    ],
    ["worksheet.notes (1.18)", (_c: Excel.RequestContext, s: Excel.Worksheet) => s.notes],
    [
      "range.dataValidation (1.8)",
      (_c: Excel.RequestContext, s: Excel.Worksheet) => s.getRange("A1").dataValidation,
    ],
    [
      "a load through range.dataValidation",
      (_c: Excel.RequestContext, s: Excel.Worksheet) =>
        s.getRange("A1").load("dataValidation/rule"),
    ],
  ])("throws ApiNotFound for %s", async (_what, work) => {
    expect(await codeIn(work)).toBe("ApiNotFound");
  });

  it("still provides what ExcelApi 1.7 has", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.freezePanes.freezeRows(2);
      sheet.tabColor = "#4472C4";
      const cell = sheet.getRangeByIndexes(0, 0, 1, 1);
      cell.hyperlink = { documentReference: "Sheet1!B2", textToDisplay: "跳转" };
      cell.conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = "=TRUE";
      await context.sync();
    });
  });
});

describe("at ExcelApi 1.18 the same members are there", () => {
  useStandIn({ excelApi: "1.18" });

  it("gives notes, comments, custom properties, page layout, validation and merged areas", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.notes.add("A1", "缺少完成时限");
      context.workbook.comments.add("Sheet1!B1", "牵头单位写法不统一");
      sheet.customProperties.add("duban.generated", "1");
      sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
      sheet.getRange("C1").dataValidation.rule = {
        list: { inCellDropDown: true, source: "是,否" },
      };
      const merged = sheet.getRange("A1:B2").getMergedAreasOrNullObject();
      await context.sync();
      expect(merged.isNullObject).toBe(true);
    });
  });
});
