import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { cellText } from "../../src/core/grid/cellText";
import { loadXlsx } from "../../src/xlsx/loadWorkbook";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { patchFile, saveHandMade, useTempDir } from "./support";

const dir = useTempDir();

describe("what ExcelJS alone would lose from a user's workbook", () => {
  test("a note on an empty cell is read, and kept in the saved copy", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("台账");
    ws.addRow(["序号", "重点工作", "牵头单位"]);
    ws.addRow(["1", "全区生产总值增长高于全市预期目标，力争达到7%左右。", "发展改革委"]);
    // Excel writes such a note in the comments part only, with no cell in the sheet data.
    ws.getCell("E2").note = "待区统计局确认";
    const input = await saveHandMade(workbook, join(dir(), "台账.xlsx"));
    expect(readFileSync(input).includes('r="E2"')).toBe(false);

    expect((await loadXlsx(input)).getWorksheet("台账")!.getCell("E2").note).toBe("待区统计局确认");
    const { workbook: copy } = await patchFile(
      { sheets: [{ sheet: "台账", mode: "update", marks: [{ row: 1, col: 2, fill: "#FFC7CE" }] }] },
      join(dir(), "副本.xlsx"),
      input
    );
    expect(copy.getWorksheet("台账")!.getCell("E2").note).toBe("待区统计局确认");
  });

  test("五号 text (10.5 pt) keeps its size when read and saved again", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("台账");
    ws.addRow(["重点工作"]);
    ws.getCell("A1").font = { name: "宋体", size: 10.5 };
    const input = await saveHandMade(workbook, join(dir(), "五号.xlsx"));
    expect((await loadXlsx(input)).getWorksheet("台账")!.getCell("A1").font?.size).toBe(10.5);
    const { workbook: copy } = await patchFile(
      { sheets: [{ sheet: "台账", mode: "update" }] },
      join(dir(), "副本.xlsx"),
      input
    );
    expect(copy.getWorksheet("台账")!.getCell("A1").font?.size).toBe(10.5);
  });

  test("a date in Chinese Excel's built-in 年月日 format (id 31) reads as a date and keeps its format", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("台账");
    ws.addRow(["截止日期"]);
    ws.addRow([44834]);
    ws.getCell("A2").numFmt = 'yyyy"年"m"月"d"日"';
    const written = await saveHandMade(workbook, join(dir(), "自定义.xlsx"));
    // Make it as Excel in Chinese writes it: the built-in id, no format code.
    const zip = await JSZip.loadAsync(readFileSync(written));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const custom =
      /<numFmt numFmtId="(\d+)" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"\/>/.exec(
        styles
      )!;
    zip.file(
      "xl/styles.xml",
      styles
        .replace(custom[0], "")
        .replace(new RegExp(`numFmtId="${custom[1]}"`, "g"), 'numFmtId="31"')
    );
    const input = join(dir(), "内置.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));

    const [grid] = (await readXlsx(input)).grids;
    expect(grid.numberFormats![1][0]).toBe('yyyy"年"m"月"d"日"');
    expect(cellText(grid.values[1][0], grid.numberFormats![1][0])).toBe("2022-09-30");
    const { workbook: copy } = await patchFile(
      { sheets: [{ sheet: "台账", mode: "update" }] },
      join(dir(), "副本.xlsx"),
      input
    );
    expect(copy.getWorksheet("台账")!.getCell("A2").numFmt).toBe('yyyy"年"m"月"d"日"');
  });
});
