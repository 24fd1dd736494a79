import { readGridTable } from "../../src/core/grid/gridTable";
import type { Grid } from "../../src/core/grid/schema";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { SheetOp } from "../../src/core/patch/schema";
import type { Row, Table } from "../../src/core/table/schema";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTable } from "../support/seeds";

const AT = { checkDate: "2022-09-30" };

function readBack(grid: Grid): Table {
  const read = readGridTable(grid);
  if (!read.table) throw new Error(read.problems[0]?.message);
  return read.table;
}

/** Types a value into the grid, as a user would in Excel. */
function type(grid: Grid, row: number, col: number, value: string): void {
  grid.values[row][col] = value;
}

const taskOf = (r: Row) => r.fields.task ?? "";

describe("导入 with tracking columns", () => {
  test("adds 截止日期 as real dates, 完成状态 with its drop-down, and 进展情况", () => {
    const { op, layout } = buildImportSheet(seedTable("district"), undefined, AT);
    expect(() => SheetOp.parse(op)).not.toThrow();
    const rows = op.values![0].values;
    expect(rows[1].slice(-3)).toEqual(["截止日期", "完成状态", "进展情况"]);
    expect(layout.columnIndex).toMatchObject({ deadline: 6, status: 7, progress: 8 });
    // Row 1, 全区生产总值…: 年底前完成。
    expect(rows[layout.rowIndex[0]].slice(6)).toEqual([{ date: "2022-12-31" }, "", ""]);
    const grid = gridOfSheetOp(op);
    expect(grid.numberFormats![layout.rowIndex[0]][6]).toBe("yyyy-mm-dd");
    expect(op.validations).toEqual([
      expect.objectContaining({
        range: { row: 2, col: 7, rowCount: rows.length - 2, colCount: 1 },
        list: ["未启动", "推进中", "已完成", "已延期"],
      }),
    ]);
    expect(op.notes?.[0]).toMatchObject({ row: 1, col: 6 });
  });

  test("puts the 民心工程 tracking columns beside the two-row header", () => {
    const { op, layout } = buildImportSheet(seedTable("minxin"), undefined, {
      checkDate: "2022-03-31",
    });
    const rows = op.values![0].values;
    expect(rows[1].slice(-3)).toEqual(["截止日期", "完成状态", "进展情况"]);
    expect(rows[2].slice(-3)).toEqual([null, null, null]);
    expect(op.merges).toContainEqual({ row: 1, col: 8, rowCount: 2, colCount: 1 });
    // Every 民心工程 row has a 一季度 goal, so each is due on 2022-03-31.
    expect(layout.rowIndex.map((r) => rows[r][8])).toEqual(Array(34).fill({ date: "2022-03-31" }));
  });

  test("reads back with the same rows and its tracking fields, and rebuilds to the same sheet", () => {
    for (const id of ["city", "key", "district", "minxin"]) {
      const table = seedTable(id);
      const first = buildImportSheet(table, undefined, AT);
      const back = readBack(gridOfSheetOp(first.op));
      expect(back.columns.map((c) => c.key).slice(-3)).toEqual(["deadline", "status", "progress"]);
      expect(back.rows.map((r) => r.fields.task)).toEqual(table.rows.map((r) => r.fields.task));
      const again = buildImportSheet(back, undefined, { ...AT, previous: back });
      expect(again.op.values).toEqual(first.op.values);
      expect(again.layout).toEqual(first.layout);
    }
  });

  test("a second 导入 keeps typed 完成状态 and 进展情况 on their rows when master rows were inserted, removed and reordered", () => {
    const table = seedTable("district");
    const first = buildImportSheet(table, undefined, AT);
    const grid = gridOfSheetOp(first.op);
    const { rowIndex, columnIndex } = first.layout;
    const status = columnIndex.status ?? -1;
    const progress = columnIndex.progress ?? -1;
    // Typed by users: rows 1 (has 序号 1), 10 and 50 (no 序号), 106 (the last).
    type(grid, rowIndex[0], status, "已完成");
    type(grid, rowIndex[9], status, "推进中");
    type(grid, rowIndex[9], progress, "已完成选址，正在办理立项。");
    type(grid, rowIndex[49], progress, "=+C18 写成文本");
    type(grid, rowIndex[105], status, "已延期");
    const previous = readBack(grid);

    // The new master: row 2 removed, a new row inserted at the top, rows 10 and 50 swapped.
    const rows = [...table.rows];
    const ten = rows[9];
    rows[9] = rows[49];
    rows[49] = ten;
    rows.splice(1, 1);
    const added: Row = {
      ...table.rows[0],
      seq: null,
      fields: { ...table.rows[0].fields, task: "新增的重点工作。" },
    };
    rows.unshift(added);
    const master: Table = { ...table, rows: rows.map((r, i) => ({ ...r, row: i + 1 })) };

    const second = buildImportSheet(master, undefined, { ...AT, previous });
    const after = readBack(gridOfSheetOp(second.op));
    const byTask = new Map(after.rows.map((r) => [taskOf(r), r.fields]));
    expect(byTask.get(taskOf(table.rows[0]))).toMatchObject({ status: "已完成", progress: "" });
    expect(byTask.get(taskOf(table.rows[9]))).toMatchObject({
      status: "推进中",
      progress: "已完成选址，正在办理立项。",
    });
    expect(byTask.get(taskOf(table.rows[49]))).toMatchObject({
      status: "",
      progress: "=+C18 写成文本",
    });
    expect(byTask.get(taskOf(table.rows[105]))).toMatchObject({ status: "已延期" });
    expect(byTask.get("新增的重点工作。")).toMatchObject({ status: "", progress: "" });
    // Nothing else picked up a typed value.
    const typed = after.rows.filter(
      (r) => (r.fields.status ?? "") !== "" || (r.fields.progress ?? "") !== ""
    );
    expect(typed).toHaveLength(4);
    // Formula-looking text stays text.
    const at =
      second.layout.rowIndex[after.rows.findIndex((r) => r.fields.progress === "=+C18 写成文本")];
    expect(gridOfSheetOp(second.op).numberFormats![at][progress]).toBe("@");
  });

  test("without tracking options the sheet is laid out as before", () => {
    const { op } = buildImportSheet(seedTable("city"));
    expect(op.values![0].values[1]).not.toContain("截止日期");
    expect(op.conditionalFormats ?? []).toEqual([]);
  });
});
