import ExcelJS from "exceljs";
import { join } from "path";
import { readGridTable } from "../../src/core/grid/gridTable";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { seedTable } from "../support/seeds";
import { saveHandMade, useTempDir } from "./support";

const dir = useTempDir();

const DISTRICT_TITLE = "2022年津南区政府重点工作责任分解表";
const COOP =
  "农业农村委、工业和信息化局、商务局、科技局、住房建设委、民政局、税务局、规划资源分局、土地整理中心、长青办事处、各镇、开发区管委会、国家农业科技园区管委会、海河教育园区管委会等";

/**
 * A district table as a unit might send it: merged title and section band, a coop cell merged
 * down two rows, 序号 as formulas (one cached as #REF!), a rich-text and a linked cell, dates
 * as serials in two date formats, a hidden column, and a cell holding "+C18" as text.
 */
function districtSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet("区重点工作");
  ws.addRow([DISTRICT_TITLE]);
  ws.addRow([
    "序号",
    "重点工作",
    "工作明细及完成时限",
    "分管领导",
    "牵头单位",
    "配合单位",
    "截止日期",
    "联系电话",
  ]);
  ws.addRow(["一、主要预期目标"]);
  ws.addRow([
    { formula: "ROW()-3", result: 1 },
    "全区生产总值增长高于全市预期目标，力争达到7%左右。",
    "年底前完成。",
    "于瑞均",
    { richText: [{ text: "发展改革" }, { text: "委", font: { bold: true } }] },
    COOP,
    44834,
    "22345678",
  ]);
  ws.addRow([
    2,
    "一般公共预算收入增长6%。",
    "年底前完成。",
    { text: "于瑞均", hyperlink: "https://www.tjjn.gov.cn/" },
    "财政局",
    null,
    44926,
  ]);
  ws.addRow([
    { formula: "#REF!+1", result: { error: "#REF!" } },
    "+C18",
    "年底前完成。",
    "罗振胜",
    "科技局",
  ]);
  ws.getCell("B6").numFmt = "@";
  ws.getCell("G4").numFmt = "yyyy/m/d";
  ws.getCell("G5").numFmt = 'yyyy"年"m"月"d"日"';
  ws.mergeCells("A1:H1");
  ws.mergeCells("A3:H3");
  ws.mergeCells("F4:F5");
  ws.getColumn(8).hidden = true;
}

/** The 民心工程 table's two-row header (阶段性目标 over 一季度…四季度), category merged down. */
function minxinSheet(workbook: ExcelJS.Workbook): void {
  const table = seedTable("minxin");
  const ws = workbook.addWorksheet("民心工程");
  ws.addRow([table.title]);
  ws.addRow([
    "天津市20项民心工程",
    null,
    "涉及津南区具体工作",
    "阶段性目标",
    null,
    null,
    null,
    "责任单位",
  ]);
  ws.addRow(["类别", "市级任务", null, "一季度", "二季度", "三季度", "四季度", null]);
  for (const row of table.rows.slice(0, 2)) {
    const f = row.fields;
    ws.addRow([f.category, f.task, f.detail, f.q1, f.q2, f.q3, f.q4, f.lead]);
  }
  ws.getCell("A5").value = null;
  for (const range of ["A1:H1", "A2:B2", "C2:C3", "D2:G2", "H2:H3", "A4:A5"]) ws.mergeCells(range);
}

async function handMadeFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  districtSheet(workbook);
  minxinSheet(workbook);
  const hidden = workbook.addWorksheet("旧版本", { state: "hidden" });
  hidden.addRow(["序号", "重点工作", "牵头单位"]);
  workbook.addWorksheet("Sheet3");
  return saveHandMade(workbook, join(dir(), "分解表.xlsx"));
}

describe("readXlsx on a hand-made breakdown workbook", () => {
  test("lists every sheet, reads the visible ones that hold anything, and names the hidden one", async () => {
    const read = await readXlsx(await handMadeFile());
    expect(read.sheets).toEqual([
      { name: "区重点工作", visible: true, generated: null, columns: {} },
      { name: "民心工程", visible: true, generated: null, columns: {} },
      { name: "旧版本", visible: false, generated: null, columns: {} },
      { name: "Sheet3", visible: true, generated: null, columns: {} },
    ]);
    expect(read.grids.map((g) => g.sheet)).toEqual(["区重点工作", "民心工程"]);
    expect(read.problems).toEqual([
      {
        source: "旧版本",
        line: 0,
        message: "工作表「旧版本」已隐藏，未读取。如需校验，请先取消隐藏。",
      },
    ]);
  });

  test("gives merged areas, hidden columns, cached formula results, plain text of rich text and links", async () => {
    const [grid] = (await readXlsx(await handMadeFile())).grids;
    expect(grid).toMatchObject({ top: 0, left: 0, hiddenColumns: [7] });
    expect(grid.merges).toEqual([
      { row: 0, col: 0, rowCount: 1, colCount: 8 },
      { row: 2, col: 0, rowCount: 1, colCount: 8 },
      { row: 3, col: 5, rowCount: 2, colCount: 1 },
    ]);
    // Only the top-left cell of a merged area holds its value.
    expect(grid.values[0]).toEqual([DISTRICT_TITLE, null, null, null, null, null, null, null]);
    expect(grid.values[3].slice(0, 5)).toEqual([
      1,
      expect.any(String),
      "年底前完成。",
      "于瑞均",
      "发展改革委",
    ]);
    expect(grid.values[4][3]).toBe("于瑞均");
    expect(grid.values[4][5]).toBeNull();
    expect(grid.values[5].slice(0, 2)).toEqual(["#REF!", "+C18"]);
    expect(grid.numberFormats![5][1]).toBe("@");
    expect([grid.values[3][6], grid.numberFormats![3][6]]).toEqual([44834, "yyyy/m/d"]);
    expect([grid.values[4][6], grid.numberFormats![4][6]]).toEqual([44926, 'yyyy"年"m"月"d"日"']);
  });

  test("hands the core a grid it reads as the table: section, merged coop filled down, ISO dates", async () => {
    const [grid] = (await readXlsx(await handMadeFile())).grids;
    const read = readGridTable(grid);
    if (!read.table) throw new Error(read.problems[0].message);
    expect(read.table.title).toBe(DISTRICT_TITLE);
    expect(read.table.rows.map((r) => [r.seq, r.section, r.merged])).toEqual([
      ["1", "一、主要预期目标", []],
      ["2", "一、主要预期目标", ["coop"]],
      ["#REF!", "一、主要预期目标", []],
    ]);
    const [first, second, third] = read.table.rows.map((r) => r.fields);
    expect(first).toMatchObject({ lead: "发展改革委", coop: COOP, deadline: "2022-09-30" });
    expect(second).toMatchObject({
      leader: "于瑞均",
      lead: "财政局",
      coop: COOP,
      deadline: "2022-12-31",
    });
    expect(third).toMatchObject({ task: "+C18", leader: "罗振胜" });
  });

  test("reads the 民心工程 two-row header and its category merged down as the seed table", async () => {
    const grid = (await readXlsx(await handMadeFile())).grids[1];
    const read = readGridTable(grid);
    if (!read.table) throw new Error(read.problems[0].message);
    const seed = seedTable("minxin");
    expect(read.problems).toEqual([]);
    expect(read.table.id).toBe("minxin");
    expect(read.table.columns).toEqual(seed.columns);
    expect(read.layout.headerRows).toEqual([1, 2]);
    expect(read.table.rows.map((r) => [r.fields, r.merged])).toEqual(
      seed.rows.slice(0, 2).map((r) => [r.fields, r.merged])
    );
  });

  test("reads a date in a 1904-based workbook as the same calendar day", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const ws = workbook.addWorksheet("台账");
    ws.addRow(["截止日期"]);
    ws.addRow([new Date(Date.UTC(2022, 8, 30))]);
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    const file = await saveHandMade(workbook, join(dir(), "1904.xlsx"));
    const [grid] = (await readXlsx(file)).grids;
    expect(grid.values[1][0]).toBe(44834);
  });
});
