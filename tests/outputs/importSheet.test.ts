import { readGridTable } from "../../src/core/grid/gridTable";
import { buildImportSheet, importSheetName } from "../../src/core/outputs/importSheet";
import { SheetOp } from "../../src/core/patch/schema";
import type { Table } from "../../src/core/table/schema";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTable, seedTables } from "../support/seeds";

describe("导入 sheets", () => {
  test("get short Chinese names and a generated marker keyed by table", () => {
    const ops = seedTables().map((t) => buildImportSheet(t).op);
    expect(ops.map((op) => op.sheet)).toEqual(["市重点工作", "关键任务", "区重点工作", "民心工程"]);
    expect(ops.map((op) => op.generated)).toEqual([
      { kind: "import", key: "city" },
      { kind: "import", key: "key" },
      { kind: "import", key: "district" },
      { kind: "import", key: "minxin" },
    ]);
    for (const op of ops) expect(() => SheetOp.parse(op)).not.toThrow();
  });

  test("an unknown table's title becomes a valid sheet name", () => {
    const table: Table = {
      ...seedTable("city"),
      id: "table",
      title: "2023年重点工作：第一批/补充[修订]表，供各单位参考使用的版本（征求意见稿）",
    };
    const name = importSheetName(table);
    // / [ ] are refused by Excel (the full-width ： is not); 31 characters at most.
    expect(name).toBe("2023年重点工作：第一批补充修订表，供各单位参考使用的版本（");
    expect(name.length).toBeLessThanOrEqual(31);
  });

  test("lay the district table out with title, header, section and 涉及领域 bands", () => {
    const { op, layout } = buildImportSheet(seedTable("district"));
    const rows = op.values![0].values;
    expect(rows[0][0]).toBe("2022年津南区政府重点工作责任分解表");
    expect(rows[1]).toEqual([
      "序号",
      "重点工作",
      "工作明细及完成时限",
      "分管领导",
      "牵头单位",
      "配合单位",
    ]);
    expect(rows[2][0]).toBe("一、主要预期目标");
    expect(rows[3][0]).toBe("1．主要预期目标");
    expect(rows[4].slice(0, 2)).toEqual([
      "1",
      "全区生产总值增长高于全市预期目标，力争达到7%左右。",
    ]);
    // 7 sections + 22 domains + 106 rows under the title and the header.
    expect(rows).toHaveLength(2 + 7 + 22 + 106);
    expect(op.freeze).toEqual({ rows: 2, cols: 0 });
    expect(op.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      titleRows: { first: 1, count: 1 },
    });
    expect(op.merges).toContainEqual({ row: 2, col: 0, rowCount: 1, colCount: 6 });
    expect(layout.rowIndex.slice(0, 6)).toEqual([4, 5, 6, 7, 8, 11]); // row 6 comes after the 二、… and 2．… bands
    expect(layout.columnIndex).toEqual({ seq: 0, task: 1, detail: 2, leader: 3, lead: 4, coop: 5 });
  });

  test("write the 民心工程 header in two rows with its groups merged", () => {
    const { op } = buildImportSheet(seedTable("minxin"));
    const rows = op.values![0].values;
    expect(rows[1]).toEqual([
      "天津市20项民心工程",
      null,
      "涉及津南区具体工作",
      "阶段性目标",
      null,
      null,
      null,
      "责任单位",
    ]);
    expect(rows[2]).toEqual([
      "类别",
      "市级任务",
      null,
      "一季度",
      "二季度",
      "三季度",
      "四季度",
      null,
    ]);
    expect(op.merges).toEqual(
      expect.arrayContaining([
        { row: 1, col: 0, rowCount: 1, colCount: 2 },
        { row: 1, col: 3, rowCount: 1, colCount: 4 },
        { row: 1, col: 2, rowCount: 2, colCount: 1 },
      ])
    );
    expect(op.freeze).toEqual({ rows: 3, cols: 0 });
  });

  test("keep text as text, +C18 included", () => {
    const { op } = buildImportSheet(seedTable("city"));
    const grid = gridOfSheetOp(op);
    const at = grid.values.findIndex((r) => String(r[2] ?? "").includes("+C18"));
    expect(at).toBeGreaterThan(0);
    expect(grid.numberFormats![at][2]).toBe("@");
  });

  test.each(["city", "key", "district", "minxin"])(
    "%s reads back from its sheet as the same table",
    (id) => {
      const table = seedTable(id);
      const imported = buildImportSheet(table);
      const back = readGridTable(gridOfSheetOp(imported.op));
      if (!back.table) throw new Error(back.problems[0].message);
      expect(back.problems).toEqual([]);
      expect(back.table.id).toBe(id);
      expect(back.table.title).toBe(table.title);
      expect(back.table.note).toBe(table.note);
      expect(back.table.columns.map((c) => c.key)).toEqual(table.columns.map((c) => c.key));
      expect(back.layout).toEqual(imported.layout);
      expect(back.table.rows.map((r) => [r.seq, r.section, r.fields])).toEqual(
        table.rows.map((r) => [r.seq, r.section, r.fields])
      );
    }
  );
});
