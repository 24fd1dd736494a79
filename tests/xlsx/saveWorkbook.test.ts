import ExcelJS from "exceljs";
import { readFileSync, readdirSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { XlsxOutputError } from "../../src/xlsx/errors";
import { loadXlsx } from "../../src/xlsx/loadWorkbook";
import { writeXlsx } from "../../src/xlsx/saveWorkbook";
import { errorOf, saveHandMade, useTempDir } from "./support";

const dir = useTempDir();

function workbookWith(text: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("校验结果").addRow([text]);
  return workbook;
}

describe("writeXlsx", () => {
  test("writes a new file that loads back", async () => {
    const out = join(dir(), "结果.xlsx");
    await writeXlsx(workbookWith("校验完成：共 106 行"), out);
    expect((await loadXlsx(out)).getWorksheet("校验结果")!.getCell("A1").value).toBe(
      "校验完成：共 106 行"
    );
    // No temporary file is left beside it.
    expect(readdirSync(dir())).toEqual(["结果.xlsx"]);
  });

  test("does not overwrite an existing file unless forced", async () => {
    const out = join(dir(), "结果.xlsx");
    writeFileSync(out, "上次的结果");
    const error = await errorOf(XlsxOutputError, () => writeXlsx(workbookWith("新"), out));
    expect(error.message).toBe(`输出文件「${out}」已存在，未写入。如要覆盖它，请加上 --force。`);
    expect(readFileSync(out, "utf8")).toBe("上次的结果");

    await writeXlsx(workbookWith("新"), out, { force: true });
    expect((await loadXlsx(out)).getWorksheet("校验结果")!.getCell("A1").value).toBe("新");
    expect(readdirSync(dir())).toEqual(["结果.xlsx"]);
  });

  test("never writes the input file, forced or not", async () => {
    const input = await saveHandMade(workbookWith("用户的表"), join(dir(), "分解表.xlsx"));
    const before = readFileSync(input);
    const error = await errorOf(XlsxOutputError, async () =>
      writeXlsx(await loadXlsx(input), input, { inputs: [input], force: true })
    );
    expect(error.message).toBe(
      `输出文件「${input}」就是输入文件「${input}」。督办助手从不修改输入文件，请另取一个输出文件名。`
    );
    // The same file under another spelling of its path.
    const other = join(dir(), "..", basename(dir()), ".", "分解表.xlsx");
    await expect(
      writeXlsx(await loadXlsx(input), other, { inputs: [input], force: true })
    ).rejects.toThrow("就是输入文件");
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("says in Chinese when the folder is missing", async () => {
    const out = join(dir(), "没有的文件夹", "结果.xlsx");
    const error = await errorOf(XlsxOutputError, () => writeXlsx(workbookWith("新"), out));
    expect(error.message).toBe(`无法写入文件「${out}」：所在文件夹不存在。未写入任何内容。`);
  });
});
