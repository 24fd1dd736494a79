import ExcelJS from "exceljs";
import JSZip from "jszip";
import { join } from "path";
import { readGridTable } from "../../src/core/grid/gridTable";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { generateSheets, previousUnitSheets } from "../../src/core/outputs/generate";
import type { PlacedTable } from "../../src/core/outputs/validationSheets";
import { defaultRoster } from "../../src/core/roster";
import { applyPatchToWorkbook } from "../../src/xlsx/writePatch";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { xlsxChunks } from "../../src/xlsx/sheetBySheet";
import { seedTables } from "../support/seeds";

const REAL = join(__dirname, "..", "fixtures", "real");
const tracking = { checkDate: "2022-09-30", reference: "checkDate" as const };

/** What `duban check -o` makes: the workbook (or the seeds' 导入 sheets) with every generated sheet. */
async function checked(file: string | null, deferCells = false): Promise<ExcelJS.Workbook> {
  const placed: PlacedTable[] = [];
  let workbook = new ExcelJS.Workbook();
  let existing: { name: string; generated: null }[] = [];
  let previous: ReturnType<typeof previousUnitSheets> = [];
  if (file) {
    const read = await readXlsx(file);
    workbook = read.workbook;
    existing = read.sheets.map((s) => ({ name: s.name, generated: null }));
    previous = previousUnitSheets(read.grids.map((grid) => ({ marker: null, grid })));
    for (const grid of read.grids) {
      const table = readGridTable(grid);
      if (table.table) placed.push({ table: table.table, layout: table.layout });
    }
  } else {
    const imported = seedTables().map((table) => ({ table, ...buildImportSheet(table) }));
    applyPatchToWorkbook(workbook, { sheets: imported.map((i) => i.op) });
    for (const i of imported) placed.push({ table: i.table, layout: i.layout });
  }
  const generated = generateSheets({
    placed,
    roster: defaultRoster(),
    tracking,
    existing,
    previous,
    parts: { check: true, units: "unit", summary: true },
  });
  applyPatchToWorkbook(workbook, { sheets: generated.sheets }, { deferCells });
  return workbook;
}

/** Every part's text but the save time in core.xml, in the archive's order. */
async function parts(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return Promise.all(
    names.map(async (name): Promise<[string, string]> => {
      const text = await zip.file(name)!.async("string");
      return [
        name,
        name === "docProps/core.xml"
          ? text.replace(/<dcterms:[^>]*>[^<]*<\/dcterms:[^>]*>/g, "")
          : text,
      ];
    })
  );
}

describe("saving a sheet at a time", () => {
  test.each([
    ["the seeds' 导入 sheets", null],
    ["a real table (苍南 2022 进展)", join(REAL, "cangnan-2022-progress.xlsx")],
    ["a real table (钟楼 2021 民生)", join(REAL, "zhonglou-2021-minsheng.xlsx")],
  ])("writes %s checked with the same parts as ExcelJS's writer", async (_, file) => {
    const theirs = Buffer.from(await (await checked(file)).xlsx.writeBuffer());
    // The generated sheets' cells written only as each sheet is saved.
    const ours = Buffer.concat(await xlsxChunks(await checked(file, true)));
    const expected = await parts(theirs);
    expect(expected.length).toBeGreaterThan(10);
    expect(await parts(ours)).toEqual(expected);
  });

  test("writes every kind of cell and row, and a sheet longer than a chunk, as ExcelJS does", async () => {
    // Rows of the kinds rowXml makes and of those it leaves to ExcelJS, in one sheet; then a
    // sheet of 8,000 rows, half through ExcelJS's own cells (about 80,000 pieces of text), half
    // made whole (about 400,000 characters), which the save turns into bytes a chunk at a time.
    const build = () => {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet("各种单元格");
      ws.getCell("A1").value = '文字 & <标记> "引号" 😀';
      ws.getCell("B1").value = 12.5;
      ws.getCell("C1").value = new Date(Date.UTC(2022, 8, 30));
      ws.getCell("D1").value = { text: "第 3 行", hyperlink: "#'各种单元格'!$A$3" };
      ws.getCell("E1").style = {
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } },
      };
      ws.mergeCells("A2:C2");
      ws.getCell("A2").value = "合并";
      // Rows of their own height, hidden, outlined or styled, with cells rowXml makes.
      ws.getRow(3).height = 30;
      ws.getRow(3).getCell(2).value = "高";
      ws.getRow(4).hidden = true;
      ws.getRow(4).getCell(2).value = 4;
      ws.getRow(5).outlineLevel = 1;
      ws.getRow(5).getCell(1).value = "大纲";
      ws.getRow(6).font = { bold: true };
      ws.getRow(6).getCell(3).value = 0;
      // Cells left to ExcelJS.
      ws.getCell("A10").value = true;
      ws.getCell("B10").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("A11").value = { formula: "B1*2", result: 25 };
      ws.getCell("A12").value = {
        richText: [{ text: "粗", font: { bold: true } }, { text: "体" }],
      };
      const long = workbook.addWorksheet("长表");
      for (let r = 1; r <= 8000; r++) {
        // Every other row written by ExcelJS (a boolean), the others by rowXml.
        long.getCell(r, 1).value = r % 2 === 0 ? true : "按期完成".repeat(10);
        long.getCell(r, 2).value = `第${r}行`;
      }
      return workbook;
    };
    const expected = await parts(Buffer.from(await build().xlsx.writeBuffer()));
    expect(await parts(Buffer.concat(await xlsxChunks(build())))).toEqual(expected);
  });

  test("refuses to save twice a workbook whose sheets were written as saved", async () => {
    const workbook = await checked(join(REAL, "zhonglou-2021-minsheng.xlsx"), true);
    await xlsxChunks(workbook);
    await expect(xlsxChunks(workbook)).rejects.toThrow(/已保存过一次/);
  });
});
