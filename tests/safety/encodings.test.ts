import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { readXlsx } from "../../src/xlsx";
import { duban } from "../support/cli";
import { scratchDir } from "../support/scratchDir";
import { MINXIN_FILE, SEED_DIR } from "../support/seeds";
import { compoundFile } from "../xlsx/compoundFile";
import { macroEnabled } from "../xlsx/support";

/**
 * Issue 18, finding 5: a GBK/GB18030 text file was "不是 UTF-8 编码" with exit 0; .xls and .xlsm
 * got a message naming neither the file nor the format.
 */

// The real CLI and large workbooks: slow on a loaded machine.
jest.setTimeout(240_000);

const dir = scratchDir("duban-encoding-");
const seed = join(SEED_DIR, MINXIN_FILE);
const utf8 = readFileSync(seed);
const report = duban("check", seed, "--date", "2022-09-30");

function saved(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The report's lines about tables and issues, without the line naming the file read. */
const findings = (stdout: string) => stdout.split("\n").filter((l) => !l.startsWith("已读取"));

describe.each([
  [
    "UTF-8 with a BOM",
    "UTF-8（带 BOM）",
    () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
  ],
  [
    "UTF-16LE with a BOM",
    "UTF-16LE",
    () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString("utf8"), "utf16le")]),
  ],
  [
    "UTF-16BE with a BOM",
    "UTF-16BE",
    () =>
      Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from(utf8.toString("utf8"), "utf16le").swap16(),
      ]),
  ],
  [
    "GB18030 (GBK), as saved on Chinese Windows",
    "GB18030",
    () => execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030", seed]),
  ],
])("the 民心工程 seed in %s", (_, label, bytes) => {
  test("reads the same table and issues as in UTF-8, and says which encoding it read", () => {
    const path = saved(`民心工程-${label.replace(/\W/g, "")}.txt`, bytes());
    const run = duban("check", path, "--date", "2022-09-30");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`已读取「${path}」（${label} 编码）。`);
    expect(findings(run.stdout).join("\n").replaceAll(path.split("/").pop()!, "SRC")).toBe(
      findings(report.stdout).join("\n").replaceAll(MINXIN_FILE, "SRC")
    );
  });
});

test("the report says UTF-8 for a plain UTF-8 file", () => {
  expect(report.stdout).toContain(`已读取「${seed}」（UTF-8 编码）。`);
});

test("a file in no known encoding: a Chinese message naming it, exit 2", () => {
  // Valid neither as UTF-8 (a lone continuation byte) nor as GB18030 (0xFF leads nothing).
  const path = saved(
    "乱码.txt",
    Buffer.concat([utf8.subarray(0, 200), Buffer.from([0xff, 0xff, 0x80])])
  );
  for (const args of [
    ["check", path],
    ["check", path, "-o", join(dir, "乱码.xlsx")],
    ["parse", path],
  ]) {
    const run = duban(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`无法读取文件「${path}」`);
    expect(run.stderr).toContain("GB18030");
  }
  expect(existsSync(join(dir, "乱码.xlsx"))).toBe(false);
});

test(".xls is refused as the old format, naming the file, exit 2", () => {
  const path = saved("旧表.xls", compoundFile(["Workbook"]));
  for (const args of [
    ["check", path],
    ["check", path, "-o", join(dir, "旧表.xlsx")],
  ]) {
    const run = duban(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `文件「${path}」是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx`
    );
  }
});

test(".xlsm is read like .xlsx; the checked copy is an .xlsx without the macros", async () => {
  // A workbook of the 民心工程 seed, made macro-enabled as Excel saves one.
  const book = join(dir, "民心工程.xlsx");
  expect(duban("check", seed, "--date", "2022-09-30", "-o", book).status).toBe(0);
  const xlsm = saved("民心工程.xlsm", await macroEnabled(readFileSync(book)));
  const out = join(dir, "民心工程-校验.xlsx");
  const run = duban("check", xlsm, "--date", "2022-12-31", "-o", out);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`「${xlsm}」中的宏不会复制到输出文件`);
  const read = await readXlsx(out);
  expect(read.sheets.map((s) => s.name)).toContain("民心工程");
  expect(read.workbook).toBeInstanceOf(ExcelJS.Workbook);
  const copy = await JSZip.loadAsync(readFileSync(out));
  expect(copy.file("xl/vbaProject.bin")).toBeNull();
});
