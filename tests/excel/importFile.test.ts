import { readFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { a1 } from "../../src/core/patch/address";
import type { TextFileInput } from "../../src/taskpane/actions";
import { NOTICE_FILE, SEED_DIR } from "../support/seeds";
import { importBench, LEDGER, userSheetNames } from "./fixtures";

/** 导入分解表: a text file the user picked, written as 导入 writes the bundled seeds. */

const noProgress = () => undefined;
const AT = { checkDate: "2022-09-30", reference: "checkDate" } as const;
/** 市重点工作 序号2, as printed in the 2022 notice. */
const CITY_TASK = "全面提升大学科技园建设水平";

const picked = (name: string): TextFileInput => ({
  name,
  bytes: new Uint8Array(readFileSync(join(SEED_DIR, name))),
});

const { setUp, excel, state: workbookState, tableOn } = importBench();

/** The cell under `title` in the row holding `task`. */
function cellOf(sheet: string, task: string, title: string): string {
  const rows = excel().workbook.sheet(sheet).toGrid() as unknown[][];
  const header = rows.findIndex((r) => r.includes(title));
  const row = rows.findIndex(
    (r, i) => i > header && r.some((v) => typeof v === "string" && v.startsWith(task))
  );
  expect(row).toBeGreaterThan(header);
  return a1(row, rows[header].indexOf(title));
}

describe("导入分解表", () => {
  test("writes the picked file's tables with their rows as 导入 sheets, other sheets untouched", async () => {
    const actions = setUp();
    const ledger = excel().workbook.sheet(LEDGER).snapshot();
    const file = picked(NOTICE_FILE);
    expect(await actions.existingImportSheets(file)).toEqual([]);

    const outcome = await actions.importFile(file, noProgress, AT);
    // The 2022 notice holds the city's 26 重点工作, its 4 关键任务 and the district's 106 重点工作.
    expect(outcome.sheets).toEqual(["市重点工作", "关键任务", "区重点工作"]);
    expect(outcome.rows).toBe(136);
    expect(outcome.summary).toBe(
      `已从「${NOTICE_FILE}」导入 3 张表，共 136 行：市重点工作、关键任务、区重点工作。`
    );
    expect(userSheetNames(excel())).toEqual([LEDGER, "市重点工作", "关键任务", "区重点工作"]);
    expect(excel().workbook.sheet(LEDGER).snapshot()).toEqual(ledger);

    const city = await tableOn("市重点工作");
    expect(city.title).toBe("2022年市政府重点工作责任分解表（涉及津南区工作）");
    expect(city.rows).toHaveLength(26);
    expect((await tableOn("关键任务")).rows).toHaveLength(4);
    expect((await tableOn("区重点工作")).rows).toHaveLength(106);
    const residue = excel().workbook.sheet("市重点工作").cell("C15");
    expect(residue.value).toContain("积极与市水务局+C18协调");
    expect(residue.numberFormat).toBe("@");
    // Marked as 导入 sheets: a second pick of the same file would replace them, after asking.
    expect(await actions.existingImportSheets(file)).toEqual([
      "市重点工作",
      "关键任务",
      "区重点工作",
    ]);
  });

  test("a re-import of the file keeps what users typed into 进展情况", async () => {
    const actions = setUp();
    const file = picked(NOTICE_FILE);
    await actions.importFile(file, noProgress, AT);
    const cell = cellOf("市重点工作", CITY_TASK, "进展情况");
    excel()
      .workbook.sheet("市重点工作")
      .setValues(cell, [["已完成主体建设"]]);
    await actions.importFile(file, noProgress, AT);
    expect(
      excel()
        .workbook.sheet("市重点工作")
        .cell(cellOf("市重点工作", CITY_TASK, "进展情况")).value
    ).toBe("已完成主体建设");
    expect(userSheetNames(excel())).toEqual([LEDGER, "市重点工作", "关键任务", "区重点工作"]);
  });

  test("a file with no table is refused with a message naming it, and nothing is written", async () => {
    const actions = setUp();
    await actions.importFile(picked(NOTICE_FILE), noProgress, AT);
    const before = workbookState();
    const bad = picked("columns.json");
    const message = /^文件「columns\.json」中没有可识别的责任分解表，工作簿未改动。/;
    await expect(actions.existingImportSheets(bad)).rejects.toThrow(message);
    await expect(actions.importFile(bad, noProgress, AT)).rejects.toThrow(message);
    expect(workbookState()).toEqual(before);
  });

  test("a Word file picked by mistake is refused with a message naming it, nothing written", async () => {
    const actions = setUp();
    const before = workbookState();
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(actions.importFile({ name: "通知.docx", bytes }, noProgress)).rejects.toThrow(
      "文件「通知.docx」是 Word 文件，未导入，工作簿未改动。"
    );
    expect(workbookState()).toEqual(before);
  });

  test("bytes in no known encoding are refused with a message naming the file", async () => {
    const actions = setUp();
    const before = workbookState();
    const bytes = new Uint8Array([0xff, 0xff, 0x41]);
    await expect(actions.importFile({ name: "乱码.txt", bytes }, noProgress)).rejects.toThrow(
      "无法读取文件「乱码.txt」：它既不是 UTF-8、UTF-16 编码，也不是 GB18030（GBK）编码的文本。"
    );
    expect(workbookState()).toEqual(before);
  });

  test("a UTF-16 file with its byte-order mark, as Notepad saves 'Unicode', reads as the UTF-8 one", async () => {
    const actions = setUp();
    const text = readFileSync(join(SEED_DIR, NOTICE_FILE), "utf8");
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
    );
    const outcome = await actions.importFile({ name: "分解表.txt", bytes }, noProgress, AT);
    expect(outcome.sheets).toEqual(["市重点工作", "关键任务", "区重点工作"]);
    expect(outcome.rows).toBe(136);
  });
});
