import { createExcelActions } from "../../src/excel/workflows";
import { RECORD_SHEET } from "../../src/core/patch/record";
import { createWpsActions } from "../../src/wps/host";
import { installStandIn } from "../support/excel-standin";
import { DISTRICT_HEADER, districtRows } from "../excel/fixtures";
import { etColor, etRecord, findCell, noProgress, withEt } from "./support";

/**
 * The pane's workflows in WPS 表格, on the seed tables, through the ET stand-in: the same
 * results as in Excel, text kept as text, marks that clear back to the user's own sheet, and
 * re-runs that keep what was typed.
 */

const CHECK_DATE = "2022-09-30";
const IMPORTS = ["市重点工作", "关键任务", "区重点工作", "民心工程"];

describe("WPS 表格: the pane's workflows on the seeds", () => {
  test("导入 writes the four tables as text behind the user's sheet, marked in the shared record", () =>
    withEt({ sheets: ["我的台账"] }, async (et) => {
      et.fill("我的台账", [["我的事项", 12]]);
      const before = et.workbook.sheet("我的台账").snapshot();
      const outcome = await createWpsActions().importSeeds(noProgress);
      expect(outcome.rows).toBe(170);
      expect(et.workbook.sheets.map((s) => s.name)).toEqual(["我的台账", ...IMPORTS, RECORD_SHEET]);
      // "+C18" inside the text must not become a formula.
      const residue = et.workbook.sheet("市重点工作").cell("C15");
      expect(residue.value).toContain("积极与市水务局+C18协调");
      expect(residue.formula).toBeNull();
      expect(residue.numberFormat).toBe("@");
      expect(et.workbook.sheet("我的台账").snapshot()).toEqual(before);
      const markers = etRecord(et).markers.map((e) => [e.sheet, e.value.kind]);
      expect(markers).toEqual(IMPORTS.map((name) => [name, "import"]));
      // The active sheet is the first import, as in Excel.
      expect(et.workbook.sheets[et.workbook.active].name).toBe("市重点工作");
    }));

  test("校验 finds what Excel finds, marks the cells with fills and notes, and a click selects the cell", async () => {
    const excel = installStandIn({});
    let inExcel;
    try {
      const actions = createExcelActions();
      await actions.importSeeds(noProgress);
      inExcel = await actions.validate({ checkDate: CHECK_DATE }, noProgress);
    } finally {
      excel.uninstall();
    }
    await withEt({}, async (et) => {
      const actions = createWpsActions();
      await actions.importSeeds(noProgress);
      et.stats.reset();
      const outcome = await actions.validate({ checkDate: CHECK_DATE }, noProgress);
      console.log(`WPS 校验 of the seeds: ${et.stats.calls} ET calls; ${outcome.summary}`);
      expect(outcome.summary).toBe(inExcel.summary);
      expect(outcome.issues.map((i) => i.address)).toEqual(inExcel.issues.map((i) => i.address));
      expect(outcome.fallbacks).toEqual([]);
      const residue = outcome.issues.find((i) => i.rule === "text.residue")!;
      expect(residue.address).toBe("'市重点工作'!C15");
      const cell = et.workbook.sheet("市重点工作").cell("C15");
      expect(cell.fill).toBe(etColor("#FFC7CE"));
      expect(cell.comment).toContain(residue.message);
      expect(et.workbook.find("校验结果")).toBeDefined();
      // The listing links each issue to its cell.
      const listing = et.workbook.sheet("校验结果");
      const link = [...listing.cells.values()].find((c) => c.formula?.includes("'市重点工作'!C15"));
      expect(link?.formula).toMatch(/^=HYPERLINK\("#'市重点工作'!C15",/);
      await actions.selectCell(residue.address);
      expect(et.workbook.sheets[et.workbook.active].name).toBe("市重点工作");
      expect(et.workbook.sheet("市重点工作").selection).toEqual({ row: 14, col: 2 });
    });
  });

  test("清除标记 gives the user's sheet back exactly: their fills, their notes, nothing else", () =>
    withEt({ sheets: ["我的台账"] }, async (et) => {
      et.fill("我的台账", [DISTRICT_HEADER, ...districtRows(60)]);
      const mine = et.workbook.sheet("我的台账");
      const actions = createWpsActions();
      // Find a cell 校验 marks, then give it the user's own fill and note.
      const first = await actions.validate({ checkDate: CHECK_DATE }, noProgress);
      expect(first.issues.length).toBeGreaterThan(10);
      const key = [...mine.cells.entries()].find(([, c]) => c.fill !== null)![0];
      const [row, col] = key.split(",").map(Number);
      await actions.clearMarks(noProgress);
      expect(mine.cellAt(row, col)!.fill).toBeNull();
      mine.touch(row, col).fill = etColor("#FFFF00");
      mine.touch(row, col).comment = "我的批注";
      const before = mine.snapshot();

      const again = await actions.validate({ checkDate: CHECK_DATE }, noProgress);
      expect(again.summary).toBe(first.summary);
      expect(mine.cellAt(row, col)!.fill).not.toBe(etColor("#FFFF00"));
      // The user's note stays; ours is not written over it, and the pane is told.
      expect(mine.cellAt(row, col)!.comment).toBe("我的批注");
      expect(again.fallbacks.join("")).toContain("原已有备注或批注");
      const cleared = await actions.clearMarks(noProgress);
      expect(cleared.cleared).toBeGreaterThan(10);
      expect(mine.snapshot()).toEqual(before);
      // Nothing left to record: the record sheet holds the 校验结果 marker only.
      expect(etRecord(et).marks).toEqual([]);
    }));

  test("生成单位表 again keeps what a unit typed into its sheet", () =>
    withEt({}, async (et) => {
      const actions = createWpsActions();
      await actions.importSeeds(noProgress);
      const built = await actions.buildUnitSheets(
        { by: "unit", checkDate: CHECK_DATE },
        noProgress
      );
      const unit = built.sheets.find((s) => s.includes("区科技局"))!;
      const sheet = et.workbook.sheet(unit);
      const header = findCell(sheet, "进展情况");
      const task = findCell(sheet, "全面提升大学科技园建设水平");
      sheet.touch(task.row, header.col).value = "已开园，入驻企业 12 家。";
      const status = findCell(sheet, "完成状态");
      sheet.touch(task.row, status.col).value = "已完成";

      const rebuilt = await actions.buildUnitSheets(
        { by: "unit", checkDate: "2022-10-31" },
        noProgress
      );
      expect(rebuilt.sheets).toEqual(built.sheets);
      const again = et.workbook.sheet(unit);
      expect(again).not.toBe(sheet); // rebuilt from nothing, in the old one's place
      const row = findCell(again, "全面提升大学科技园建设水平").row;
      expect(again.cellAt(row, findCell(again, "进展情况").col)?.value).toBe(
        "已开园，入驻企业 12 家。"
      );
      expect(again.cellAt(row, findCell(again, "完成状态").col)?.value).toBe("已完成");
      // The overdue colouring works without the add-in: a TODAY() rule, anchored on its range.
      expect(again.formatConditions.some((f) => f.formula.includes("TODAY()"))).toBe(true);
      for (const f of again.formatConditions)
        expect(f.anchor).toEqual({ row: f.area.row, col: f.area.col });
      expect(again.freeze).not.toBeNull();
    }));
});
