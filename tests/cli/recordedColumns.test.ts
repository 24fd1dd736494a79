import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readSources, vocabularyOf } from "../../src/cli/sources";
import { defaultHeaderVocabulary } from "../../src/core/parse/vocabulary";
import { withColumnMeaning } from "../../src/core/patch/record";
import { applyPatchToWorkbook } from "../../src/xlsx";
import { readStore, writeStore } from "../../src/xlsx/store";
import { realXlsxPath } from "../support/realTables";

/**
 * The 列对照 kept in a workbook (chosen in Excel's pane, on the record sheet) travels with the
 * file: the CLI reads the sheet's columns so too, and a --columns mapping given on the command
 * line wins over it. The record outlives a later write of the file's marks.
 */
const dir = mkdtempSync(join(tmpdir(), "duban-columns-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 立山区 2023 with 责任单位 (the cooperating units beside 牵头单位) set to 不读取 in the record. */
async function lishanWithMapping(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(realXlsxPath("lishan-2023-list"));
  const sheet = workbook.worksheets[0].name;
  writeStore(workbook, withColumnMeaning(readStore(workbook), sheet, "责任单位", "unused"));
  // A later write of marks (as 校验 makes) rewrites the record: the 列对照 stays.
  applyPatchToWorkbook(workbook, {
    sheets: [{ sheet, mode: "update", marks: [{ row: 3, col: 2, fill: "#FFC7CE" }] }],
  });
  const path = join(dir, "lishan.xlsx");
  await workbook.xlsx.writeFile(path);
  return path;
}

const readingOf = async (path: string, vocabulary = defaultHeaderVocabulary()) => {
  const { tables } = await readSources([path], vocabulary);
  expect(tables).toHaveLength(1);
  return Object.fromEntries((tables[0].reading ?? []).map((r) => [r.title, r.key]));
};

test("the file as published reads 责任单位 as the cooperating units", async () => {
  expect((await readingOf(realXlsxPath("lishan-2023-list")))["责任单位"]).toBe("coop");
});

test("a 列对照 recorded in the workbook is read by the CLI", async () => {
  const path = await lishanWithMapping();
  const reading = await readingOf(path);
  expect(reading["责任单位"]).toBeNull();
  expect(reading["牵头单位"]).toBe("lead");
});

test("--columns given on the command line wins over the recorded one", async () => {
  const path = await lishanWithMapping();
  const file = join(dir, "columns.json");
  writeFileSync(file, JSON.stringify({ 责任单位: "remark" }));
  expect((await readingOf(path, vocabularyOf(file)))["责任单位"]).toBe("remark");
});
