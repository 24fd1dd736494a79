import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { validateWorkbookCommand } from "../../src/commands/validateWorkbook";
import { createExcelActions } from "../../src/excel/workflows";
import { ensureProductionBuild } from "../e2e/support/build";
import { es5Realm } from "../support/es5Realm";
import { installStandIn } from "../support/excel-standin";

/**
 * The ribbon's 校验 as Trident (Internet Explorer 11, the webview of volume-licensed Office
 * 2016/2019) runs it: the built function-file script in a context that has ES5's built-ins only
 * — every ES2015+ global, method and regex feature removed — so that what the bundle needs must
 * come from its own polyfills. Office is the Excel stand-in at ExcelApi 1.7 (Office 2019).
 */
const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
/** The 校验 button's <FunctionName>. */
const COMMAND_NAME = /<FunctionName>(.+)<\/FunctionName>/.exec(
  readFileSync(join(ROOT, "manifest.xml"), "utf8")
)![1];

async function seededStandIn() {
  const excel = installStandIn({ excelApi: "1.7", sheets: ["我的台账"] });
  await createExcelActions().importSeeds(() => undefined);
  return excel;
}

beforeAll(async () => {
  await ensureProductionBuild(ROOT);
}, 1_200_000);

test("the built ribbon 校验 runs on the seeds in an ES5-only context as the modern path does", async () => {
  const bundles = readdirSync(DIST).filter((f) => /^commands\.[0-9a-f]{8}\.js$/.test(f));
  expect(bundles).toHaveLength(1);
  const code = readFileSync(join(DIST, bundles[0]), "utf8");

  // The modern path: the same command from the sources (compiled by Jest to ES2020), on the same workbook.
  const modern = await seededStandIn();
  let expected: unknown;
  try {
    const completed = jest.fn();
    await validateWorkbookCommand({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expected = modern.workbook.snapshot();
  } finally {
    modern.uninstall();
  }

  const excel = await seededStandIn();
  try {
    const realm = es5Realm();
    // The realm is ES5 only: what the bundle uses must come from its polyfills.
    expect(
      realm.run(
        "[typeof Map, typeof Promise, typeof Symbol, typeof ''.includes, typeof Array.from]"
      )
    ).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined"]);
    expect(() => realm.run("new RegExp('(?<!a)b')")).toThrow(/Invalid regular expression/);
    for (const name of ["Office", "Excel", "OfficeExtension"])
      realm.share(name, (globalThis as Record<string, unknown>)[name]);

    realm.run(code, bundles[0]);
    const sandbox = realm.global;
    // Office 2016/2019 call the function the manifest names; newer ones what is associated.
    expect(typeof sandbox[COMMAND_NAME]).toBe("function");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(excel.actions.names()).toEqual([COMMAND_NAME]);
    const started = Date.now();
    await excel.actions.run(COMMAND_NAME);
    const ms = Date.now() - started;

    const names = excel.workbook.sheetNames();
    expect(names).toContain("校验结果");
    expect(excel.workbook.activeSheet).toBe("校验结果");
    const results = excel.workbook.toGrid("校验结果");
    expect(results.length).toBeGreaterThan(100);
    // Every sheet, value, fill, note and the record sheet as the modern build leaves them.
    expect(excel.workbook.snapshot()).toEqual(expected);
    // What ES5 lacks came from the bundle's polyfills.
    expect(realm.run("[typeof Map, typeof Promise, typeof Symbol, typeof ''.includes]")).toEqual([
      "function",
      "function",
      "function",
      "function",
    ]);
    console.log(`ES5 校验 of the seeds: ${ms} ms, 校验结果 ${results.length} rows`);
  } finally {
    excel.uninstall();
  }
}, 1_200_000);
