import { readGridTable } from "../../src/core/grid/gridTable";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { placesNamed } from "../../src/core/rules/figure/samePlan";
import type { Table } from "../../src/core/table/schema";
import { readXlsx } from "../../src/xlsx";
import { loadRealTable, realTableIds, realXlsxPath } from "../support/realTables";
import { seedTables } from "../support/seeds";

/**
 * figure.cross-table compares figures only within one plan: one year and one government. The
 * corpus holds two 2023 plans of two districts (蔡甸区: 固定资产投资增长10%以上; 立山区: 15%左右):
 * put in one workbook, their targets are not one indicator disagreeing with itself.
 */
const roster = defaultRoster();

async function realTable(id: string): Promise<Table> {
  const read = readGridTable((await readXlsx(realXlsxPath(id))).grids[0]);
  if (!read.table) throw new Error(read.problems[0].message);
  // Sheet names repeat across the corpus (民生实事, 责任分解): the file id keeps tables apart.
  return { ...read.table, id };
}

const crossTable = (tables: readonly Table[]) =>
  validate(tables, { roster })
    .issues.filter((i) => i.rule === "figure.cross-table")
    .map((i) => [i.table, i.row, i.evidence]);

describe("which plan a table is", () => {
  test("the places titles name as their own", () => {
    const seeds = seedTables().map((t) => placesNamed(t.title));
    expect(seeds).toEqual([["津南区"], ["津南区"], ["津南区"], ["天津市", "津南区"]]);
    const real = Object.fromEntries(
      realTableIds().map((id) => [id, placesNamed(loadRealTable(id).sheet.titleRows.join(""))])
    );
    expect(real).toEqual({
      "baoshan-2008-list": [],
      "caidian-2023-list": [],
      "cangnan-2022-progress": [],
      "chuzhou-2020-list": ["滁州市"],
      "dazhu-2016-minsheng": [],
      "guandu-2016-list": ["官渡区"],
      "haiyan-2022-list": [],
      "jiayu-2021-list": [],
      "kaihua-2023-q1-progress": ["开化县"],
      "lishan-2023-list": ["立山区"],
      "shangcheng-2019-targets": [],
      "shaoxing-2020-q1-progress": [],
      "sizhoutou-2024-q2-progress": ["泗洲头镇"],
      "yueyanglou-2017-progress": ["岳阳楼区"],
      "zhonglou-2021-minsheng": [],
    });
  });
});

describe("figure.cross-table across governments", () => {
  test("two districts' 2023 plans in one workbook: their targets are not compared", async () => {
    const tables = await Promise.all(
      ["caidian-2023-list", "lishan-2023-list", "kaihua-2023-q1-progress"].map(realTable)
    );
    expect(tables.map((t) => t.planYear)).toEqual([2023, 2023, 2023]);
    expect(crossTable(tables)).toEqual([]);
  });

  test("the whole corpus in one workbook: no figure compared across places", async () => {
    const tables = await Promise.all(realTableIds().map(realTable));
    expect(crossTable(tables)).toEqual([]);
  });

  test("the seeds keep their three conflicts beside another county's 2022 table", async () => {
    const cangnan = await realTable("cangnan-2022-progress");
    expect(cangnan.planYear).toBe(2022);
    const seedsOnly = crossTable(seedTables());
    expect(seedsOnly).toEqual([
      ["district", 12, "530家、550家"],
      ["minxin", 3, "1200个、2520个"],
      ["minxin", 23, "16条"],
    ]);
    expect(crossTable([...seedTables(), cangnan])).toEqual(seedsOnly);
  });
});
