import { join } from "path";
import { readGridTable } from "../../src/core/grid/gridTable";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { seedTables } from "../support/seeds";
import { patchFile, useTempDir } from "./support";

const dir = useTempDir();

describe("the four seed tables' 导入 sheets in an .xlsx file", () => {
  test("read back as the same tables, with their generated markers", async () => {
    const imported = seedTables().map((t) => buildImportSheet(t));
    const file = join(dir(), "导入.xlsx");
    const { report } = await patchFile({ sheets: imported.map((i) => i.op) }, file);
    expect(report).toEqual({
      sheetsWritten: ["市重点工作", "关键任务", "区重点工作", "民心工程"],
      fallbacks: [],
    });

    const read = await readXlsx(file);
    expect(read.problems).toEqual([]);
    expect(read.sheets).toEqual(
      ["city", "key", "district", "minxin"].map((key, i) => ({
        name: imported[i].op.sheet,
        visible: true,
        generated: { kind: "import", version: 1, key },
        // No 列对照 chosen: each sheet is read by its headers.
        columns: {},
      }))
    );
    read.grids.forEach((grid, i) => {
      const table = seedTables()[i];
      const back = readGridTable(grid);
      if (!back.table) throw new Error(back.problems[0].message);
      expect(back.problems).toEqual([]);
      expect(back.table.id).toBe(table.id);
      expect(back.table.title).toBe(table.title);
      expect(back.table.note).toBe(table.note);
      expect(back.layout).toEqual(imported[i].layout);
      expect(back.table.rows.map((r) => [r.seq, r.section, r.fields])).toEqual(
        table.rows.map((r) => [r.seq, r.section, r.fields])
      );
    });
  });

  test("keep the seed's stray +C18 as text in a text-formatted cell", async () => {
    const city = buildImportSheet(seedTables()[0]);
    const file = join(dir(), "city.xlsx");
    const { workbook } = await patchFile({ sheets: [city.op] }, file);
    const cells: { value: unknown; numFmt: string; formula: unknown }[] = [];
    workbook.getWorksheet("市重点工作")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (String(cell.value).includes("+C18"))
          cells.push({ value: cell.value, numFmt: cell.numFmt, formula: cell.formula });
      })
    );
    expect(cells).toHaveLength(1);
    expect(cells[0].numFmt).toBe("@");
    expect(cells[0].formula).toBeUndefined();
    expect(cells[0].value).toEqual(expect.stringContaining("积极与市水务局+C18协调"));
  });
});
