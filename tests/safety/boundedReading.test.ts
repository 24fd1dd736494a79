import ExcelJS from "exceljs";
import { closeSync, openSync, readFileSync, truncateSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { XlsxInputError, readXlsx } from "../../src/xlsx";
import { MAX_XML_BYTES, pakoInflated, unzippedXmlBytes } from "../../src/xlsx/zipLimits";
import { MAX_GRID_CELLS, gridOfWorksheet } from "../../src/xlsx/readWorkbook";
import { MAX_TEXT_BYTES } from "../../src/core/parse/decodeText";
import { duban } from "../support/cli";
import { scratchDir } from "../support/scratchDir";
import { seedTable } from "../support/seeds";
import { inflatingWorkbook } from "../support/zipBomb";

/**
 * Issue 18, findings 3 and 4: 20,000 rows overflowed the stack (a spread of every cell into
 * Math.min), a stray space at XFD1048576 ran to 4.2 GB, the unzipped XML and text inputs had no cap.
 */

// The real CLI and large workbooks: slow on a loaded machine.
jest.setTimeout(240_000);

const dir = scratchDir("duban-bounded-");
const district = seedTable("district");
const HEADER = [
  "序号",
  "重点工作",
  "工作明细及完成时限",
  "分管领导",
  "牵头单位",
  "配合单位",
  "截止日期",
  "完成状态",
  "进展情况",
];

/** A one-sheet workbook of `rows` rows made of the 区重点工作 seed's rows, repeated. */
function breakdownSheet(rows: number): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("区重点工作");
  sheet.addRow(HEADER);
  for (let i = 0; i < rows; i++) sheet.addRow(seedRow(i));
  return { workbook, sheet };
}

/** Row `i` of the sheet: the 区重点工作 seed's rows, repeated, with tracking columns filled. */
function seedRow(i: number): (string | number)[] {
  const f = district.rows[i % district.rows.length].fields;
  return [
    i + 1,
    f.task ?? "",
    f.detail ?? "",
    f.leader ?? "",
    f.lead ?? "",
    f.coop ?? "",
    "2022-12-31",
    "推进中",
    "按计划推进",
  ];
}

test("a 20,000-row sheet reads into a grid (no spread of its 180,000 cells)", () => {
  const { sheet } = breakdownSheet(20_000);
  const grid = gridOfWorksheet(sheet);
  expect(grid.values).toHaveLength(20_001);
  expect(grid.values[0]).toEqual(HEADER);
  expect(grid.values[20_000][0]).toBe(20_000);
});

describe("a stray cell far from the table", () => {
  test("a space at XFD1048576 costs nothing: the used area is the table's", async () => {
    const { workbook, sheet } = breakdownSheet(30);
    sheet.getCell("XFD1048576").value = " ";
    const path = join(dir, "远处有空格.xlsx");
    await workbook.xlsx.writeFile(path);
    const started = performance.now();
    const read = await readXlsx(path);
    expect(performance.now() - started).toBeLessThan(10_000);
    const grid = read.grids[0];
    expect([grid.top, grid.left, grid.values.length, grid.values[0].length]).toEqual([0, 0, 31, 9]);
  });

  test("text at XFD1048576 refuses the file with a Chinese message naming it and the area", async () => {
    const { workbook, sheet } = breakdownSheet(30);
    sheet.getCell("XFD1048576").value = "备注";
    const path = join(dir, "远处有字.xlsx");
    await workbook.xlsx.writeFile(path);
    const error = await readXlsx(path).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(XlsxInputError);
    expect((error as Error).message).toContain(
      `文件「${path}」的工作表「区重点工作」从 A1 到 XFD1048576`
    );
    expect((error as Error).message).toContain(MAX_GRID_CELLS.toLocaleString("en-US"));
  });
});

describe("unzipped XML is capped", () => {
  test("the count of a real workbook's XML is exact, and stops at the limit", async () => {
    const { workbook } = breakdownSheet(200);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(bytes);
    let xml = 0;
    for (const name of Object.keys(zip.files))
      if (/\.(xml|rels)$/.test(name)) xml += (await zip.file(name)!.async("nodebuffer")).length;
    expect(unzippedXmlBytes(bytes)).toBe(xml);
    expect(unzippedXmlBytes(bytes, 1000)).toBe(1001);
    // The browser's way (no zlib in the pane's bundle) counts the same.
    expect(unzippedXmlBytes(bytes, MAX_XML_BYTES, pakoInflated)).toBe(xml);
    expect(unzippedXmlBytes(bytes, 1000, pakoInflated)).toBe(1001);
  });

  test("a small file whose sheet unzips past the cap is refused, naming the file", async () => {
    const bomb = join(dir, "解压后很大.xlsx");
    writeFileSync(bomb, await inflatingWorkbook([HEADER, seedRow(0)]));
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
    const run = duban("check", bomb, "-o", join(dir, "never.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`文件「${bomb}」解压后的表格内容超过 200.0 MB`);
  });
});

test("a text file over the cap is refused before it is read, naming the file", () => {
  const big = join(dir, "很大.txt");
  // A sparse file: its size is over the cap, nothing is written to disk.
  closeSync(openSync(big, "w"));
  truncateSync(big, MAX_TEXT_BYTES + 1);
  const run = duban("check", big);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`文件「${big}」有 64.0 MB，超过文本文件的上限 64 MB，未读取。`);
});
