import { generatedSheet } from "../../src/core/patch/build";
import type { SheetOpInput, WorkbookPatchInput } from "../../src/core/patch/schema";
import { applyPatch } from "../../src/excel/applyPatch";
import { ExcelAdapterError } from "../../src/excel/errors";
import { MARKER_PROPERTY } from "../../src/excel/markers";
import { breakdownSheetOp, recordedMarkers, userSheetNames, withStandIn } from "./fixtures";

const summary = (title: string): SheetOpInput => ({
  ...generatedSheet("汇总", "summary"),
  values: [{ row: 0, col: 0, values: [[title]] }],
});

describe("sheets the add-in did not generate are never replaced", () => {
  test("replace of a user's sheet fails before anything is written, naming the sheet", async () => {
    await withStandIn({ sheets: ["汇总", "区重点工作"] }, async (excel) => {
      excel.workbook.sheet("汇总").setValues("A1", [["我自己的汇总"]]);
      const before = excel.workbook.snapshot();
      // The first op alone would be fine; the patch is refused as a whole.
      const patch = { sheets: [breakdownSheetOp("单位表-区科技局", 5), summary("新的汇总")] };
      const error = await applyPatch(patch).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExcelAdapterError);
      expect((error as Error).message).toBe(
        "工作表「汇总」不是督办助手生成的，为保护您的数据，不会替换它。请把它改名后重试，或为生成的表另取名称。"
      );
      expect(excel.workbook.snapshot()).toEqual(before);
    });
  });

  test("create refuses an existing name; update refuses a missing sheet", async () => {
    await withStandIn({ sheets: ["汇总"] }, async (excel) => {
      const before = excel.workbook.snapshot();
      const create = { ...summary("新的汇总"), mode: "create" as const };
      await expect(applyPatch({ sheets: [create] })).rejects.toThrow(
        "已有同名的工作表「汇总」，未做任何修改。请选择替换，或先改名后重试。"
      );
      await expect(
        applyPatch({
          sheets: [
            { sheet: "区重点工作", mode: "update", marks: [{ row: 1, col: 1, fill: "#FFC7CE" }] },
          ],
        })
      ).rejects.toThrow("找不到工作表「区重点工作」，未做任何修改。");
      expect(excel.workbook.snapshot()).toEqual(before);
    });
  });

  test("a malformed patch is refused in Chinese, before Excel is touched", async () => {
    await withStandIn({}, async (excel) => {
      const bad: WorkbookPatchInput = {
        sheets: [{ sheet: "汇总:2022", mode: "replace", generated: { kind: "summary" } }],
      };
      await expect(applyPatch(bad)).rejects.toThrow(
        "内部错误：写入计划不合法（sheets.0.sheet：工作表名称「汇总:2022」含有 Excel 不允许的字符「:」）"
      );
      expect(excel.stats.syncs).toBe(0);
    });
  });
});

describe.each(["1.18", "1.7"])(
  "generated sheets are replaced in place (ExcelApi %s)",
  (excelApi) => {
    test("the second run replaces the first, keeps its tab, and leaves other sheets alone", async () => {
      await withStandIn({ excelApi, sheets: ["封面", "备忘"] }, async (excel) => {
        await applyPatch({ sheets: [{ ...summary("第一次"), position: 1 }] });
        expect(userSheetNames(excel)).toEqual(["封面", "汇总", "备忘"]);
        excel.workbook.sheet("汇总").setValues("C5", [["旧的内容"]]);
        const others = ["封面", "备忘"].map((name) => excel.workbook.sheet(name).snapshot());

        // The sheet keeps its place.
        const report = await applyPatch({ sheets: [summary("第二次")] });
        expect(report.sheetsWritten).toEqual(["汇总"]);
        expect(userSheetNames(excel)).toEqual(["封面", "汇总", "备忘"]);
        expect(excel.workbook.toGrid("汇总")).toEqual([["第二次"]]);
        expect(["封面", "备忘"].map((name) => excel.workbook.sheet(name).snapshot())).toEqual(
          others
        );

        const marker = { kind: "summary", version: 1 };
        if (excelApi === "1.18") {
          expect(
            JSON.parse(excel.workbook.sheet("汇总").snapshot().customProperties[MARKER_PROPERTY])
          ).toEqual(marker);
        }
        // Every version also records it on the record sheet, which the CLI reads too.
        expect(recordedMarkers(excel)).toEqual({ 汇总: marker });
      });
    });
  }
);

describe("without worksheet custom properties (ExcelApi 1.7) the marker lives on the record sheet", () => {
  test("it is saved with the workbook and follows the sheet's name", async () => {
    await withStandIn({ excelApi: "1.7" }, async (excel) => {
      await applyPatch({ sheets: [summary("第一次")] });
      expect(recordedMarkers(excel)).toEqual({ 汇总: { kind: "summary", version: 1 } });
      expect(excel.settings.saved).toEqual({});
      expect(excel.workbook.sheet("汇总").snapshot().customProperties).toEqual({});

      // Renamed by the user, the sheet counts as theirs: the next run makes a new 汇总 beside it.
      excel.workbook.model.renameSheet(excel.workbook.model.findSheet("汇总")!, "九月汇总");
      await applyPatch({ sheets: [summary("第二次")] });
      expect(excel.workbook.toGrid("九月汇总")).toEqual([["第一次"]]);
      expect(excel.workbook.toGrid("汇总")).toEqual([["第二次"]]);
      await expect(
        applyPatch({ sheets: [{ ...summary("x"), sheet: "九月汇总" }] })
      ).rejects.toThrow("不是督办助手生成的");
    });
  });

  test("names compare without case, as Excel compares them", async () => {
    await withStandIn({ excelApi: "1.7" }, async (excel) => {
      await applyPatch({ sheets: [{ ...summary("第一次"), sheet: "Summary" }] });
      await applyPatch({ sheets: [{ ...summary("第二次"), sheet: "SUMMARY" }] });
      expect(userSheetNames(excel)).toEqual(["Sheet1", "SUMMARY"]);
      expect(excel.workbook.toGrid("SUMMARY")).toEqual([["第二次"]]);
    });
  });

  test("a sheet deleted by the user is forgotten at the next run", async () => {
    await withStandIn({ excelApi: "1.7", sheets: ["封面"] }, async (excel) => {
      await applyPatch({ sheets: [summary("汇总"), generatedSheet("单位表", "unit")] });
      excel.workbook.model.deleteSheet(excel.workbook.model.findSheet("单位表")!);
      await applyPatch({ sheets: [summary("再一次")] });
      expect(Object.keys(recordedMarkers(excel))).toEqual(["汇总"]);
    });
  });
});
