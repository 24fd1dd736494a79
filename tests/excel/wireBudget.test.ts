import { importOps, syntheticDocument, syntheticTables } from "../../bench/synthetic";
import { applyPatch } from "../../src/excel/applyPatch";
import { REQUEST_BYTES } from "../../src/excel/wire";
import { createExcelActions } from "../../src/excel/workflows";
import { installStandIn, type StandInHandle } from "../support/excel-standin";

/**
 * Excel on the web refuses a request over 5 MB as its runtime serialises it (object paths,
 * Instantiate and _KeepReference actions, arguments). The stand-in measures that form; the
 * adapter sizes its steps by the same model, so no command sends a request Excel would refuse.
 */
const FIVE_MB = 5_000_000;
const CHECK_DATE = "2022-09-30";
const noProgress = () => undefined;

let excel: StandInHandle | undefined;
afterEach(() => {
  excel?.uninstall();
  excel = undefined;
});

/** A stand-in holding the bench's synthetic tables as 导入 writes them; `rows` over the four. */
async function importedWorkbook(rows: number): Promise<StandInHandle> {
  const standIn = installStandIn({ requestLimitBytes: FIVE_MB });
  excel = standIn;
  const tables = syntheticTables(syntheticDocument(rows));
  const report = await applyPatch({ sheets: importOps(tables, CHECK_DATE) });
  // The adapter's estimate of every request covers what the runtime would send.
  const measured = standIn.stats.requests.map((r) => r.bytes);
  expect(report.requestBytes.length).toBeGreaterThan(0);
  // The adapter's estimate of every request covers what the runtime would send; the framing
  // and the sheets' own object paths are the REQUEST_BYTES kept free of every budget.
  expect(report.requestBytes).toHaveLength(measured.length);
  report.requestBytes.forEach((estimate, i) =>
    expect(estimate + REQUEST_BYTES).toBeGreaterThanOrEqual(measured[i])
  );
  // …and not by so much that it sends many more requests than needed.
  expect(report.requestBytes.reduce((a, b) => a + b, 0)).toBeLessThan(
    2 * measured.reduce((a, b) => a + b, 0)
  );
  return standIn;
}

function largestRequest(standIn: StandInHandle): number {
  // A response over 5 MB is refused too; readGrid then asks again in halves (a read, no harm).
  const refused = standIn.stats.requests.filter(
    (r) => r.error === "RequestPayloadSizeLimitExceeded"
  );
  expect(refused).toEqual([]);
  return Math.max(...standIn.stats.requests.map((r) => r.bytes));
}

type Actions = ReturnType<typeof createExcelActions>;

/** The commands the issue names; 清除标记 needs marks, so 校验 runs before it (not measured). */
const COMMANDS: {
  label: string;
  before?: (a: Actions) => Promise<unknown>;
  run: (a: Actions) => Promise<unknown>;
}[] = [
  { label: "校验", run: (a) => a.validate({ checkDate: CHECK_DATE }, noProgress) },
  {
    label: "生成单位表",
    run: (a) => a.buildUnitSheets({ by: "unit", checkDate: CHECK_DATE }, noProgress),
  },
  {
    label: "清除标记",
    before: (a) => a.validate({ checkDate: CHECK_DATE }, noProgress),
    run: (a) => a.clearMarks(noProgress),
  },
];

/** Runs the commands in turn on one workbook of `rows` rows; each one's largest request. */
async function largestRequests(rows: number, commands: typeof COMMANDS): Promise<void> {
  const standIn = await importedWorkbook(rows);
  const actions = createExcelActions();
  const sizes: Record<string, number> = {};
  for (const { label, before, run } of commands) {
    if (before) await before(actions);
    standIn.stats.reset();
    await run(actions);
    sizes[label] = largestRequest(standIn);
    expect(sizes[label]).toBeLessThanOrEqual(FIVE_MB);
  }
  console.log(`largest request at ${rows} rows (wire format): ${JSON.stringify(sizes)}`);
}

describe("no request over 5 MB in the runtime's wire format", () => {
  test("the stand-in refuses one the runtime would send over 5 MB", async () => {
    excel = installStandIn({ requestLimitBytes: FIVE_MB });
    // 8,000 one-cell fills: 1 MB by the old count (120 bytes an operation), over 5 MB on the wire.
    const refused = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let row = 0; row < 8_000; row++)
        sheet.getRangeByIndexes(row, 1, 1, 1).format.fill.color = "#FFC7CE";
      return context.sync().then(
        () => null,
        (error: { code?: string }) => error.code
      );
    });
    expect(refused).toBe("RequestPayloadSizeLimitExceeded");
    // Refused whole: not one fill was applied.
    expect(excel.workbook.sheet("Sheet1").cell("B1").fill).toBeNull();
    expect(excel.stats.requests[0].bytes).toBeGreaterThan(FIVE_MB);
  });

  test("校验, 生成单位表 and 清除标记 at 10,000 rows", async () => {
    // In this order 清除标记 clears the marks of the 校验 just before: no extra 校验 needed.
    await largestRequests(10_000, [
      COMMANDS[0],
      COMMANDS[1],
      { ...COMMANDS[2], before: undefined },
    ]);
  }, 300_000);

  // 100,000 rows take 20 minutes and more each on the stand-in: run with DUBAN_SLOW_TESTS=1, one
  // command at a time with -t (the bench reports the same figures at 100,000 rows for 校验).
  const slow = process.env.DUBAN_SLOW_TESTS === "1" ? test : test.skip;
  for (const command of COMMANDS) {
    slow(
      `${command.label} at 100,000 rows`,
      async () => {
        await largestRequests(100_000, [command]);
      },
      3_600_000
    );
  }
});
