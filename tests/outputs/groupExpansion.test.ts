import { readGridTable } from "../../src/core/grid/gridTable";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { buildUnitSheets, type MasterSheet } from "../../src/core/outputs/unitSheets";
import type { SheetOpInput } from "../../src/core/patch/schema";
import { learnRoster } from "../../src/core/roster/learn";
import { defaultRoster } from "../../src/core/roster/load";
import { summaryFigures } from "../../src/core/summary/figures";
import { seedNameCells } from "../roster/seedCells";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTables } from "../support/seeds";

const AT = { checkDate: "2022-09-30" };
const masters: MasterSheet[] = seedTables().map((t) => {
  const read = readGridTable(gridOfSheetOp(buildImportSheet(t, undefined, AT).op));
  if (!read.table) throw new Error(read.problems[0].message);
  return { table: read.table, layout: read.layout };
});

const names = (text: string) => text.split(/[、，\s]+/u);
const namesGroup = (text: string) => names(text).some((n) => n === "各镇" || n === "各镇街");
/** 配合单位 cells of the seeds that name 各镇 or 各镇街 as a name of their own, read without the product's code. */
const groupCells = seedNameCells().filter((c) => c.field === "coop" && namesGroup(c.text));
/** The rows they stand in: a cell merged down over rows 1–5 of 附件3 is one cell of five rows. */
const groupRows = seedTables().flatMap((t) =>
  t.rows.filter((r) => namesGroup(r.fields.coop ?? ""))
);

const band = (op: SheetOpInput | undefined, numeral: string) =>
  (op?.values?.[0].values ?? [])
    .map((r) => r[0])
    .find((v) => typeof v === "string" && v.startsWith(`${numeral}、`));

describe("groups whose members the 名册 lists (shipped roster: 各镇, 各镇街)", () => {
  const roster = defaultRoster();
  const result = buildUnitSheets(masters, { ...AT, roster });
  const sheet = (name: string) => result.sheets.find((s) => s.sheet === name);

  test("the seeds have 13 配合单位 cells naming 各镇 or 各镇街, over 17 rows", () => {
    expect(groupCells).toHaveLength(13);
    expect(groupRows).toHaveLength(17);
  });

  test("单位-咸水沽镇 lists those 17 配合事项, saying where they came from", () => {
    // The groups are named in the order the (deadline-sorted) list first meets them.
    expect(band(sheet("单位-咸水沽镇"), "二")).toMatch(
      /^二、配合事项（17项，其中17项来自(“各镇街”“各镇”|“各镇”“各镇街”)）$/
    );
    expect(result.placed.find((p) => p.key === "咸水沽镇")?.coop).toBe(17);
  });

  test("a street office is given 各镇街's tasks but not 各镇's", () => {
    const streets = groupRows.filter((r) => names(r.fields.coop ?? "").includes("各镇街"));
    expect(result.placed.find((p) => p.key === "海棠街")?.coop).toBe(streets.length);
  });

  test("group words that are not units never become unit sheets", () => {
    const names = result.placed.map((p) => p.key);
    for (const word of ["各镇", "各镇街", "各相关镇街", "各招商主体单位", "12个招商主体"])
      expect(names).not.toContain(word);
    expect(names.some((n) => n.endsWith("成员单位"))).toBe(false);
  });

  test("汇总 counts them per member and says how many came through a group", () => {
    const figures = summaryFigures(seedTables(), [], { ...AT, roster });
    const town = figures.units.find((u) => u.unit === "咸水沽镇")!;
    expect(town.coop).toBe(17);
    expect(town.viaGroup).toBe(17);
    expect(figures.units.find((u) => u.unit === "区发展改革委")?.viaGroup).toBe(0);
  });
});

describe("the same from a learned 名册: the towns come from the tables themselves", () => {
  const learned = learnRoster(seedTables()).roster;
  const result = buildUnitSheets(masters, { ...AT, roster: learned });

  test("咸水沽镇, named in the tables, gets the 17 配合事项 of 各镇/各镇街", () => {
    expect(result.placed.find((p) => p.key === "咸水沽镇")?.coop).toBe(17);
  });

  test("小站镇, which no cell names, is not invented", () => {
    expect(result.placed.some((p) => p.key === "小站镇")).toBe(false);
  });
});
