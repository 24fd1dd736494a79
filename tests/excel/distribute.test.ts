import { createExcelActions } from "../../src/excel/workflows";
import type { ReturnSource } from "../../src/core/distribute/readReturn";
import type { StandInHandle } from "../support/excel-standin";
import { DATE, masterAndFilledReturn, noProgress, read, SHEET } from "./conflictFixture";
import { userSheetNames } from "./fixtures";

/**
 * 回收 through Office.js (the stand-in): the master is the open workbook, one unit's file goes
 * out through 下发 and comes back filled. A protected master sheet refuses the whole 回收 with
 * a Chinese message naming it, and the workbook is left exactly as it was.
 */
/** The master and one unit's return, filled (conflictFixture). */
async function masterAndReturn(): Promise<{ standIn: StandInHandle; source: ReturnSource }> {
  const { standIn, path } = await masterAndFilledReturn();
  return { standIn, source: await read(path) };
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
