import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import type { TextFileInput } from "../../src/taskpane/actions";
import {
  loadExpectedReading,
  loadRealTable,
  realTableIds,
  realXlsxPath,
} from "../support/realTables";
import { MINXIN_FILE, SEED_DIR } from "../support/seeds";
import { compoundFile } from "../xlsx/compoundFile";
import { macroEnabled } from "../xlsx/support";
import { importBench, LEDGER, userSheetNames } from "./fixtures";

/**
 * 导入分解表 of a workbook (issue 13): an .xlsx or .xlsm the user picks is read with the CLI's
 * reader and parser, and its tables written as 导入 sheets; what cannot be read is refused or
 * listed, naming the file, sheet, table and row.
 */

jest.setTimeout(120_000);

const noProgress = () => undefined;
const AT = { checkDate: "2023-09-30", reference: "checkDate" } as const;

const realFile = (id: string): TextFileInput => ({
  name: `${id}.xlsx`,
  bytes: new Uint8Array(readFileSync(realXlsxPath(id))),
});

const { setUp, excel, state: workbookState, tableOn } = importBench();

/** A real table's workbook, changed by `edit` (sheets added or hidden; no row of it altered). */
async function editedWorkbook(
  id: string,
  name: string,
  edit: (workbook: ExcelJS.Workbook) => void
): Promise<TextFileInput> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(realXlsxPath(id));
  edit(workbook);
  return { name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

describe("导入分解表 of an .xlsx workbook", () => {
  test("every real table's workbook becomes a 导入 sheet with all its rows; other sheets untouched", async () => {
    const expected = loadExpectedReading();
    for (const id of realTableIds()) {
      const actions = setUp();
      const ledger = excel().workbook.sheet(LEDGER).snapshot();
      const source = loadRealTable(id);
      const outcome = await actions.importFile(realFile(id), noProgress, AT);
      expect(outcome.sheets).toHaveLength(1);
      const [sheet] = outcome.sheets;
      expect(userSheetNames(excel())).toEqual([LEDGER, sheet]);
      expect(excel().workbook.sheet(LEDGER).snapshot()).toEqual(ledger);
      // Rows as a person counts them in the source: the sheet's rows less its heading rows.
      const rows = expected[id].sheetRows - expected[id].headingRows.length;
      expect({ id, rows: outcome.rows }).toEqual({ id, rows });
      const table = await tableOn(sheet);
      // The title printed above the table (or the sheet's name where the title is 附件1 alone).
      expect([...source.sheet.titleRows, source.sheet.name]).toContain(table.title);
      expect({ id, rows: table.rows.length }).toEqual({ id, rows });
      // Every meaning a reader of the source gives its columns is a column of the 导入 sheet too
      // (第二季度 under 工作任务安排 of 泗洲头镇 stays q2).
      const meanings = new Set(expected[id].columns.map((c) => c.meaning));
      const read = new Set(table.columns.map((c) => c.key as string));
      expect({ id, missing: [...meanings].filter((m) => !read.has(m)) }).toEqual({
        id,
        missing: [],
      });
      expect(outcome.summary).toBe(
        `已从「${id}.xlsx」导入 1 张表，共 ${rows} 行：${sheet}。${
          outcome.problems!.length > 0
            ? `有 ${outcome.problems!.length} 处未能读取，见下方列表。`
            : ""
        }`
      );
    }
  });

  test("a re-import keeps what users typed and brings the file's own progress where none was typed", async () => {
    const actions = setUp();
    const file = realFile("kaihua-2023-q1-progress");
    const [sheet] = (await actions.importFile(file, noProgress, AT)).sheets;
    const source = loadRealTable("kaihua-2023-q1-progress");
    const progressCol = source.sheet.headerRows[0].indexOf("进展情况");
    const first = await tableOn(sheet);
    // The file's 进展情况 of both items, as published.
    expect(first.rows.map((r) => r.fields.progress)).toEqual(
      source.sheet.rows.map((r) => r[progressCol])
    );
    const grid = excel().workbook.sheet(sheet).toGrid() as unknown[][];
    const header = grid.findIndex((r) => r.includes("进展情况"));
    const statusAt = grid[header].indexOf("完成状态");
    const progressAt = grid[header].indexOf("进展情况");
    const cell = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
    excel()
      .workbook.sheet(sheet)
      .setValues(cell(header + 1, statusAt), [["已完成"]]);
    excel()
      .workbook.sheet(sheet)
      .setValues(cell(header + 2, progressAt), [["4月已开工"]]);

    await actions.importFile(file, noProgress, AT);
    const again = await tableOn(sheet);
    expect(again.rows[0].fields.status).toBe("已完成");
    expect(again.rows[0].fields.progress).toBe(first.rows[0].fields.progress);
    expect(again.rows[1].fields.progress).toBe("4月已开工");
    expect(userSheetNames(excel())).toEqual([LEDGER, sheet]);
  });

  test("a later version of the file brings its progress into rows where nothing was typed", async () => {
    const actions = setUp();
    const id = "kaihua-2023-q1-progress";
    const source = loadRealTable(id);
    const progressCol = source.sheet.headerRows[0].indexOf("进展情况") + 1;
    const firstRow = source.sheet.titleRows.length + source.sheet.headerRows.length + 1;
    // The same table before its 进展情况 was filled in.
    const earlier = await editedWorkbook(id, `${id}.xlsx`, (workbook) => {
      source.sheet.rows.forEach((_, i) => {
        workbook.worksheets[0].getCell(firstRow + i, progressCol).value = null;
      });
    });
    const [sheet] = (await actions.importFile(earlier, noProgress, AT)).sheets;
    expect((await tableOn(sheet)).rows.map((r) => r.fields.progress ?? "")).toEqual(["", ""]);
    await actions.importFile(realFile(id), noProgress, AT);
    expect((await tableOn(sheet)).rows.map((r) => r.fields.progress)).toEqual(
      source.sheet.rows.map((r) => r[progressCol - 1])
    );
  });

  test("an .xlsm (macro-enabled, as Excel saves one) is read like an .xlsx", async () => {
    const actions = setUp();
    const bytes = new Uint8Array(
      await macroEnabled(readFileSync(realXlsxPath("lishan-2023-list")))
    );
    const outcome = await actions.importFile({ name: "立山.xlsm", bytes }, noProgress, AT);
    expect(outcome.rows).toBe(6);
    expect((await tableOn(outcome.sheets[0])).title).toBe(loadRealTable("lishan-2023-list").title);
  });

  test.each([
    [
      "旧版.xls",
      () => compoundFile(["Workbook"]),
      "是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx",
    ],
    [
      "加密.xlsx",
      () => compoundFile(["EncryptionInfo", "EncryptedPackage"]),
      "设有打开密码（已加密）",
    ],
  ])("%s is refused naming the file, and nothing is written", async (name, bytes, words) => {
    const actions = setUp();
    const before = workbookState();
    const file = { name, bytes: new Uint8Array(bytes()) };
    await expect(actions.existingImportSheets(file)).rejects.toThrow(`「${name}」`);
    const refused = actions.importFile(file, noProgress, AT);
    await expect(refused).rejects.toThrow(words);
    await expect(refused).rejects.toThrow(/未导入，工作簿未改动。$/);
    expect(workbookState()).toEqual(before);
  });

  test("a workbook without a table is refused naming it, and nothing is written", async () => {
    const actions = setUp();
    const before = workbookState();
    // The corpus's own notes: text, no header of a breakdown table.
    const file = await editedWorkbook("caidian-2023-list", "说明.xlsx", (workbook) => {
      workbook.removeWorksheet(workbook.worksheets[0].id);
      const notes = workbook.addWorksheet("说明");
      readFileSync(join(__dirname, "..", "fixtures", "real", "SOURCES.md"), "utf8")
        .split("\n")
        .slice(0, 8)
        .forEach((line, i) => (notes.getCell(i + 1, 1).value = line));
    });
    await expect(actions.importFile(file, noProgress, AT)).rejects.toThrow(
      "工作簿「说明.xlsx」中没有可识别的责任分解表（找不到含已知列名的表头）。未导入，工作簿未改动。"
    );
    expect(workbookState()).toEqual(before);
  });
});

describe("what a partly readable file did not give is listed, naming file, sheet, table and row", () => {
  test("a hidden sheet, a sheet without a header, and a column not written", async () => {
    const actions = setUp();
    const file = await editedWorkbook("yueyanglou-2017-progress", "岳阳楼.xlsx", (workbook) => {
      const hidden = workbook.addWorksheet("旧版");
      hidden.getCell("A1").value = "岳阳楼区2017年1-8月省重点民生实事完成情况表";
      hidden.state = "hidden";
      const notes = workbook.addWorksheet("填表说明");
      notes.getCell("A1").value = "Source: https://www.yueyanglou.gov.cn";
    });
    const outcome = await actions.importFile(file, noProgress, AT);
    expect(outcome.rows).toBe(11);
    expect(outcome.problems).toEqual([
      "「岳阳楼.xlsx」工作表「旧版」：工作表「旧版」已隐藏，未读取。如需校验，请先取消隐藏。",
      expect.stringMatching(
        /^「岳阳楼\.xlsx」工作表「填表说明」第 1 行：工作表「填表说明」中找不到表头/
      ),
      "「岳阳楼.xlsx」表「岳阳楼区2017年1-8月省重点民生实事完成情况表」的「1-8月实际完成率%」列（较早时段或同时段另一列进展）未写入导入表，请在原文件中查看。",
    ]);
    expect(outcome.summary).toMatch(/有 3 处未能读取，见下方列表。$/);
  });

  test("a text file in GBK says it was read as GB18030", async () => {
    const actions = setUp();
    const bytes = new Uint8Array(
      execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030", join(SEED_DIR, MINXIN_FILE)])
    );
    const outcome = await actions.importFile({ name: "民心工程.txt", bytes }, noProgress, AT);
    expect(outcome.sheets).toEqual(["民心工程"]);
    expect(outcome.problems).toEqual([
      "「民心工程.txt」不是 UTF-8 编码，已按 GB18030（GBK）编码读取；如导入的文字有乱码，请在记事本中另存为 UTF-8 后重新导入。",
    ]);
  });

  test("rows the text parser could not place are named with the table and the text line", async () => {
    const actions = setUp();
    // The 民心工程 seed cut short in the middle of its last row, as a truncated copy would be.
    const text = readFileSync(join(SEED_DIR, MINXIN_FILE), "utf8");
    const lines = text.split("\n");
    const cut = lines.slice(0, lines.length - 6).join("\n");
    const outcome = await actions.importFile(
      { name: "民心工程.txt", bytes: new TextEncoder().encode(cut) },
      noProgress,
      AT
    );
    expect(outcome.problems!.length).toBeGreaterThan(0);
    for (const line of outcome.problems!)
      expect(line).toMatch(/^「民心工程\.txt」表「[^」]+」文本第 \d+ 行：/);
  });
});
