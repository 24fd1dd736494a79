import { readGridTable } from "../../src/core/grid/gridTable";
import type { Grid } from "../../src/core/grid/schema";
import { a1 } from "../../src/core/patch/address";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { applyPatch } from "../../src/excel/applyPatch";
import { createExcelActions } from "../../src/excel/workflows";
import { breakdownSheetOp } from "./fixtures";
import { installStandIn, type StandInHandle } from "../support/excel-standin";

const noProgress = () => undefined;
const CHECK_DATE = "2022-09-30";
const AT = { checkDate: CHECK_DATE, reference: "checkDate" } as const;
/** 市重点工作 序号2, led by 区科技局; 关键任务 1 is the same task. */
const CITY_TASK = "全面提升大学科技园建设水平";
/** 区重点工作: a task led by 区商务局, 年底前完成. */
const DISTRICT_TASK = "着力引进国际国内知名连锁餐饮机构";
const LEDGER = "我的台账";
/** Syncs a command may take: listing sheets, reading them, writing the patch — never per row. */
const MAX_SYNCS = 10;

let excel: StandInHandle;
afterEach(() => excel?.uninstall());

function setUp() {
  excel = installStandIn({ sheets: [LEDGER] });
  excel.workbook.sheet(LEDGER).setValues("A1", [
    ["事项", "备注"],
    ["自己记的", "+C18"],
  ]);
  return { actions: createExcelActions(), ledger: excel.workbook.sheet(LEDGER).snapshot() };
}

/** The sheet's values as the stand-in holds them. */
const valuesOf = (sheet: string) => excel.workbook.sheet(sheet).toGrid() as unknown[][];

const startsWith = (v: unknown, text: string) => typeof v === "string" && v.startsWith(text);

/** The cell under `title` in the first row (below the header) holding `task` (and `source`, when given). */
function cellOf(sheet: string, task: string, title: string, source = ""): string {
  const rows = valuesOf(sheet);
  const header = rows.findIndex((r) => r.includes(title));
  expect(header).toBeGreaterThanOrEqual(0);
  const row = rows.findIndex(
    (r, i) =>
      i > header &&
      r.some((v) => startsWith(v, task)) &&
      (source === "" || r.some((v) => startsWith(v, source)))
  );
  expect(row).toBeGreaterThan(header);
  return a1(row, rows[header].indexOf(title));
}

/** A user typing into a cell, as Excel would take it. */
function type(sheet: string, task: string, title: string, value: string, source = ""): void {
  excel.workbook.sheet(sheet).setValues(cellOf(sheet, task, title, source), [[value]]);
}

const valueAt = (sheet: string, task: string, title: string, source = "") =>
  excel.workbook.sheet(sheet).cell(cellOf(sheet, task, title, source)).value;

/** The conditional-format formulas over a row's 截止日期 cell. */
const formulasOf = (sheet: string, task: string) =>
  excel.workbook
    .sheet(sheet)
    .cell(cellOf(sheet, task, "截止日期"))
    .conditionalFormats.map((cf) => cf.formula ?? "");

/** Runs a command with the sync counter reset, prints its syncs, and checks they stay few. */
async function counted<T>(name: string, work: () => Promise<T>): Promise<T> {
  excel.stats.reset();
  const result = await work();
  console.log(`${name}: ${excel.stats.syncs} syncs`);
  expect(excel.stats.syncs).toBeLessThanOrEqual(MAX_SYNCS);
  return result;
}

describe("导入 with tracking columns", () => {
  test("adds 截止日期, 完成状态, 进展情况 and keeps what was typed through a re-import", async () => {
    const { actions, ledger } = setUp();
    await actions.importSeeds(noProgress, AT);
    const header = valuesOf("市重点工作")[1];
    expect(header.slice(-3)).toEqual(["截止日期", "完成状态", "进展情况"]);
    type("市重点工作", CITY_TASK, "完成状态", "推进中");
    type("市重点工作", CITY_TASK, "进展情况", "天大科技园已开园运营。");

    await counted("导入 again", () => actions.importSeeds(noProgress, AT));
    expect(valueAt("市重点工作", CITY_TASK, "完成状态")).toBe("推进中");
    expect(valueAt("市重点工作", CITY_TASK, "进展情况")).toBe("天大科技园已开园运营。");
    // Keyed on the chosen day, not TODAY(): the sheet keeps showing 2022-09-30.
    const formulas = formulasOf("市重点工作", CITY_TASK);
    expect(formulas.some((f) => f.includes("DATE(2022,9,30)"))).toBe(true);
    expect(formulas.some((f) => f.includes("TODAY()"))).toBe(false);
    expect(excel.workbook.sheet(LEDGER).snapshot()).toEqual(ledger);
  });

  test("without options, colours follow TODAY()", async () => {
    const { actions } = setUp();
    await actions.importSeeds(noProgress);
    const formulas = formulasOf("区重点工作", DISTRICT_TASK);
    expect(formulas.some((f) => f.includes("TODAY()"))).toBe(true);
  });
});

describe("生成单位表 in the workbook", () => {
  test("writes a sheet per lead unit and a re-run keeps the typed 完成状态", async () => {
    const { actions, ledger } = setUp();
    await actions.importSeeds(noProgress, AT);
    const first = await counted("生成单位表", () =>
      actions.buildUnitSheets({ by: "unit", ...AT }, noProgress)
    );
    expect(first.sheets).toContain("单位-区科技局");
    expect(first.sheets).toContain("单位-区发展改革委");
    expect(first.stale).toEqual([]);
    expect(first.summary).toBe(`已生成 ${first.sheets.length} 张单位表（按牵头单位）。`);
    for (const sheet of first.sheets) expect(excel.workbook.sheetNames()).toContain(sheet);

    type("单位-区科技局", CITY_TASK, "完成状态", "已完成", "市重点工作");
    type("单位-区科技局", CITY_TASK, "进展情况", "已开园。", "市重点工作");
    const again = await counted("生成单位表 again", () =>
      actions.buildUnitSheets({ by: "unit", ...AT }, noProgress)
    );
    expect(again.sheets).toEqual(first.sheets);
    expect(valueAt("单位-区科技局", CITY_TASK, "完成状态", "市重点工作")).toBe("已完成");
    expect(valueAt("单位-区科技局", CITY_TASK, "进展情况", "市重点工作")).toBe("已开园。");
    // The same task reached through 关键任务 was not typed into.
    expect(valueAt("单位-区科技局", CITY_TASK, "完成状态", "关键任务")).toBe("");
    expect(excel.workbook.sheet(LEDGER).snapshot()).toEqual(ledger);
  });

  test("按分管领导 writes leader sheets beside the unit sheets", async () => {
    const { actions } = setUp();
    await actions.importSeeds(noProgress, AT);
    const units = await actions.buildUnitSheets({ by: "unit", ...AT }, noProgress);
    const leaders = await actions.buildUnitSheets({ by: "leader", ...AT }, noProgress);
    expect(leaders.sheets.length).toBeGreaterThan(0);
    for (const sheet of leaders.sheets) expect(sheet.startsWith("领导-")).toBe(true);
    expect(leaders.summary).toMatch(/^已生成 \d+ 张领导表（按分管领导）。$/);
    for (const sheet of units.sheets) expect(excel.workbook.sheetNames()).toContain(sheet);
  });

  test("asks for 导入 first when there is no imported table", async () => {
    const { actions } = setUp();
    await expect(actions.buildUnitSheets({ by: "unit", ...AT }, noProgress)).rejects.toThrow(
      "没有找到导入的责任分解表：请先点“导入分解表”或“导入示例表”。"
    );
  });
});

describe("回填 in the workbook", () => {
  test("fills the master from the unit sheet and lists the field both sides changed", async () => {
    const { actions, ledger } = setUp();
    await actions.importSeeds(noProgress, AT);
    await actions.buildUnitSheets({ by: "unit", ...AT }, noProgress);
    type("单位-区科技局", CITY_TASK, "完成状态", "已完成", "市重点工作");
    type("单位-区科技局", CITY_TASK, "进展情况", "已开园。", "市重点工作");
    type("市重点工作", CITY_TASK, "完成状态", "推进中");

    const outcome = await counted("回填", () => actions.backfill(noProgress));
    expect(outcome.applied).toBe(1);
    expect(outcome.summary).toBe("回填完成：更新 1 处，冲突 1 处待确认。");
    expect(outcome.conflicts).toHaveLength(1);
    const [conflict] = outcome.conflicts;
    expect(conflict.message).toBe(
      "「市重点工作」序号2的完成状态：总表上次同步后也改成了「推进中」，「单位-区科技局」为「已完成」。两边不一致，请选择保留哪一个。"
    );
    expect(valueAt("市重点工作", CITY_TASK, "进展情况")).toBe("已开园。");
    // Nothing is written for the conflict until the user chooses.
    expect(valueAt("市重点工作", CITY_TASK, "完成状态")).toBe("推进中");

    const resolved = await counted("回填 choices", () =>
      actions.resolveConflicts([{ conflict, value: "已完成" }], noProgress)
    );
    expect(resolved).toEqual({ resolved: 1 });
    expect(valueAt("市重点工作", CITY_TASK, "完成状态")).toBe("已完成");
    const settled = await actions.backfill(noProgress);
    expect([settled.applied, settled.conflicts]).toEqual([0, []]);
    expect(excel.workbook.sheet(LEDGER).snapshot()).toEqual(ledger);
  });

  test("asks for unit sheets first", async () => {
    const { actions } = setUp();
    await actions.importSeeds(noProgress, AT);
    await expect(actions.backfill(noProgress)).rejects.toThrow(
      "没有找到单位表：请先点“生成单位表”，待各单位填写完成状态和进展情况后再回填。"
    );
  });
});

describe("汇总 in the workbook", () => {
  test("writes the 汇总 sheet with the figures summarize() gives on the same tables", async () => {
    const { actions, ledger } = setUp();
    await actions.importSeeds(noProgress, AT);
    type("区重点工作", DISTRICT_TASK, "完成状态", "已完成");
    const { summary, sheet } = await counted("汇总", () =>
      actions.summarize({ checkDate: CHECK_DATE }, noProgress)
    );
    expect(sheet).toBe("汇总");
    expect(excel.workbook.activeSheet).toBe("汇总");
    expect(valuesOf("汇总")[0][0]).toBe("督办情况汇总（截至2022年9月30日）");
    expect(valuesOf("汇总").map((r) => r[0])).toContain(summary.sentences[0]);

    // The four 导入 sheets as they stand, read straight from the stand-in, through the core.
    const tables = ["市重点工作", "关键任务", "区重点工作", "民心工程"].map((name) => {
      const view = excel.workbook.sheet(name);
      const grid: Grid = {
        sheet: name,
        top: 0,
        left: 0,
        values: view.toGrid() as Grid["values"],
        numberFormats: view.toGrid("numberFormat") as string[][],
        // 导入 writes real merges over an item's sub-rows; the core reads them as stated.
        merges: view.model.merges.map(({ row, col, rowCount, colCount }) => ({
          row,
          col,
          rowCount,
          colCount,
        })),
        hiddenColumns: [],
      };
      const read = readGridTable(grid);
      if (!read.table) throw new Error(`cannot read ${name}`);
      return read.table;
    });
    const roster = defaultRoster();
    const { issues } = validate(tables, { roster, checkDate: CHECK_DATE });
    const expected = summarize(tables, issues, { checkDate: CHECK_DATE, roster });
    expect(summary.overall).toEqual(expected.overall);
    expect(summary.units).toEqual(expected.units);
    expect(summary.leaders).toEqual(expected.leaders);
    expect(summary.sentences).toEqual(expected.sentences);
    expect(summary.overall.total).toBe(170);
    expect(summary.overall.done).toBe(1);
    expect(excel.workbook.sheet(LEDGER).snapshot()).toEqual(ledger);
  });

  test("leaves a user's own sheet named 汇总 alone and writes beside it", async () => {
    excel = installStandIn({ sheets: ["汇总"] });
    excel.workbook.sheet("汇总").setValues("A1", [["我自己的汇总"]]);
    const own = excel.workbook.sheet("汇总").snapshot();
    const actions = createExcelActions();
    await actions.importSeeds(noProgress, AT);
    const first = await actions.summarize({ checkDate: CHECK_DATE }, noProgress);
    expect(first.sheet).not.toBe("汇总");
    expect(first.sheet.startsWith("汇总")).toBe(true);
    expect(excel.workbook.sheet("汇总").snapshot()).toEqual(own);
    // A second run finds its own sheet again by its marker.
    const second = await actions.summarize({ checkDate: CHECK_DATE }, noProgress);
    expect(second.sheet).toBe(first.sheet);
    expect(excel.workbook.sheetNames().filter((n) => n.startsWith("汇总"))).toHaveLength(2);
  });
});

describe("at ExcelApi 1.7 (Office 2019: no custom properties, data validation or notes)", () => {
  test("unit sheets are found again through the settings markers; 回填 and 汇总 work", async () => {
    excel = installStandIn({ excelApi: "1.7", sheets: [LEDGER] });
    const actions = createExcelActions();
    await actions.importSeeds(noProgress, AT);
    const first = await actions.buildUnitSheets({ by: "unit", ...AT }, noProgress);
    type("单位-区科技局", CITY_TASK, "进展情况", "已开园。", "市重点工作");
    const again = await actions.buildUnitSheets({ by: "unit", ...AT }, noProgress);
    expect(again.sheets).toEqual(first.sheets);
    expect(valueAt("单位-区科技局", CITY_TASK, "进展情况", "市重点工作")).toBe("已开园。");
    const filled = await actions.backfill(noProgress);
    expect([filled.applied, filled.conflicts]).toEqual([1, []]);
    expect(valueAt("市重点工作", CITY_TASK, "进展情况")).toBe("已开园。");
    const { sheet } = await actions.summarize({ checkDate: CHECK_DATE }, noProgress);
    expect(sheet).toBe("汇总");
  });
});

describe("syncs grow with the payload, not with rows", () => {
  /** Syncs of 生成单位表 and 汇总 on a workbook holding one 导入-marked district table of `rows` rows. */
  async function syncsAt(rows: number) {
    excel = installStandIn({ sheets: [LEDGER] });
    await applyPatch({ sheets: [breakdownSheetOp("区重点工作", rows)] });
    const actions = createExcelActions();
    await counted(`生成单位表 at ${rows} rows`, () =>
      actions.buildUnitSheets({ by: "unit", ...AT }, noProgress)
    );
    const units = excel.stats.syncs;
    const summary = await counted(`汇总 at ${rows} rows`, () =>
      actions.summarize({ checkDate: CHECK_DATE }, noProgress)
    );
    expect(summary.summary.overall.total).toBe(rows);
    return { units, summary: excel.stats.syncs };
  }

  // 200 rows hold every row of the district table once; 2,000 repeat it ten times. Ten times the
  // rows add only the adapter's payload batches (a read or a write over ~4 MB is split): the
  // 2,000-row unit sheets are 9.8 MB as the runtime sends them, so three write requests.
  test("生成单位表 and 汇总 at 200 and at 2,000 rows", async () => {
    const small = await syncsAt(200);
    excel.uninstall();
    const large = await syncsAt(2_000);
    expect(large.units - small.units).toBeLessThanOrEqual(3);
    expect(large.summary - small.summary).toBeLessThanOrEqual(2);
  }, 120_000);
});
