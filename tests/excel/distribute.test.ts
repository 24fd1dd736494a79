import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { createExcelActions } from "../../src/excel/workflows";
import { readReturnSource, workbookBytes } from "../../src/xlsx";
import type { ReturnSource } from "../../src/core/distribute/readReturn";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { UnitFile } from "../distribute/simulate";
import { DISTRICT_HEADER, districtRows, userSheetNames } from "./fixtures";

/**
 * 回收 through Office.js (the stand-in): the master is the open workbook, one unit's file goes
 * out through 下发 and comes back filled. A protected master sheet refuses the whole 回收 with
 * a Chinese message naming it, and the workbook is left exactly as it was.
 */
const SHEET = "区重点工作";
const DATE = "2022-09-30";
const noProgress = () => undefined;
const dir = mkdtempSync(join(tmpdir(), "duban-excel-distribute-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let excel: StandInHandle | undefined;
afterEach(() => {
  excel?.uninstall();
  excel = undefined;
});

/** The master (30 rows of the 区重点工作 seed, with 完成状态) and one unit's return, filled. */
async function masterAndReturn(): Promise<{ standIn: StandInHandle; source: ReturnSource }> {
  excel = installStandIn({ sheets: [SHEET] });
  const rows = districtRows(30).map((r) => [...r, ""]);
  excel.workbook.sheet(SHEET).setValues("A1", [[...DISTRICT_HEADER, "完成状态"], ...rows]);
  const plan = await createExcelActions().splitPlan({ date: DATE }, noProgress);
  const unit = plan.find((p) => p.lead > 0)!;
  const path = join(dir, unit.fileName);
  writeFileSync(path, await workbookBytes(unit.sheets));
  const file = await UnitFile.open(path);
  file.set(file.itemRows()[0], "status", "已完成");
  await file.save(path);
  const source = await readReturnSource(path, unit.fileName, new Date());
  if ("reason" in source) throw new Error(source.reason);
  return { standIn: excel, source };
}

test("a protected master sheet refuses 回收 by name, and nothing is written", async () => {
  const { standIn, source } = await masterAndReturn();
  const actions = createExcelActions();
  const result = await actions.collectReturns({ sources: [source], unreadable: [] }, noProgress);
  expect(result.writes.map((w) => w.after)).toEqual(["已完成"]);
  standIn.workbook.sheet(SHEET).model.protected = true;
  const before = standIn.workbook.snapshot();
  await expect(actions.applyCollect(result, [], { checkDate: DATE }, noProgress)).rejects.toThrow(
    `工作表「${SHEET}」受保护，其中的单元格无法写入，工作簿未做任何修改。`
  );
  expect(standIn.workbook.snapshot()).toEqual(before);
  expect(userSheetNames(standIn)).toEqual([SHEET]);

  // Unprotected, the same 回收 goes in: the value, 回收情况 and 汇总.
  standIn.workbook.sheet(SHEET).model.protected = false;
  await actions.applyCollect(result, [], { checkDate: DATE }, noProgress);
  const grid = standIn.workbook.sheet(SHEET).toGrid() as unknown[][];
  const col = grid[0].indexOf("完成状态");
  expect(grid.filter((r) => r[col] === "已完成")).toHaveLength(1);
  expect(userSheetNames(standIn)).toEqual(expect.arrayContaining([SHEET, "回收情况", "汇总"]));
});
