import ExcelJS from "exceljs";
import { join } from "path";
import { createExcelActions } from "../../src/excel/workflows";
import { ROOT, duban } from "../support/cli";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { scratchDir } from "../support/scratchDir";
import { realTableIds, realXlsxPath } from "../support/realTables";

/** The workbooks the CLI writes here, removed when the file is done. */
const scratch = scratchDir("duban-count-");

/**
 * One count: the CLI's report, the workbook it writes (its summary line, 校验结果 and 汇总) and
 * the add-in (the pane's and the ribbon's 校验 are one function, createExcelActions().validate)
 * give the same totals for the same tables and date. Each view that leaves something out says
 * what (汇总's warnings are "不含超期提醒").
 */
const SEEDS = ["000_867c357d3391b2e7.txt", "003_4a3e803327059358.txt"].map((f) =>
  join(ROOT, "seeds", f)
);
const DATE = "2022-09-30";
const noProgress = () => undefined;

type Totals = { error: number; warning: number; info: number };

function totalsIn(line: string): Totals {
  const m = /错误 (\d+) 处，警告 (\d+) 处，提示 (\d+) 处/.exec(line);
  if (!m) throw new Error(`no totals in: ${line}`);
  return { error: Number(m[1]), warning: Number(m[2]), info: Number(m[3]) };
}

/** Issues per rule, from `check --json` lines or from the add-in's issue list. */
function perRule(issues: { rule: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of issues) out[i.rule] = (out[i.rule] ?? 0) + 1;
  return out;
}

/**
 * The rows 校验结果 lists, by severity (column B). Rows below the list that are not findings
 * (how each table's columns were read) have no severity there and are not counted.
 */
function listedTotals(issues: ExcelJS.Worksheet): Totals {
  const listed: Totals = { error: 0, warning: 0, info: 0 };
  const label: Record<string, keyof Totals> = { 错误: "error", 警告: "warning", 提示: "info" };
  issues.eachRow((row, n) => {
    const severity = label[String(row.getCell(2).value)];
    if (n > 3 && severity) listed[severity]++;
  });
  return listed;
}

/** What the workbook `check -o` wrote says: 校验结果's summary line and rows, 汇总's sentence. */
async function writtenCounts(
  out: string
): Promise<{ line: Totals; listed: Totals; summary: Totals }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const issues = book.getWorksheet("校验结果")!;
  const listed = listedTotals(issues);
  const sentences: string[] = [];
  book.getWorksheet("汇总")!.eachRow((row) => sentences.push(String(row.getCell(1).value)));
  const sentence = sentences.find((s) => s.startsWith("校验"))!;
  const n = (re: RegExp) => Number(re.exec(sentence)?.[1] ?? 0);
  return {
    line: totalsIn(String(issues.getCell("A2").value)),
    listed,
    summary: {
      error: n(/错误(\d+)处/),
      warning: n(/警告(\d+)处/) + n(/超期提醒(\d+)处/),
      info: n(/提示(\d+)处/),
    },
  };
}

describe("the real tables counted by the CLI, 校验结果 and 汇总", () => {
  test.each(realTableIds())(
    "%s",
    async (id) => {
      const out = join(scratch, `${id}.xlsx`);
      const run = duban("check", realXlsxPath(id), "--date", DATE, "-o", out);
      expect(run.status).toBe(0);
      const cli = totalsIn(run.stdout);
      const written = await writtenCounts(out);
      expect(written).toEqual({ line: cli, listed: cli, summary: cli });
    },
    60_000
  );
});

describe("the seeds counted by every view", () => {
  let excel: StandInHandle;
  afterEach(() => excel?.uninstall());

  test("CLI, written workbook (summary line, 校验结果, 汇总) and add-in agree", async () => {
    // The CLI's report on the text.
    const check = duban("check", ...SEEDS, "--date", DATE);
    expect(check.status).toBe(0);
    const cli = totalsIn(
      check.stdout
        .trim()
        .split("\n")
        .find((line) => line.startsWith("校验完成"))!
    );
    const json = duban("check", ...SEEDS, "--date", DATE, "--json");
    const cliRules = perRule(
      json.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { rule: string })
    );

    // The workbook the CLI writes: its printed line, 校验结果 and 汇总.
    const out = join(scratch, "seeds.xlsx");
    const written = duban("check", ...SEEDS, "--date", DATE, "-o", out);
    expect(written.status).toBe(0);
    expect(totalsIn(written.stdout)).toEqual(cli);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const issues = book.getWorksheet("校验结果")!;
    expect(totalsIn(String(issues.getCell("A2").value))).toEqual(cli);
    expect(listedTotals(issues)).toEqual(cli);
    const summaryText: string[] = [];
    book.getWorksheet("汇总")!.eachRow((row) => summaryText.push(String(row.getCell(1).value)));
    const sentence = summaryText.find((s) => s.startsWith("校验发现问题"))!;
    const m = /错误(\d+)处，警告(\d+)处，不含超期提醒(\d+)处），另有提示(\d+)处/.exec(sentence)!;
    expect(m).not.toBeNull();
    expect({
      error: Number(m[1]),
      warning: Number(m[2]) + Number(m[3]),
      info: Number(m[4]),
    }).toEqual(cli);
    expect(Number(m[3])).toBe(cliRules["deadline.overdue"]);

    // The add-in: the same tables imported into a workbook, checked from the sheets.
    excel = installStandIn({});
    const actions = createExcelActions();
    await actions.importSeeds(noProgress, { checkDate: DATE });
    const pane = await actions.validate({ checkDate: DATE }, noProgress);
    expect(pane.totals).toEqual(cli);
    expect(totalsIn(pane.summary)).toEqual(cli);
    // Rule by rule, e.g. 23 run-together leaders on both paths (the add-in once found 27).
    expect(perRule(pane.issues)).toEqual(cliRules);
    const summary = await actions.summarize({ checkDate: DATE }, noProgress);
    const t = summary.summary.issueTotals;
    expect({ error: t.error, warning: t.warning + t.overdue, info: t.info }).toEqual(cli);
  }, 120_000);
});
