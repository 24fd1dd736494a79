import { applyPatch } from "../../src/excel/applyPatch";
import { detectCapabilities } from "../../src/excel/capabilities";
import { breakdownSheetOp, recordedMarkers, withStandIn } from "./fixtures";

describe("requirement sets are detected, the version given as a string", () => {
  test.each([
    ["1.7", [false, false, false, false, false, false]],
    ["1.9", [true, true, false, false, false, false]],
    ["1.10", [true, true, true, false, false, false]],
    ["1.13", [true, true, true, true, true, false]],
    ["1.18", [true, true, true, true, true, true]],
  ])("ExcelApi %s", async (excelApi, expected) => {
    await withStandIn({ excelApi }, async () => {
      const caps = detectCapabilities();
      expect([
        caps.dataValidation,
        caps.pageLayout,
        caps.comments,
        caps.customProperties,
        caps.mergedAreas,
        caps.notes,
      ]).toEqual(expected);
    });
  });
});

describe("at ExcelApi 1.7 (Office 2019) a generated sheet is still written, minus what the host lacks", () => {
  test("drop-downs and print setup are skipped with a Chinese message; the rest is written", async () => {
    await withStandIn({ excelApi: "1.7" }, async (excel) => {
      const op = {
        ...breakdownSheetOp("区重点工作", 30),
        notes: [{ row: 0, col: 7, text: "由完成时限推算" }],
      };
      const report = await applyPatch({ sheets: [op] });
      expect(report.fallbacks).toEqual([
        "此版本 Excel 不支持数据验证（需 ExcelApi 1.8），工作表「区重点工作」的下拉列表未设置，可直接输入。",
        "此版本 Excel 不支持备注和批注（需 ExcelApi 1.10 以上），工作表「区重点工作」的 1 条说明未写入单元格，请在「校验结果」等清单表中查看。",
        "此版本 Excel 不支持页面设置（需 ExcelApi 1.9），工作表「区重点工作」未设置打印格式，请在「页面布局」中手动设置纸张与标题行。",
      ]);
      const sheet = excel.workbook.sheet("区重点工作");
      expect(sheet.cell("A1").fill).toBe("#D9E1F2");
      expect(sheet.cell("H2").conditionalFormats).toHaveLength(1);
      expect(sheet.snapshot().frozenRows).toBe(1);
      expect(sheet.cell("I2").dataValidation).toBeNull();
      expect(recordedMarkers(excel)).toEqual({
        区重点工作: { kind: "import", key: "district", version: 1 },
      });
    });
  });

  test("a patch that asks to freeze columns says they were not frozen", async () => {
    await withStandIn({}, async () => {
      const op = { ...breakdownSheetOp("区重点工作", 3), freeze: { rows: 1, cols: 2 } };
      const report = await applyPatch({ sheets: [op] });
      expect(report.fallbacks).toEqual([
        "工作表「区重点工作」只冻结了前 1 行，前 2 列未冻结（督办助手在 Excel 中暂不冻结列）。",
      ]);
    });
  });
});
