import { buildUnitSheets } from "../../src/core/outputs/unitSheets";
import type { PatchCell, SheetOpInput } from "../../src/core/patch/schema";
import { defaultRoster } from "../../src/core/roster";
import { summarize } from "../../src/core/summary";
import { realMaster as master } from "../support/realMaster";

/**
 * A 序号 merged over sub-rows (大竹县 item 5: 县老年养护楼 and 老年大学 under one 序号 and one
 * merged 责任单位; 岳阳楼区 item 9: three sub-targets of 机关事业单位养老保险) is one item: on
 * its unit's sheet the sub-rows stand under the item with its 序号 merged over them, and the item
 * is counted once, there and in 汇总.
 */
const roster = defaultRoster();
const AT = { checkDate: "2023-06-30" };

function sheet(ops: readonly SheetOpInput[], name: string): SheetOpInput {
  const op = ops.find((o) => o.sheet === name);
  if (!op) throw new Error(`no sheet ${name}`);
  return op;
}

const cells = (op: SheetOpInput): PatchCell[][] => op.values?.[0].values ?? [];
const col = (op: SheetOpInput, title: string) => (cells(op)[1] as string[]).indexOf(title);

describe("sub-rows under a merged 序号", () => {
  test("大竹县 县民政局: one item with its sub-row under it, 序号 merged over both", async () => {
    const { sheets } = buildUnitSheets([await master("dazhu-2016-minsheng")], { ...AT, roster });
    const op = sheet(sheets, "单位-县民政局");
    const rows = cells(op);
    expect(rows[2][0]).toBe("一、牵头事项（1项）");
    const task = col(op, "重点工作");
    expect(rows.slice(3, 5).map((r) => [r[0], r[task]])).toEqual([
      [1, "开工建设县老年养护楼。"],
      [null, "开工建设老年大学。"],
    ]);
    expect(op.merges).toContainEqual({ row: 3, col: 0, rowCount: 2, colCount: 1 });
  });

  test("岳阳楼区 区人社局: item 9's two sub-rows stay together under item 9, after item 2", async () => {
    const { sheets, placed } = buildUnitSheets([await master("yueyanglou-2017-progress")], {
      ...AT,
      roster,
    });
    const op = sheet(sheets, "单位-区人社局");
    const rows = cells(op);
    const [source, seq] = [col(op, "来源"), col(op, "原序号")];
    expect(rows[2][0]).toBe("一、牵头事项（2项）");
    expect(
      rows.slice(3, 6).map((r) => [r[0], (r[source] as { text: string }).text, r[seq]])
    ).toEqual([
      // 来源 names the sheet row each sub-row stands on (item 9 spans rows 11 and 12), 原序号
      // the item's 序号 in the master.
      [1, "完成情况!B4", "2"],
      [2, "完成情况!B11", "9"],
      [null, "完成情况!B12", "9"],
    ]);
    expect(op.merges).toContainEqual({ row: 4, col: 0, rowCount: 2, colCount: 1 });
    expect(placed.find((p) => p.key === "区人社局")?.lead).toBe(2);
  });

  test("汇总 counts each item once, with the units of all its sub-rows", async () => {
    const dazhu = await master("dazhu-2016-minsheng");
    const yue = await master("yueyanglou-2017-progress");
    const summary = summarize([dazhu.table, yue.table], [], { ...AT, roster });
    expect(summary.tables.map((t) => t.total)).toEqual([10, 9]);
    const unit = (name: string) => summary.units.find((u) => u.unit === name);
    expect(unit("县民政局")?.lead).toBe(1);
    expect(unit("区人社局")?.lead).toBe(2);
  });
});
