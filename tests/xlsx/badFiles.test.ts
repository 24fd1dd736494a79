import ExcelJS from "exceljs";
import { readFileSync, readdirSync, truncateSync, writeFileSync, mkdirSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { readGridTable } from "../../src/core/grid/gridTable";
import { XlsxInputError, type XlsxInputProblem } from "../../src/xlsx/errors";
import { MAX_XLSX_BYTES } from "../../src/xlsx/loadWorkbook";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { seedText, NOTICE_FILE } from "../support/seeds";
import { compoundFile } from "./compoundFile";
import { saveHandMade, useTempDir } from "./support";

const dir = useTempDir();

/** The error readXlsx gives for `path`, after checking that the folder holds no new file. */
async function refusal(path: string): Promise<XlsxInputError> {
  const before = readdirSync(dir()).sort();
  try {
    await readXlsx(path);
  } catch (error) {
    expect(readdirSync(dir()).sort()).toEqual(before);
    if (error instanceof XlsxInputError) return error;
    throw error;
  }
  throw new Error(`${path} was read`);
}

async function expectRefused(
  path: string,
  problem: XlsxInputProblem,
  words: string
): Promise<void> {
  const error = await refusal(path);
  expect(error.problem).toBe(problem);
  expect(error.file).toBe(path);
  expect(error.message).toContain(`「${path}」`);
  expect(error.message).toContain(words);
}

/** Bytes that follow no format, the same on every run. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 20220930;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 16;
  }
  return bytes;
}

describe("files readXlsx refuses, in Chinese, naming the file", () => {
  test("a text file renamed to .xlsx, and random bytes", async () => {
    const text = join(dir(), "分解表.xlsx");
    writeFileSync(text, seedText(NOTICE_FILE));
    await expectRefused(text, "not-xlsx", "不是 Excel 工作簿（.xlsx）");
    const random = join(dir(), "随机.xlsx");
    writeFileSync(random, noise(64 * 1024));
    await expectRefused(random, "not-xlsx", "不是 Excel 工作簿（.xlsx）");
  });

  test("a password-protected workbook and an old .xls, told apart inside their OLE container", async () => {
    const encrypted = join(dir(), "加密.xlsx");
    writeFileSync(encrypted, compoundFile(["EncryptionInfo", "EncryptedPackage"]));
    await expectRefused(encrypted, "encrypted", "设有打开密码（已加密）");
    const legacy = join(dir(), "旧版.xls");
    writeFileSync(legacy, compoundFile(["Workbook"]));
    await expectRefused(legacy, "legacy-xls", "旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx");
  });

  test("a zip that is no workbook, and a workbook cut short", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
    zip.file("word/document.xml", "<w:document/>");
    const docx = join(dir(), "通知.xlsx");
    writeFileSync(docx, await zip.generateAsync({ type: "nodebuffer" }));
    await expectRefused(docx, "not-xlsx", "不是 Excel 工作簿");

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("区重点工作").addRow(["序号", "重点工作", "牵头单位"]);
    const whole = await saveHandMade(workbook, join(dir(), "完整.xlsx"));
    const cut = join(dir(), "损坏.xlsx");
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(cut, "damaged", "已损坏");
  });

  test("empty workbooks: no sheets, only empty sheets, only a hidden sheet with data", async () => {
    const none = await saveHandMade(new ExcelJS.Workbook(), join(dir(), "无表.xlsx"));
    await expectRefused(none, "empty", "没有任何数据");

    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1");
    blank.addWorksheet("Sheet2").getCell("C3").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFFF00" },
    };
    await expectRefused(
      await saveHandMade(blank, join(dir(), "空表.xlsx")),
      "empty",
      "没有任何数据"
    );

    const hidden = new ExcelJS.Workbook();
    hidden.addWorksheet("Sheet1");
    hidden.addWorksheet("旧版本", { state: "hidden" }).addRow(["序号", "重点工作", "牵头单位"]);
    await expectRefused(
      await saveHandMade(hidden, join(dir(), "隐藏.xlsx")),
      "empty",
      "所有可见的工作表都是空的"
    );
  });

  test("a file over the size limit is refused before it is read", async () => {
    const big = join(dir(), "全年台账.xlsx");
    writeFileSync(big, "");
    truncateSync(big, 50 * 1024 * 1024);
    await expectRefused(
      big,
      "too-large",
      `有 50.0 MB，超过督办助手可读取的上限 ${MAX_XLSX_BYTES / 1024 / 1024}.0 MB`
    );
  });

  test("a missing file and a folder", async () => {
    await expectRefused(join(dir(), "不存在.xlsx"), "missing", "找不到文件");
    const folder = join(dir(), "文件夹.xlsx");
    mkdirSync(folder);
    await expectRefused(folder, "not-a-file", "不是文件");
  });

  test("bytes are checked as files are, named as the caller says", async () => {
    await expect(readXlsx(noise(1024), { name: "附件1.xlsx" })).rejects.toThrow(
      "文件「附件1.xlsx」不是 Excel 工作簿（.xlsx），无法读取。"
    );
  });
});

describe("a sheet without a recognisable header", () => {
  test("is read; the core then says which sheet has no header", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("通知");
    for (const line of seedText(NOTICE_FILE).split("\n").slice(0, 12)) ws.addRow([line]);
    const read = await readXlsx(await saveHandMade(workbook, join(dir(), "通知.xlsx")));
    const result = readGridTable(read.grids[0]);
    expect(result.table).toBeNull();
    expect(result.problems).toEqual([
      {
        source: "通知",
        // The notice's first lines are empty: the sheet's used range starts below them.
        line: read.grids[0].top + 1,
        message: expect.stringContaining("工作表「通知」中找不到表头"),
      },
    ]);
  });
});
