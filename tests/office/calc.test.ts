import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { duban, dubanIn } from "../support/cli";
import { readOds, type OdsSheet } from "../support/ods";
import { MINXIN_FILE, NOTICE_FILE, SEED_DIR, seedTables } from "../support/seeds";
import { describeIfSoffice } from "../support/soffice";
import { readWrittenXlsx, type WrittenSheet } from "../support/xlsxCells";

/**
 * The workbooks `duban check -o` and `duban demo` write, opened by LibreOffice Calc — a program
 * no one here wrote — and converted to .ods: a file whose XML an office program reads otherwise
 * than we meant (or refuses) shows here as a missing sheet, a lost cell or a changed value.
 */

const SEEDS = [join(SEED_DIR, NOTICE_FILE), join(SEED_DIR, MINXIN_FILE)];
const CHECK_DATE = "2022-09-30";
const IMPORT_SHEETS = ["市重点工作", "关键任务", "区重点工作", "民心工程"];

/** One line per finding of `duban check --json` on text files. */
function findings(...files: string[]): string[] {
  const run = duban("check", ...files, "--date", CHECK_DATE, "--json");
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout.split("\n").filter(Boolean);
}

describeIfSoffice("the workbooks duban writes, opened in LibreOffice Calc", (soffice) => {
  const dir = mkdtempSync(join(tmpdir(), "duban-calc-"));
  const files = {
    "check -o (seed texts)": join(dir, "checked.xlsx"),
    "check -o (an .xlsx workbook)": join(dir, "rechecked.xlsx"),
    demo: join(dir, "out", "督办助手示例.xlsx"),
  };
  type Label = keyof typeof files;
  const written = new Map<Label, WrittenSheet[]>();
  const opened = new Map<Label, OdsSheet[]>();
  let unitSheetsReported = 0;
  /** What `check -o` on our own workbook reported, to compare with its run on Calc's copy. */
  let recheckReport = "";

  beforeAll(async () => {
    const check = duban(
      "check",
      ...SEEDS,
      "--date",
      CHECK_DATE,
      "-o",
      files["check -o (seed texts)"]
    );
    expect(check.status).toBe(0);
    const recheck = duban(
      "check",
      files["check -o (seed texts)"],
      "--date",
      CHECK_DATE,
      "-o",
      files["check -o (an .xlsx workbook)"]
    );
    expect(recheck.stderr).toBe("");
    expect(recheck.status).toBe(0);
    recheckReport = recheck.stdout;
    const demo = dubanIn(dir, "demo");
    expect(demo.status).toBe(0);
    unitSheetsReported = Number(/已生成 (\d+) 张单位表/.exec(demo.stdout)?.[1]);

    const labels = Object.keys(files) as Label[];
    const converted = await soffice.convert(
      labels.map((l) => files[l]),
      "ods",
      join(dir, "ods")
    );
    for (const [i, label] of labels.entries()) {
      written.set(label, await readWrittenXlsx(files[label]));
      opened.set(label, await readOds(converted[i]));
    }
  }, 2_400_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(Object.keys(files) as Label[])(
    "%s: every sheet, in order, with every cell value and row count we wrote",
    (label) => {
      const ours = written.get(label)!;
      const calc = opened.get(label)!;
      expect(calc.map((s) => [s.name, s.hidden])).toEqual(ours.map((s) => [s.name, s.hidden]));
      for (const [i, sheet] of ours.entries()) {
        const shown = calc[i];
        expect({ sheet: sheet.name, rows: shown.rowCount }).toEqual({
          sheet: sheet.name,
          rows: sheet.rowCount,
        });
        // Compared as lists, so a difference names its cell.
        expect(
          [...shown.cells].map(([at, v]) => `${sheet.name}!${at}=${JSON.stringify(v)}`)
        ).toEqual([...sheet.cells].map(([at, v]) => `${sheet.name}!${at}=${JSON.stringify(v)}`));
      }
    }
  );

  test("the seed tables stay text in Calc: 附件1 #13's +C18 is no formula, and its note says why", () => {
    const city = opened.get("demo")!.find((s) => s.name === "市重点工作")!;
    expect(city.cells.get("C15")).toEqual(expect.stringContaining("积极与市水务局+C18协调"));
    expect(city.notes.get("C15")).toMatch(/^【错误】.*\+C18/);
  });

  test("demo: the four tables, a sheet per lead unit as reported, 校验结果 and 汇总 as the seeds count them", () => {
    const sheets = opened.get("demo")!.filter((s) => !s.hidden);
    const names = sheets.map((s) => s.name);
    expect(names.slice(0, 5)).toEqual([...IMPORT_SHEETS, "校验结果"]);
    expect(names.filter((n) => n.startsWith("单位-"))).toHaveLength(unitSheetsReported);
    expect(unitSheetsReported).toBeGreaterThan(50);
    expect(names).toContain("汇总");

    // 校验结果: title, summary line and header, then one row per finding of `duban check`.
    const results = sheets.find((s) => s.name === "校验结果")!;
    // Then a blank row, 列识别 and one line per table (four seed tables).
    expect(results.rowCount).toBe(3 + findings(...SEEDS).length + 2 + 4);

    // 汇总's 各表完成情况: one row per table with its number of tasks as parsed from the seeds.
    const summary = sheets.find((s) => s.name === "汇总")!;
    const titleRow = [...summary.cells].find(([, v]) => v === "各表完成情况")![0].slice(1);
    const totals = seedTables().map((_, i) => summary.cells.get(`B${Number(titleRow) + 2 + i}`));
    expect(totals).toEqual(seedTables().map((t) => t.rows.length));
  });

  // Calc numbers the sheets 1…n in tab order when it saves; the record's keys are defined names
  // on the sheets (src/xlsx/store.ts), which Calc keeps, so the generated sheets and marks are
  // still ours and `check -o` replaces them.
  test("round trip: our workbook saved again by Calc as .xlsx gives `duban check` the same findings", async () => {
    const ours = files["check -o (seed texts)"];
    const [resaved] = await soffice.convert(
      [ours],
      "xlsx:Calc MS Excel 2007 XML",
      join(dir, "resaved")
    );
    // `check -o` reads a workbook as the add-in reads Excel, and lists every finding in 校验结果.
    // The report names the file it wrote, the one thing that must differ.
    const findingsIn = (report: string, output: string, sheets: WrittenSheet[]) => ({
      report: report.replace(output, "<输出>"),
      results: [...sheets.find((s) => s.name === "校验结果")!.cells],
    });
    // Our workbook checked again: done in beforeAll, as the "check -o (an .xlsx workbook)" above.
    const recheck = files["check -o (an .xlsx workbook)"];
    const before = findingsIn(recheckReport, recheck, written.get("check -o (an .xlsx workbook)")!);
    expect(before.report).toMatch(/校验完成：共 170 行，错误 \d+ 处/);
    expect(before.results.length).toBeGreaterThan(100);
    const output = join(dir, "resaved-checked.xlsx");
    const run = duban("check", resaved, "--date", CHECK_DATE, "-o", output);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(findingsIn(run.stdout, output, await readWrittenXlsx(output))).toEqual(before);
  }, 1_300_000);
});
