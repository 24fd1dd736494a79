import { readGridTable, type GridTable } from "../../src/core/grid/gridTable";
import type { CellValue, Grid } from "../../src/core/grid/schema";
import { seedTable } from "../support/seeds";

function grid(values: CellValue[][], extra: Partial<Grid> = {}): Grid {
  return { sheet: "Sheet1", top: 0, left: 0, values, merges: [], hiddenColumns: [], ...extra };
}

function read(g: Grid): GridTable {
  const result = readGridTable(g);
  if (!result.table) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result as GridTable;
}

describe("reading a breakdown table from a sheet", () => {
  test("finds the header under a title row, by synonyms, and reads rows with their sheet positions", () => {
    const g = grid(
      [
        ["2023年某区政府重点工作责任分解表", null, null, null, null],
        [null, null, null, null, null],
        ["编号", "工作任务", "时间节点", "责任领导", "主责单位"],
        [1, "修缮老旧小区", "6月底前完成", "张三", "区住房建设委"],
        [2, "新建公园", "年底前完成", "李四", "区城市管理委"],
      ],
      { top: 3, left: 1 }
    );
    const { table, layout, problems } = read(g);
    expect(problems).toEqual([]);
    expect(table).toMatchObject({
      id: "district",
      title: "2023年某区政府重点工作责任分解表",
      planYear: 2023,
    });
    // 时间节点 in a column of its own is the deadline column (due), not a 工作明细.
    expect(table.columns.map((c) => c.key)).toEqual(["seq", "task", "due", "leader", "lead"]);
    expect(table.rows.map((r) => [r.seq, r.fields.lead])).toEqual([
      ["1", "区住房建设委"],
      ["2", "区城市管理委"],
    ]);
    expect(layout).toEqual({
      sheet: "Sheet1",
      headerRows: [5],
      rowIndex: [6, 7],
      columnIndex: { seq: 1, task: 2, due: 3, leader: 4, lead: 5 },
    });
    expect(table.rows[1].line).toBe(8);
  });

  /** The 民心工程 header as a sheet holds it: 天津市20项民心工程 over two columns, 阶段性目标 over four. */
  const minxinSheet = (spanSecondCell: string | null): CellValue[][] => [
    [
      "天津市20项民心工程",
      spanSecondCell,
      "涉及津南区具体工作",
      "阶段性目标",
      null,
      null,
      null,
      "责任单位",
    ],
    [null, null, null, "一季度", "二季度", "三季度", "四季度", null],
    [
      "一、推进社区养老服务",
      "建设养老服务综合体",
      "建设5家",
      "选址",
      "推进",
      "建设",
      "完成",
      "区民政局",
    ],
    [null, "开设家庭养老床位", "100张", "布置", "推进", "建设", "完成", "区民政局"],
  ];

  test("handles the two-row 民心工程 header with merged header cells", () => {
    const g = grid(minxinSheet("天津市20项民心工程"), {
      merges: [
        { row: 0, col: 0, rowCount: 2, colCount: 2 },
        { row: 0, col: 3, rowCount: 1, colCount: 4 },
        { row: 2, col: 0, rowCount: 2, colCount: 1 },
      ],
    });
    const { table, layout } = read(g);
    expect(table.columns.map((c) => `${c.key}:${c.title}:${c.group}`)).toEqual([
      "category:类别:天津市20项民心工程",
      "task:市级任务:天津市20项民心工程",
      "detail:涉及津南区具体工作:null",
      "q1:一季度:阶段性目标",
      "q2:二季度:阶段性目标",
      "q3:三季度:阶段性目标",
      "q4:四季度:阶段性目标",
      "lead:责任单位:null",
    ]);
    expect(layout.headerRows).toEqual([0, 1]);
    expect(table.rows[1].fields.category).toBe("一、推进社区养老服务");
    expect(table.rows[1].merged).toEqual(["category"]);
  });

  test("reads a spanning header without merge information (ExcelApi below 1.13)", () => {
    const g = grid(minxinSheet(null));
    expect(read(g).table.columns.map((c) => c.key)).toEqual([
      "category",
      "task",
      "detail",
      "q1",
      "q2",
      "q3",
      "q4",
      "lead",
    ]);
  });

  test("fills vertically merged cells down and records them as continuations", () => {
    const g = grid(
      [
        ["序号", "重点工作", "工作明细及完成时限", "分管领导", "牵头单位", "配合单位"],
        [1, "生产总值增长7%", "年底前完成。", "于瑞均", "发展改革委", "统计局"],
        [2, "一般公共预算收入增长6%", null, null, "财政局", null],
        [3, "固定资产投资增长5%", null, null, "发展改革委", null],
      ],
      {
        merges: [
          { row: 1, col: 2, rowCount: 3, colCount: 1 },
          { row: 1, col: 3, rowCount: 3, colCount: 1 },
          { row: 1, col: 5, rowCount: 3, colCount: 1 },
        ],
      }
    );
    const rows = read(g).table.rows;
    expect(rows[2].fields).toMatchObject({
      detail: "年底前完成。",
      leader: "于瑞均",
      coop: "统计局",
      lead: "发展改革委",
    });
    expect(rows[2].merged.sort()).toEqual(["coop", "detail", "leader"]);
    expect(rows[0].merged).toEqual([]);
  });

  test("turns one-cell heading rows into sections and skips empty rows", () => {
    const g = grid([
      ["序号", "重点工作", "牵头单位", "分管领导"],
      ["一、主要预期目标", null, null, null],
      [1, "生产总值增长7%", "发展改革委", "于瑞均"],
      [null, null, null, null],
      ["二、聚焦创新", null, null, null],
      [null, "天津智谷", "海河教育园区管委会", "郭建华"],
    ]);
    const { table, layout } = read(g);
    expect(table.rows.map((r) => [r.section, r.seq])).toEqual([
      ["一、主要预期目标", "1"],
      ["二、聚焦创新", null],
    ]);
    expect(layout.rowIndex).toEqual([2, 5]);
  });

  test("reads dates as ISO dates, and error values as the text Excel shows", () => {
    const g = grid(
      [
        ["序号", "重点工作", "截止日期", "牵头单位"],
        [1, "修路", 44834, "#N/A"],
      ],
      {
        numberFormats: [
          ["@", "@", "@", "@"],
          ["General", "@", "yyyy-mm-dd", "General"],
        ],
      }
    );
    expect(read(g).table.rows[0].fields).toEqual({
      task: "修路",
      deadline: "2022-09-30",
      lead: "#N/A",
    });
  });

  test("a sheet without a recognisable header is a problem in Chinese, not an exception", () => {
    const result = readGridTable(
      grid([
        ["姓名", "电话"],
        ["张三", "123"],
      ])
    );
    expect(result.table).toBeNull();
    expect(result.problems[0].message).toContain("工作表「Sheet1」中找不到表头");
  });

  test("an empty sheet is a problem too", () => {
    expect(readGridTable(grid([])).table).toBeNull();
  });

  test("reads back a seed table laid out as a sheet, row for row", () => {
    const district = seedTable("district");
    const keys = district.columns.map((c) => c.key);
    const values: CellValue[][] = [[district.title], district.columns.map((c) => c.title)];
    for (const row of district.rows)
      values.push(keys.map((k) => (k === "seq" ? row.seq : (row.fields[k] ?? ""))));
    const { table } = read(grid(values));
    expect(table.id).toBe("district");
    expect(table.rows).toHaveLength(106);
    expect(table.rows.map((r) => r.fields.lead)).toEqual(district.rows.map((r) => r.fields.lead));
    expect(table.rows.map((r) => r.seq)).toEqual(district.rows.map((r) => r.seq));
  });
});
