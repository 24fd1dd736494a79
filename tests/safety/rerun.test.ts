import type ExcelJS from "exceljs";
import { join } from "path";
import { createExcelActions } from "../../src/excel/workflows";
import { loadXlsx, readXlsx, writeXlsx } from "../../src/xlsx";
import { plainValue } from "../../src/xlsx/cellValue";
import { checkedSeedMaster, duban } from "../support/cli";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { renameSheet } from "../support/renameSheet";
import { scratchDir } from "../support/scratchDir";

/**
 * Issue 18, finding 2 (a re-run of `check -o` dropped what units typed into their sheets) and
 * the clash of a user's own sheet with a name a generated sheet wants (the run stopped).
 */

// The real CLI and large workbooks: slow on a loaded machine.
jest.setTimeout(240_000);

const dir = scratchDir("duban-rerun-");
/** 市重点工作 序号2, led by 区科技局; 关键任务 1 is the same task. */
const CITY_TASK = "全面提升大学科技园建设水平";
const UNIT = "单位-区科技局";

/** The row of `sheet` holding CITY_TASK from 市重点工作, and the column of each header title. */
function taskRow(sheet: ExcelJS.Worksheet): { row: ExcelJS.Row; col: (title: string) => number } {
  let header: ExcelJS.Row | undefined;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    const texts = (row.values as ExcelJS.CellValue[]).map((v) => String(plainValue(v) ?? ""));
    if (!header && texts.includes("完成状态")) header = row;
    else if (
      header &&
      !found &&
      texts.some((t) => t.startsWith(CITY_TASK)) &&
      texts.some((t) => t.startsWith("市重点工作"))
    )
      found = row;
  });
  expect(header && found).toBeTruthy();
  const titles = (header!.values as ExcelJS.CellValue[]).map((v) => String(plainValue(v) ?? ""));
  return { row: found!, col: (title) => titles.indexOf(title) };
}

describe("check -o on a workbook it checked before", () => {
  const first = join(dir, "第一次.xlsx");
  const typed = join(dir, "单位已填写.xlsx");
  const second = join(dir, "第二次.xlsx");

  test("keeps what units typed into 完成状态 and 进展情况 on their sheets", async () => {
    expect((await checkedSeedMaster(first)).status).toBe(0);
    const workbook = await loadXlsx(first);
    const { row, col } = taskRow(workbook.getWorksheet(UNIT)!);
    row.getCell(col("完成状态")).value = "已完成";
    row.getCell(col("进展情况")).value = "已开园，入驻企业 12 家。";
    await writeXlsx(workbook, typed);

    const run = duban("check", typed, "--date", "2022-10-31", "-o", second);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const again = (await readXlsx(second)).workbook.getWorksheet(UNIT)!;
    const kept = taskRow(again);
    expect(kept.row.getCell(kept.col("完成状态")).value).toBe("已完成");
    expect(kept.row.getCell(kept.col("进展情况")).value).toBe("已开园，入驻企业 12 家。");
  });

  test("a user's own 汇总, 校验结果 and 单位- sheet stay; the generated ones get other names", async () => {
    const workbook = await loadXlsx(first);
    for (const name of ["汇总", "校验结果", UNIT]) {
      // Renamed (as Excel renames: its defined names follow it), the generated sheet is the
      // user's — its record names it no more; a new sheet of the user's then takes the name.
      renameSheet(workbook, name, `旧${name}`);
      workbook.addWorksheet(name).getCell("A1").value = `我自己的${name}`;
    }
    const mine = join(dir, "有同名工作表.xlsx");
    await writeXlsx(workbook, mine);

    const out = join(dir, "有同名工作表-校验.xlsx");
    const run = duban("check", mine, "--date", "2022-09-30", "-o", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "工作簿中已有您自己的工作表「汇总」，未改动它；汇总写入「汇总(2)」。"
    );
    expect(run.stdout).toContain(
      "工作簿中已有您自己的工作表「校验结果」，未改动它；校验结果写入「校验结果(2)」。"
    );
    expect(run.stdout).toContain(`工作簿中已有您自己的工作表「${UNIT}」，未改动它`);
    const read = await readXlsx(out);
    for (const name of ["汇总", "校验结果", UNIT]) {
      expect(read.workbook.getWorksheet(name)!.getCell("A1").value).toBe(`我自己的${name}`);
      expect(read.sheets.find((s) => s.name === name)!.generated).toBeNull();
    }
    expect(read.sheets.find((s) => s.name === "汇总(2)")!.generated?.kind).toBe("summary");
    expect(read.sheets.find((s) => s.name === "校验结果(2)")!.generated?.kind).toBe("issues");
    const unit = read.sheets.find(
      (s) => s.generated?.kind === "unit" && s.generated.key === "区科技局"
    );
    expect(unit?.name).not.toBe(UNIT);
  });
});

describe("the add-in, with a user's own 汇总 and 校验结果", () => {
  let excel: StandInHandle;
  afterEach(() => excel?.uninstall());

  test("校验 and 汇总 write to 校验结果(2) and 汇总(2), say so, and leave the user's sheets", async () => {
    excel = installStandIn({ sheets: ["汇总", "校验结果"] });
    excel.workbook.sheet("汇总").setValues("A1", [["我自己的汇总"]]);
    excel.workbook.sheet("校验结果").setValues("A1", [["我自己的校验结果"]]);
    const actions = createExcelActions();
    await actions.importSeeds(() => undefined);
    const checked = await actions.validate({ checkDate: "2022-09-30" }, () => undefined);
    expect(checked.fallbacks).toContain(
      "工作簿中已有您自己的工作表「校验结果」，未改动它；校验结果写入「校验结果(2)」。"
    );
    const summed = await actions.summarize({ checkDate: "2022-09-30" }, () => undefined);
    expect(summed.sheet).toBe("汇总(2)");
    expect(excel.workbook.sheetNames()).toEqual(expect.arrayContaining(["校验结果(2)", "汇总(2)"]));
    expect(excel.workbook.sheet("汇总").cell("A1").value).toBe("我自己的汇总");
    expect(excel.workbook.sheet("校验结果").cell("A1").value).toBe("我自己的校验结果");
    // A second run finds its own sheets again.
    await actions.validate({ checkDate: "2022-09-30" }, () => undefined);
    expect(excel.workbook.sheetNames().filter((n) => n.startsWith("校验结果"))).toHaveLength(2);
  });
});
