import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import type { CellSnapshot, SheetSnapshot, StandInHandle } from "../support/excel-standin";
import { ensureProductionBuild } from "./support/build";
import { launchChromium, type Browser } from "./support/chromium";
import { scriptSources } from "./support/paneHtml";
import { officeStandInScript, type UserSheet } from "./support/officeStandIn";
import { serveDirectory, type StaticServer } from "./support/staticServer";

/**
 * The built task pane (dist/taskpane.html and its bundle) in headless Chromium, with the in-memory
 * Excel stand-in served in place of Office.js: the production bundle runs its real code paths
 * (createExcelActions → the Office.js adapter) and every step is checked both in the pane and in
 * the workbook. Screenshots of each step go to test-output/e2e/ (git-ignored).
 */

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "test-output", "e2e");
const PANE_VIEWPORT = { width: 360, height: 900 };
const CHECK_DATE = "2022-09-30";

const IMPORT_SHEETS = ["市重点工作", "关键任务", "区重点工作", "民心工程"];
const TITLES: Record<string, string> = {
  市重点工作: "2022年市政府重点工作责任分解表（涉及津南区工作）",
  关键任务: "2022年市政府工作关键任务（涉及津南区工作）",
  区重点工作: "2022年津南区政府重点工作责任分解表",
  民心工程: "天津市2022年20项民心工程涉及津南区任务责任清单",
};
const ERROR_FILL = "#FFC7CE";

// The user's own sheet: not a breakdown table, so nothing the add-in does may change it.
const LEDGER: UserSheet = {
  name: "我的台账",
  values: [
    ["日期", "事项", "金额", "备注"],
    ["2022-03-01", "办公用品", 120.5, "+C18 只是备注"],
    ["2022-03-15", "会议室租用", 800, "已报销"],
  ],
  fill: { range: "A1:D1", color: "#DDEBF7" },
};

/** The stand-in's handle as the injected script leaves it on the page, and sheets kept there. */
type PageWindow = Window & {
  __excelStandIn: StandInHandle;
  __kept?: Record<string, Record<string, string>>;
};

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const offline: string[] = [];
const timings: Record<string, number> = {};
let ledgerBefore: SheetSnapshot;
let residueFillAfterImport: string | null;

function sheetSnapshot(name: string): Promise<SheetSnapshot> {
  return page.evaluate(
    (n) => (window as unknown as PageWindow).__excelStandIn.workbook.sheet(n).snapshot(),
    name
  );
}

function cell(sheet: string, address: string): Promise<CellSnapshot> {
  return page.evaluate(
    ([s, a]) => (window as unknown as PageWindow).__excelStandIn.workbook.sheet(s).cell(a),
    [sheet, address] as const
  );
}

/**
 * Keeps the named sheets' snapshots inside the page under `label`, as JSON per cell ("区重点工作!C15")
 * and per sheet for everything else: comparing there spares shipping whole sheets to Node.
 */
function keepSheets(label: string, names: string[]): Promise<void> {
  return page.evaluate(
    ([key, sheets]) => {
      const w = window as unknown as PageWindow;
      const flat: Record<string, string> = {};
      for (const name of sheets) {
        const { cells, ...rest } = w.__excelStandIn.workbook.sheet(name).snapshot();
        flat[name] = JSON.stringify(rest);
        for (const [at, c] of Object.entries(cells)) flat[`${name}!${at}`] = JSON.stringify(c);
      }
      w.__kept = { ...w.__kept, [key]: flat };
    },
    [label, names] as const
  );
}

/** The cells (and sheets, by name) whose snapshots differ between two keepSheets labels. */
function differences(before: string, after: string): Promise<string[]> {
  return page.evaluate(
    ([a, b]) => {
      const kept = (window as unknown as PageWindow).__kept ?? {};
      const keys = new Set([...Object.keys(kept[a] ?? {}), ...Object.keys(kept[b] ?? {})]);
      return [...keys].filter((k) => kept[a]?.[k] !== kept[b]?.[k]);
    },
    [before, after] as const
  );
}

/** Cells of the named sheets that carry a note 校验 wrote ("【错误】…", "【警告】…"). */
function markedCells(names: string[]): Promise<number> {
  return page.evaluate((sheets) => {
    const { workbook } = (window as unknown as PageWindow).__excelStandIn;
    return sheets
      .flatMap((name) => Object.values(workbook.sheet(name).snapshot().cells))
      .filter((c) => c.note?.startsWith("【")).length;
  }, names);
}

function workbookState(): Promise<{
  sheetNames: string[];
  activeSheet: string;
  selection: string;
}> {
  return page.evaluate(() => {
    const { workbook } = (window as unknown as PageWindow).__excelStandIn;
    return {
      sheetNames: workbook.sheetNames(),
      activeSheet: workbook.activeSheet,
      selection: workbook.selection,
    };
  });
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Runs one step and records how long it took, for the report in test-output/e2e/timings.json. */
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  timings[step] = Date.now() - started;
  return result;
}

/** The <script src> of Office.js in the built page: the URL the stand-in answers instead. */
function officeJsUrl(): string {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const src = scriptSources(html).find((s) => /\/office\.js$/.test(s));
  if (!src) throw new Error("dist/taskpane.html 中没有 office.js 脚本");
  return src;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const build = await ensureProductionBuild(ROOT);
  if (build.built) timings.build = build.ms;
  const started = Date.now();
  const office = officeJsUrl();
  const standIn = officeStandInScript({ excelApi: "1.18", realDelayMs: 5 }, [LEDGER]);
  server = await serveDirectory(DIST);
  browser = await launchChromium(PANE_VIEWPORT);
  // Only the local server and the stand-in answer; anything else would mean the pane needs the network.
  await browser.context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === office)
      return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: standIn });
    if (url.startsWith(server.url)) return route.continue();
    offline.push(url);
    return route.abort();
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(`${server.url}taskpane.html`);
  timings.launch = Date.now() - started;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  writeFileSync(join(SHOTS, "timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
  expect(offline).toEqual([]);
});

describe("督办助手's task pane in Chromium on the Excel stand-in", () => {
  test("opens on a workbook without breakdown tables and says how to start", async () => {
    await timed("open", () => page.getByText(/^工作簿中还没有可识别的责任分解表/).waitFor());
    expect(await page.getByRole("heading", { name: "督办助手" }).isVisible()).toBe(true);
    // The year comes from the bundled seeds while the workbook has no table of its own.
    expect(await page.getByText("2022年", { exact: true }).isVisible()).toBe(true);
    ledgerBefore = await sheetSnapshot(LEDGER.name);
    expect(ledgerBefore.cells.C2.value).toBe(120.5);
    expect(ledgerBefore.cells.D2.value).toBe("+C18 只是备注");
    await page.getByLabel("检查日期").fill(CHECK_DATE);
    expect(await page.getByLabel("检查日期").inputValue()).toBe(CHECK_DATE);
    await page.getByLabel("检查日期").blur();
    await shoot("01-start");
  });

  test("导入种子表 writes the four seed tables next to the user's sheet, text as text", async () => {
    await timed("import", async () => {
      await page.getByRole("button", { name: "导入种子表" }).click();
      await page
        .getByText("已导入 4 张表，共 170 行：市重点工作、关键任务、区重点工作、民心工程。")
        .waitFor();
    });
    await page.getByText("已识别 4 张责任分解表，点击「校验」开始检查。").waitFor();
    expect(await page.getByText(IMPORT_SHEETS.join("、"), { exact: true }).isVisible()).toBe(true);

    expect((await workbookState()).sheetNames).toEqual([LEDGER.name, ...IMPORT_SHEETS]);
    for (const sheet of IMPORT_SHEETS) expect((await cell(sheet, "A1")).value).toBe(TITLES[sheet]);
    // The seed's copy-paste residue stays the text it is, not a formula =+C18.
    const residue = await cell("市重点工作", "C15");
    expect(residue.value).toContain("积极与市水务局+C18协调");
    expect(residue.formula).toBeNull();
    expect(residue.numberFormat).toBe("@");
    residueFillAfterImport = residue.fill;
    await keepSheets("imported", IMPORT_SHEETS);
    await shoot("02-import");
  });

  test("校验 shows totals that match the 校验结果 sheet and marks the offending cells", async () => {
    const results = page.getByRole("region", { name: "校验结果" });
    await timed("validate", async () => {
      await page.getByRole("button", { name: "校验", exact: true }).click();
      await results.getByText(/^校验完成：共 170 行，/).waitFor();
    });
    const summary = (await results.getByText(/^校验完成/).textContent()) ?? "";
    const counted = async (label: string) =>
      Number((await results.getByRole("group", { name: label }).textContent())?.replace(/\D/g, ""));
    const shown = {
      错误: await counted("错误"),
      警告: await counted("警告"),
      提示: await counted("提示"),
    };
    expect(summary).toBe(
      `校验完成：共 170 行，错误 ${shown.错误} 处，警告 ${shown.警告} 处，提示 ${shown.提示} 处。`
    );
    expect(shown.错误).toBeGreaterThan(0);

    const state = await workbookState();
    expect(state.sheetNames).toEqual([LEDGER.name, ...IMPORT_SHEETS, "校验结果"]);
    expect(state.activeSheet).toBe("校验结果");
    const grid = await page.evaluate(() =>
      (window as unknown as PageWindow).__excelStandIn.workbook.toGrid("校验结果")
    );
    expect(grid[1][0]).toBe(`${summary}检查日期：${CHECK_DATE}。`);
    expect(grid[2].slice(0, 2)).toEqual(["序号", "严重程度"]);
    // Below title, summary line and header: one row per issue, numbered, its severity in column B.
    const issueRows = grid.slice(3);
    expect(issueRows.map((row) => row[0])).toEqual(issueRows.map((_, i) => i + 1));
    expect(issueRows).toHaveLength(shown.错误 + shown.警告 + shown.提示);
    for (const [label, n] of Object.entries(shown))
      expect(issueRows.filter((row) => row[1] === label)).toHaveLength(n);

    const residue = await cell("市重点工作", "C15");
    expect(residue.fill).toBe(ERROR_FILL);
    expect(residue.note).toMatch(/^【错误】.*电子表格残留「\+C18」/);
    await shoot("03-validate");
  });

  test("a click on an issue selects its cell in the workbook", async () => {
    expect((await workbookState()).selection).not.toBe("市重点工作!C15");
    await page.getByRole("button", { name: /^电子表格残留/ }).click();
    const issue = page.getByRole("button", { name: /^市重点工作 C15/ });
    await timed("select", async () => {
      await issue.click();
      await page.waitForFunction(
        () =>
          (window as unknown as PageWindow).__excelStandIn.workbook.selection === "市重点工作!C15"
      );
    });
    expect(await workbookState()).toMatchObject({
      activeSheet: "市重点工作",
      selection: "市重点工作!C15",
    });
    expect(await issue.textContent()).toContain("+C18");
    await shoot("04-select-issue");
  });

  test("清除标记 removes every mark and gives the four tables back as 导入 wrote them", async () => {
    const marked = await markedCells(IMPORT_SHEETS);
    expect(marked).toBeGreaterThan(0);
    const notice = await timed("clear", async () => {
      await page.getByRole("button", { name: "清除标记" }).click();
      const message = page.getByText(/^已清除 \d+ 处标记。$/);
      await message.waitFor();
      return message.textContent();
    });
    expect(notice).toBe(`已清除 ${marked} 处标记。`);
    expect((await cell("市重点工作", "C15")).fill).toBe(residueFillAfterImport);
    await keepSheets("cleared", IMPORT_SHEETS);
    expect(await differences("imported", "cleared")).toEqual([]);
    await shoot("05-clear-marks");
  });

  test.todo(
    "生成单位表 writes a sheet per lead unit, linked back to 导入 (the pane has no such button yet)"
  );
  test.todo(
    "汇总 writes the summary and 复制 puts its report text on the clipboard (the pane has no such button yet)"
  );

  test("the user's own sheet 我的台账 is exactly as it was", async () => {
    expect(await sheetSnapshot(LEDGER.name)).toEqual(ledgerBefore);
  });
});
