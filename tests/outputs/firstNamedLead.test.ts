import { buildUnitSheets } from "../../src/core/outputs/unitSheets";
import type { PatchCell, SheetOpInput } from "../../src/core/patch/schema";
import { defaultRoster } from "../../src/core/roster";
import { summarize } from "../../src/core/summary";
import { leadIsFirstNamed, rolesIn } from "../../src/core/tracking/assign";
import { realMaster as master } from "../support/realMaster";

/**
 * 海盐县 2022 lists every task's units in one 责任单位 cell and says, in its first cell, that the
 * first-named unit leads (县发改局(首位单位为牵头单位,下同)、县财政局、县税务局、县农业农村局):
 * the others cooperate — on their unit sheets, in 汇总 and in 下发. A table that says nothing of the
 * kind (大竹县 2016: several units in one 责任单位 cell) keeps every unit as a lead.
 */
const roster = defaultRoster();
const AT = { checkDate: "2022-09-30" };

const cells = (op: SheetOpInput): PatchCell[][] => op.values?.[0].values ?? [];
const headings = (ops: readonly SheetOpInput[], name: string) => {
  const op = ops.find((o) => o.sheet === name);
  if (!op) throw new Error(`no sheet ${name}`);
  return cells(op)
    .map((r) => r[0])
    .filter((v) => typeof v === "string" && /^[一二]、/.test(v));
};

describe("the first-named unit leads where the table says so (海盐县 2022)", () => {
  test("row 1: 县发改局 leads, 县财政局、县税务局、县农业农村局 cooperate", async () => {
    const { table } = await master("haiyan-2022-list");
    expect(leadIsFirstNamed(table)).toBe(true);
    const roles = rolesIn(table, table.rows[0], "unit", roster);
    expect([...roles].map(([name, a]) => [name, a.role])).toEqual([
      ["县发改局", "lead"],
      ["县财政局", "coop"],
      ["县税务局", "coop"],
      ["县农业农村局", "coop"],
    ]);
  });

  test("县财政局's sheet: item 2 it leads, item 1 it cooperates on", async () => {
    const { sheets } = buildUnitSheets([await master("haiyan-2022-list")], { ...AT, roster });
    expect(headings(sheets, "单位-县财政局")).toEqual([
      "一、牵头事项（1项）",
      "二、配合事项（1项）",
    ]);
    expect(headings(sheets, "单位-县税务局")).toEqual([
      "一、牵头事项（0项）",
      "二、配合事项（1项）",
    ]);
  });

  test("汇总 counts 县财政局 once as lead and once as cooperating unit", async () => {
    const { table } = await master("haiyan-2022-list");
    const summary = summarize([table], [], { ...AT, roster });
    const unit = (name: string) => summary.units.find((u) => u.unit === name);
    expect([unit("县发改局")?.lead, unit("县发改局")?.coop]).toEqual([1, 0]);
    expect([unit("县财政局")?.lead, unit("县财政局")?.coop]).toEqual([1, 1]);
  });

  test("大竹县 2016 says nothing of the kind: every unit of a 责任单位 cell leads", async () => {
    const { table } = await master("dazhu-2016-minsheng");
    expect(leadIsFirstNamed(table)).toBe(false);
    const roles = rolesIn(table, table.rows[0], "unit", roster);
    expect([...roles.values()].every((a) => a.role === "lead")).toBe(true);
    expect(roles.size).toBe(3);
  });
});
