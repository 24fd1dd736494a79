import { readGridTable } from "../../src/core/grid/gridTable";
import type { Grid } from "../../src/core/grid/schema";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import type { Table } from "../../src/core/table/schema";
import { readXlsx } from "../../src/xlsx";
import { loadExpectedReading, realTableIds, realXlsxPath } from "../support/realTables";
import { gridOfSheetOp } from "../support/sheetGrid";

/**
 * The 导入 sheet of every real table, read back as 校验 reads it: on a host that gives merged areas
 * and on one that cannot (ExcelApi before 1.13, mergesUnknown). 泗洲头镇 2024's 工作任务安排 then
 * stands over 第二季度 alone (its 完成情况 became the sheet's 进展情况): the 第二季度 row is header,
 * not an empty task.
 */

const expected = loadExpectedReading();

function read(grid: Grid): Table {
  const result = readGridTable(grid);
  if (!result.table) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.table;
}

describe.each(realTableIds())("%s", (id) => {
  let table: Table;
  let sheet: Grid;
  beforeAll(async () => {
    const { grids } = await readXlsx(realXlsxPath(id));
    table = read(grids[0]);
    sheet = gridOfSheetOp(buildImportSheet(table, undefined, { checkDate: "2023-09-30" }).op);
  });

  const same = (back: Table) => ({
    rows: back.rows.length,
    meanings: expected[id].columns.every((c) => back.columns.some((b) => b.key === c.meaning)),
  });

  test("reads back with its rows and every meaning, merges given", () => {
    expect(same(read(sheet))).toEqual({ rows: table.rows.length, meanings: true });
  });

  test("and where the host cannot say which cells are merged", () => {
    const blind: Grid = { ...sheet, merges: [], mergesUnknown: true };
    expect(same(read(blind))).toEqual({ rows: table.rows.length, meanings: true });
  });
});
