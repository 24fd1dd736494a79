import { readGrid, readGrids } from "../../src/excel/readGrid";
import type { StandInHandle } from "../support/excel-standin";
import { DISTRICT_HEADER, districtRows, withStandIn } from "./fixtures";

/**
 * A user's sheet as pasted from Word: the table starts at B3, the 分管领导 of three rows is one
 * merged cell (the first of them holds the name), one column is hidden, one cell is a date.
 */
function pastedSheet(excel: StandInHandle): string[][] {
  const rows = districtRows(6).map((row) => row.slice(0, 6));
  const typed = rows.map((row, i) => (i === 3 || i === 4 ? [...row.slice(0, 4), "", row[5]] : row));
  const sheet = excel.workbook.addSheet("粘贴的表");
  sheet.setValues("B3", [DISTRICT_HEADER.slice(0, 6), ...typed]);
  sheet.merge("F6:F8");
  sheet.setValues("H4", [[44926]]).setNumberFormat("H4", "yyyy-mm-dd");
  sheet.model.hiddenColumns.add(2);
  return typed;
}

describe("readGrid reads a used range into the core's grid", () => {
  test("values, empties as null, number formats, merges (1.13) and hidden columns", async () => {
    await withStandIn({ excelApi: "1.13" }, async (excel) => {
      const typed = pastedSheet(excel);
      const grid = await readGrid("粘贴的表");
      expect(grid).toMatchObject({ sheet: "粘贴的表", top: 2, left: 1 });
      expect(grid.values[0]).toEqual([...DISTRICT_HEADER.slice(0, 6), null]);
      expect(grid.values[1]).toEqual([...typed[0], 44926]);
      expect(grid.values[4][4]).toBeNull();
      expect(grid.values[2][2]).toBe(typed[1][2]);
      expect(grid.numberFormats?.[1][6]).toBe("yyyy-mm-dd");
      expect(grid.numberFormats?.[1][0]).toBe("General");
      expect(grid.merges).toEqual([{ row: 5, col: 5, rowCount: 3, colCount: 1 }]);
      expect(grid.hiddenColumns).toEqual([2]);
      expect(excel.stats.syncs).toBe(2);
    });
  });

  test("ExcelApi 1.7: the same grid without merged areas", async () => {
    await withStandIn({ excelApi: "1.7" }, async (excel) => {
      const typed = pastedSheet(excel);
      const grid = await readGrid("粘贴的表");
      expect(grid.values[1]).toEqual([...typed[0], 44926]);
      expect(grid.merges).toEqual([]);
      expect(grid.hiddenColumns).toEqual([2]);
    });
  });

  test("several sheets in one run; an empty sheet is an empty grid", async () => {
    await withStandIn({ sheets: ["空白"] }, async (excel) => {
      pastedSheet(excel);
      const [empty, pasted] = await readGrids(["空白", "粘贴的表"]);
      expect(empty).toEqual({
        sheet: "空白",
        top: 0,
        left: 0,
        values: [],
        numberFormats: [],
        merges: [],
        hiddenColumns: [],
      });
      expect(pasted.values).toHaveLength(7);
      expect(excel.stats.syncs).toBe(2);
    });
  });

  test("a missing sheet is named in a Chinese message", async () => {
    await withStandIn({ sheets: ["区重点工作"] }, async () => {
      await expect(readGrids(["区重点工作", "区关键任务"])).rejects.toThrow(
        "找不到工作表「区关键任务」。请确认它没有被删除或改名后重试。"
      );
    });
  });
});

describe("merged areas beyond what one call returns", () => {
  // A breakdown table whose 分管领导 and 牵头单位 are merged down over each pair of rows, as
  // Word tables pasted into Excel often are: 2 × 600 = 1,200 areas, over the 512 one call takes.
  test("1,200 merged areas are all read, each once", async () => {
    await withStandIn({ sheets: ["分解表"] }, async (excel) => {
      const sheet = excel.workbook.sheet("分解表");
      sheet.setValues("A1", [DISTRICT_HEADER, ...districtRows(1_200)]);
      for (let row = 2; row <= 1_201; row += 2) {
        sheet.merge(`E${row}:E${row + 1}`);
        sheet.merge(`F${row}:F${row + 1}`);
      }
      const grid = await readGrid("分解表");
      expect(grid.merges).toHaveLength(1_200);
      expect(grid.merges).toContainEqual({ row: 1199, col: 5, rowCount: 2, colCount: 1 });
      expect(new Set(grid.merges.map((m) => `${m.row},${m.col}`)).size).toBe(1_200);
    });
  });

  test("the stand-in, as Excel: only areas whose top-left is in the range, and no more than 512", async () => {
    await withStandIn({ sheets: ["分解表"] }, async (excel) => {
      const sheet = excel.workbook.sheet("分解表");
      for (let row = 1; row <= 1_040; row += 2) sheet.merge(`B${row}:B${row + 1}`);
      const [partial, tooMany] = await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("分解表");
        // B1:B2 reaches into B2:B5 from above and is left out; B3:B4 and B5:B6 start inside.
        const some = ws.getRange("B2:B5").getMergedAreasOrNullObject();
        some.load("address");
        await context.sync();
        const all = ws.getRange("B1:B1040").getMergedAreasOrNullObject();
        all.load("areaCount");
        const code = await context.sync().then(
          () => "no error",
          (error: { code?: string }) => error.code
        );
        return [some.address, code];
      });
      expect(partial).toBe("分解表!B3:B4,分解表!B5:B6");
      expect(tooMany).toBe("InvalidOperation");
    });
  });
});
