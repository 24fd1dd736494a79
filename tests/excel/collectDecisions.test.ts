import { createExcelActions } from "../../src/excel/workflows";
import { a1 } from "../../src/core/patch/address";
import { conflictingReturn, DATE, decisionCell, noProgress, read, SHEET } from "./conflictFixture";
import { DISTRICT_HEADER } from "./fixtures";

/**
 * Issue 16: a 处理 the user picked in 回收情况 for a conflict is taken up by the next 回收 of the
 * identical conflict in the pane's workflow, as `duban collect` takes it up; a line about
 * something else is not, and is said so.
 */

type Actions = ReturnType<typeof createExcelActions>;

/** The pane's 回收进展 step on one returned file, as the user picks it again. */
async function collectFile(actions: Actions, path: string) {
  return actions.collectReturns({ sources: [await read(path)], unreadable: [] }, noProgress);
}

test("a 处理 chosen in 回收情况 starts picked for the identical conflict of the next 回收", async () => {
  const { standIn, path } = await conflictingReturn();
  const actions = createExcelActions();
  const first = await collectFile(actions, path);
  expect(first.decisions).toHaveLength(1);
  expect(first.recorded).toBeUndefined();
  const [decision] = first.decisions;
  expect(decision.master).toBe("推进中");
  expect(decision.returned).toBe("已完成");
  await actions.applyCollect(first, [], { checkDate: DATE }, noProgress);
  const kept = decisionCell(standIn);
  expect(kept.value).toBe(decision.options[0].label);

  // The user picks the return's value in 回收情况's drop-down, then takes the same file in again.
  const take = decision.options.findIndex((o) => o.kind === "return");
  expect(take).toBeGreaterThan(0);
  standIn.workbook.sheet("回收情况").setValues(kept.address, [[decision.options[take].label]]);
  const again = await collectFile(actions, path);
  expect(again.decisions).toHaveLength(1);
  expect(again.recorded).toEqual([take]);
  expect(again.recordedNotes).toEqual([]);
});

test("a 处理 about a conflict that has changed is not taken, and is said so", async () => {
  const { standIn, path } = await conflictingReturn();
  const actions = createExcelActions();
  const first = await collectFile(actions, path);
  await actions.applyCollect(first, [], { checkDate: DATE }, noProgress);
  const { address } = decisionCell(standIn);
  const take = first.decisions[0].options.findIndex((o) => o.kind === "return");
  standIn.workbook.sheet("回收情况").setValues(address, [[first.decisions[0].options[take].label]]);
  // Meanwhile the 督查室 changed its own value again: the line no longer describes this conflict.
  const grid = standIn.workbook.sheet(SHEET).toGrid() as unknown[][];
  const row = grid.findIndex((r) => r[DISTRICT_HEADER.length] === "推进中");
  standIn.workbook.sheet(SHEET).setValues(a1(row, DISTRICT_HEADER.length), [["已延期"]]);
  const again = await collectFile(actions, path);
  expect(again.decisions).toHaveLength(1);
  expect(again.recorded).toEqual([null]);
  expect(again.recordedNotes).toEqual([
    "「回收情况」中有 1 处待确认与本次回收对不上（总表或回收文件已变，或已不再冲突），其处理未采用。",
  ]);
});
