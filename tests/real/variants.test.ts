import { readGridTable, type GridTable } from "../../src/core/grid/gridTable";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import type { CellValue, Grid } from "../../src/core/grid/schema";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { isSubRow } from "../../src/core/rules/numbering/seqNumbers";
import { readXlsx } from "../../src/xlsx";
import { realXlsxPath } from "../support/realTables";

/**
 * The shapes other places print their tables in, made from the real tables of the corpus by the
 * change a clerk elsewhere would make: another wording of a header, a heading row between items,
 * 序号 restarting per section, a person after the unit, an impossible date.
 */

async function gridOf(id: string): Promise<Grid> {
  return (await readXlsx(realXlsxPath(id))).grids[0];
}

function read(grid: Grid): GridTable {
  const result = readGridTable(grid);
  if (!result.table) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result as GridTable;
}

/** A copy of the grid with the cell at a 1-based sheet row and 0-based sheet column set. */
function edit(grid: Grid, changes: [row: number, col: number, value: CellValue][]): Grid {
  const values = grid.values.map((r) => [...r]);
  for (const [row, col, value] of changes) values[row - 1 - grid.top][col - grid.left] = value;
  return { ...grid, values };
}

/** A copy with rows put in before a 1-based sheet row (merges below it are moved down). */
function insertRows(grid: Grid, before: number, rows: CellValue[][]): Grid {
  const at = before - 1 - grid.top;
  const width = grid.values[0].length;
  const values = [
    ...grid.values.slice(0, at),
    ...rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]),
    ...grid.values.slice(at),
  ];
  const merges = grid.merges.map((m) =>
    m.row >= before - 1 ? { ...m, row: m.row + rows.length } : m
  );
  return { ...grid, values, merges };
}

const alarms = (t: GridTable) =>
  validate([t.table], { roster: defaultRoster() }).issues.filter(
    (i) =>
      i.severity !== "info" &&
      !["unit.unknown", "unit.alias", "leader.unknown", "leader.alias"].includes(i.rule)
  );

describe("tables of other places, in the shapes they are printed in", () => {
  test("分 管 县领导 with spaces, 牵头负责领导, 协同责任单位 are read by meaning", async () => {
    const grid = await gridOf("zhonglou-2021-minsheng");
    for (const [leader, coop] of [
      ["分 管 县领导", "协同责任单位"],
      ["牵头负责领导", "协办单位"],
      ["县政府分管领导", "参与单位"],
    ]) {
      const t = read(
        edit(grid, [
          [2, 3, leader],
          [2, 5, coop],
        ])
      );
      expect(t.table.columns.map((c) => c.key)).toEqual([
        "seq",
        "task",
        "detail",
        "leader",
        "lead",
        "coop",
      ]);
    }
  });

  test("a cell holding a unit and its responsible person is split into unit and 责任人", async () => {
    const grid = await gridOf("zhonglou-2021-minsheng");
    const t = read(edit(grid, [[3, 4, "教育局 何海平"]]));
    expect(t.table.rows[0].fields).toMatchObject({ lead: "教育局", person: "何海平" });
    expect(t.table.columns.map((c) => c.key)).toContain("person");
  });

  test("of progress columns for two periods the later is the current one, the earlier kept", async () => {
    const grid = await gridOf("yueyanglou-2017-progress");
    const t = read(edit(grid, [[2, 6, "1-7月实际完成情况"]]));
    expect(t.table.reading?.find((r) => r.title === "1-7月实际完成情况")).toEqual({
      title: "1-7月实际完成情况",
      key: "progress",
      history: true,
    });
    expect(t.table.rows[0].fields.progress).toBe("700");
    expect(t.table.rows[0].history).toEqual({ "1-7月实际完成情况": "54%" });
  });

  test("a （一） heading between 1. items is a heading, not a task without a unit", async () => {
    const grid = await gridOf("lishan-2023-list");
    const t = read(insertRows(grid, 4, [["(一)", "经济社会发展的主要预期目标"]]));
    expect(t.table.rows).toHaveLength(6);
    expect(t.table.rows[0].fields.domain).toBe("(一)经济社会发展的主要预期目标");
    expect(alarms(t)).toEqual([]);
  });

  test("序号 restarting at 1 in each section is the table's style; a repeat inside one is not", async () => {
    const grid = await gridOf("lishan-2023-list");
    // Items 4–6 under a second section, numbered 1. 2. 3. again.
    const restarted = insertRows(
      edit(grid, [
        [7, 0, "1."],
        [8, 0, "2."],
        [9, 0, "3."],
      ]),
      7,
      [["二、经济社会发展的主要预期目标"]]
    );
    expect(alarms(read(restarted))).toEqual([]);
    const repeated = edit(restarted, [[10, 0, "2."]]);
    const issues = alarms(read(repeated));
    expect(issues.map((i) => [i.rule, i.row, i.seq])).toEqual([
      ["numbering.seq-duplicate", 6, "2."],
    ]);
  });

  test("an impossible date is reported as such, quoted, and not as a missing deadline", async () => {
    const grid = await gridOf("dazhu-2016-minsheng");
    const t = read(edit(grid, [[4, 3, "2月30日前完成"]]));
    const issues = alarms(t);
    expect(issues.map((i) => [i.rule, i.row, i.column, i.evidence])).toEqual([
      ["deadline.impossible", 2, "due", "2月30日"],
    ]);
  });

  test("its 截止日期 stays empty on the 导入 sheet, with the reason in a note on that cell", async () => {
    const grid = await gridOf("dazhu-2016-minsheng");
    const t = read(edit(grid, [[4, 3, "2月30日前完成"]]));
    const { op, layout } = buildImportSheet(t.table, undefined, { checkDate: "2016-06-30" });
    const at = { row: layout.rowIndex[1], col: layout.columnIndex.deadline as number };
    expect(op.values?.[0].values[at.row][at.col]).toBe("");
    const notes = (op.notes ?? []).filter((n) => n.text.startsWith("截止日期留空"));
    expect(notes).toEqual([
      {
        ...at,
        text: expect.stringContaining("「2月30日」不是日历上的日期，无法识别") as string,
      },
    ]);
  });

  test("a 序号 merged over sub-rows is one item: no gap, no order warning, counted once", async () => {
    const t = read(await gridOf("dazhu-2016-minsheng"));
    const sub = t.table.rows.filter(isSubRow);
    expect(sub.map((r) => r.seq)).toEqual(["5"]);
    expect(alarms(t).filter((i) => i.category === "numbering")).toEqual([]);
  });
});
