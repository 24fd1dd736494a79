import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { userSheetNames } from "./fixtures";

const noProgress = () => undefined;

describe("the task pane's actions in a workbook", () => {
  let excel: StandInHandle;
  afterEach(() => excel?.uninstall());

  test("导入 writes the four seed tables, text as text, and touches no other sheet", async () => {
    excel = installStandIn({ sheets: ["我的台账"] });
    const before = excel.workbook.sheet("我的台账").snapshot();
    const actions = createExcelActions();
    const outcome = await actions.importSeeds(noProgress);
    expect(outcome.sheets).toEqual(["市重点工作", "关键任务", "区重点工作", "民心工程"]);
    expect(outcome.rows).toBe(170);
    expect(userSheetNames(excel)).toEqual([
      "我的台账",
      "市重点工作",
      "关键任务",
      "区重点工作",
      "民心工程",
    ]);
    const residue = excel.workbook.sheet("市重点工作").cell("C15");
    expect(residue.value).toContain("积极与市水务局+C18协调");
    expect(residue.numberFormat).toBe("@");
    expect(excel.workbook.sheet("区重点工作").cell("A1").value).toBe(
      "2022年津南区政府重点工作责任分解表"
    );
    expect(excel.workbook.sheet("我的台账").snapshot()).toEqual(before);
    expect(await actions.existingImportSheets()).toEqual([
      "市重点工作",
      "关键任务",
      "区重点工作",
      "民心工程",
    ]);
  });

  test("校验 marks cells, writes 校验结果 and a click selects the cell", async () => {
    excel = installStandIn({});
    const actions = createExcelActions();
    await actions.importSeeds(noProgress);
    excel.stats.reset();
    const outcome = await actions.validate({ checkDate: "2022-09-30" }, noProgress);
    console.log(`校验: ${excel.stats.syncs} syncs; ${outcome.summary}`);
    expect(outcome.rows).toBe(170);
    const residue = outcome.issues.find((i) => i.rule === "text.residue")!;
    expect(residue.address).toBe("'市重点工作'!C15");
    expect(excel.workbook.sheet("市重点工作").cell("C15").fill).toBe("#FFC7CE");
    expect(excel.workbook.sheetNames()).toContain("校验结果");
    await actions.selectCell(residue.address);
    expect(excel.workbook.selection).toBe("市重点工作!C15");
    const cleared = await actions.clearMarks(noProgress);
    expect(cleared.cleared).toBeGreaterThan(0);
    expect(excel.workbook.sheet("市重点工作").cell("C15").fill).toBeNull();
  });

  test("safe fixes are offered after 校验 and applied cell by cell", async () => {
    excel = installStandIn({});
    const actions = createExcelActions();
    await actions.importSeeds(noProgress);
    const first = await actions.validate({ checkDate: "2022-09-30" }, noProgress);
    const alias = first.fixes.find((f) => f.label === "把「区市场监管委」改为「区市场监管局」")!;
    expect(alias.address).toBe("'市重点工作'!F16");
    const seq = first.fixes.filter((f) => f.kind === "fill-seq");
    expect(await actions.applyFixes([alias, ...seq], noProgress)).toEqual({
      applied: 1 + seq.length,
    });
    expect(excel.workbook.sheet("市重点工作").cell("F16").value).toBe("区农业农村委\n区市场监管局");
    const again = await actions.validate({ checkDate: "2022-09-30" }, noProgress);
    expect(again.issues.filter((i) => i.rule === "numbering.seq-missing")).toEqual([]);
    expect(
      again.issues.some((i) => i.rule === "unit.alias" && i.evidence.includes("区市场监管委"))
    ).toBe(false);
  });
});
