import { conflictKey, conflictOptions } from "../../src/taskpane/conflictOptions";
import { CITY_TASK, seedBackfill } from "./fakeWorkbook";

/** 市重点工作 8 (关键任务 2), led by both 会展经济区管委会 and 区住房建设委; their sheets list it first. */
const SHARED_TASK = "推进会展经济片区建设";

describe("the choices the pane offers for a 回填 conflict", () => {
  test("master against one unit: 用总表的 / 用单位表的 with both values", () => {
    const [conflict] = seedBackfill().conflicts;
    expect(conflictOptions(conflict)).toEqual([
      { label: "用总表的", value: "推进中" },
      { label: "用单位表的", value: "已完成" },
    ]);
    expect(conflictKey(conflict)).toBe(
      `市重点工作!${conflict.masterCell.row},${conflict.masterCell.col}`
    );
    expect(conflict.task.startsWith(CITY_TASK)).toBe(true);
  });

  test("units that disagree: one choice per unit value, naming its sheet", () => {
    const { conflicts } = seedBackfill([
      { sheet: "单位-会展经济区管委会", task: SHARED_TASK, value: "已完成" },
      { sheet: "单位-区住房建设委", task: SHARED_TASK, value: "推进中" },
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflictOptions(conflicts[0])).toEqual([
      { label: "用总表的", value: "" },
      { label: "用「单位-会展经济区管委会」的", value: "已完成" },
      { label: "用「单位-区住房建设委」的", value: "推进中" },
    ]);
  });

  test("units that agree are one choice", () => {
    const { conflicts } = seedBackfill([
      { sheet: "单位-会展经济区管委会", task: SHARED_TASK, value: "已完成" },
      { sheet: "单位-区住房建设委", task: SHARED_TASK, value: "已完成" },
      { sheet: "市重点工作", task: SHARED_TASK, value: "推进中" },
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflictOptions(conflicts[0])).toEqual([
      { label: "用总表的", value: "推进中" },
      { label: "用单位表的", value: "已完成" },
    ]);
  });
});
