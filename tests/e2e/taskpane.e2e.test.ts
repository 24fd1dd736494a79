import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { a1 } from "../../src/core/patch/address";
import type { GeneratedKind } from "../../src/core/patch/schema";
import { MARKER_PROPERTY } from "../../src/excel/markers";
import type { CellSnapshot, SheetSnapshot, StandInHandle } from "../support/excel-standin";
import { ensureProductionBuild } from "./support/build";
import { launchChromium, type Browser } from "./support/chromium";
import { scriptSources } from "./support/paneHtml";
import { officeStandInScript, type UserSheet } from "./support/officeStandIn";
import { serveDirectory, type StaticServer } from "./support/staticServer";
import { openOfflinePane } from "./support/offlinePane";
import { TEST_FONT, testFontHead } from "./support/testFont";
import { seedTable, seedTables } from "../support/seeds";

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

/** Leads more 区重点工作 tasks (15 of 106) than any other unit; the district table writes it 发展改革委. */
const UNIT = "区发展改革委";
const UNIT_WORD = "发展改革委";
const UNIT_SHEET = `单位-${UNIT}`;
/** 区重点工作 序号1, led by 发展改革委. */
const UNIT_TASK = "全区生产总值增长高于全市预期目标";
const TYPED_PROGRESS = "前三季度已完成全年目标的七成，正按月调度。";
/** The seed rows, of all four tables, whose 牵头单位 cell names the unit. */
const LED_BY_UNIT = seedTables().flatMap((t) =>
  t.rows.filter((r) => r.fields.lead?.includes(UNIT_WORD))
);

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
const timings: Record<string, number | string> = {};
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
      // The tabs a user can see or unhide: the add-in's very hidden record sheet is left out.
      sheetNames: workbook
        .sheetNames()
        .filter((name) => workbook.sheet(name).snapshot().visibility !== "VeryHidden"),
      activeSheet: workbook.activeSheet,
      selection: workbook.selection,
    };
  });
}

/** A sheet's values (or their text as shown) from A1 to its last value. */
function gridOf(name: string, kind: "values" | "text" = "values"): Promise<unknown[][]> {
  return page.evaluate(
    ([n, k]) => (window as unknown as PageWindow).__excelStandIn.workbook.toGrid(n, k),
    [name, kind] as const
  );
}

/** Names of the sheets, in tab order, whose generated marker is of `kind`. */
function generatedSheets(kind: GeneratedKind): Promise<string[]> {
  return page.evaluate(
    ([property, wanted]) => {
      const { workbook } = (window as unknown as PageWindow).__excelStandIn;
      return workbook.sheetNames().filter((name) => {
        const marker = workbook.sheet(name).model.customProperties.find((p) => p.key === property);
        return (
          marker !== undefined && (JSON.parse(marker.value) as { kind?: string }).kind === wanted
        );
      });
    },
    [MARKER_PROPERTY, kind] as const
  );
}

/** A user typing text into a cell (stored as typed, as Excel stores plain text). */
function typeInto(sheet: string, address: string, value: string): Promise<void> {
  return page.evaluate(
    ([s, a, v]) => {
      (window as unknown as PageWindow).__excelStandIn.workbook.sheet(s).setValues(a, [[v]]);
    },
    [sheet, address, value] as const
  );
}

/** The 0-based row of the only row with a cell starting with `task`. */
function rowOf(grid: unknown[][], task: string): number {
  const rows = grid.flatMap((r, i) =>
    r.some((v) => typeof v === "string" && v.startsWith(task)) ? [i] : []
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** The body rows of a figure table of the 汇总 sheet: below its title and header, up to a blank row. */
function figureTable(grid: unknown[][], title: string): unknown[][] {
  const at = grid.findIndex((r) => r[0] === title);
  expect(at).toBeGreaterThan(0);
  const end = grid.findIndex((r, i) => i > at + 1 && r.every((v) => v === ""));
  return grid.slice(at + 2, end < 0 ? grid.length : end);
}

/** The clipboard's text/html as Chromium gives it back: how many tables, and the first one's rows. */
function clipboardHtml(): Promise<{ tables: number; rows: string[][] }> {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items.find((i) => i.types.includes("text/html"));
    if (!item) return { tables: 0, rows: [] };
    const html = await (await item.getType("text/html")).text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const first = doc.querySelector("table");
    return {
      tables: doc.querySelectorAll("table").length,
      rows: [...(first?.querySelectorAll("tr") ?? [])].map((tr) =>
        [...tr.querySelectorAll("th,td")].map((c) => c.textContent ?? "")
      ),
    };
  });
}

/** Screenshot of the pane; `fromTop` scrolls back up first, to the notice and the 汇总 report. */
async function shoot(name: string, fromTop = false): Promise<void> {
  if (fromTop) await page.evaluate(() => window.scrollTo(0, 0));
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

/**
 * The setup as it runs. A beforeAll that times out is not stopped: afterAll waits for it, so that
 * a browser it launches late is still closed (an open browser keeps Jest's worker from exiting).
 */
let setUp: Promise<void> = Promise.resolve();

beforeAll(() => (setUp = setUpPane()), 900_000);

async function setUpPane(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const build = await ensureProductionBuild(ROOT);
  if (build.built) timings.build = build.ms;
  const started = Date.now();
  const office = officeJsUrl();
  const standIn = officeStandInScript({ excelApi: "1.18", realDelayMs: 5 }, [LEDGER]);
  server = await serveDirectory(DIST);
  browser = await launchChromium(PANE_VIEWPORT);
  // 复制文字 / 复制表格 write the clipboard; the test reads it back.
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(server.url).origin,
  });
  timings.browser = browser.name;
  // Only the local server and the stand-in answer; anything else would mean the pane needs the network.
  page = await openOfflinePane(
    browser,
    server.url,
    {
      page: "taskpane.html",
      editHtml: (html) => html.replace("</head>", `${testFontHead()}</head>`),
      scripts: new Map([[office, standIn]]),
      timeoutMs: 20_000,
    },
    { pageErrors, offline }
  );
  timings.launch = Date.now() - started;
  // On a fresh clone this includes the production build: minutes on a busy 2-core machine.
}

afterAll(async () => {
  await setUp.catch(() => undefined);
  await browser?.close();
  await server?.close();
  writeFileSync(join(SHOTS, "timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
}, 900_000);

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
    // The Chinese on screen is drawn with the test page's own font, whatever the machine has.
    const fonts = await page.evaluate(async (family) => {
      await document.fonts.ready;
      const heading = document.querySelector("h1") ?? document.body;
      return {
        used: getComputedStyle(heading).fontFamily,
        loaded: [...document.fonts].filter(
          (f) => f.family.replace(/"/g, "") === family && f.status === "loaded"
        ).length,
      };
    }, TEST_FONT);
    expect(fonts.used).toContain(TEST_FONT);
    expect(fonts.loaded).toBeGreaterThan(0);
    await shoot("01-start");
  });

  test("导入示例表 writes the four seed tables next to the user's sheet, text as text", async () => {
    await timed("import", async () => {
      await page.getByRole("button", { name: "导入示例表" }).click();
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
    const totals = `校验完成：共 170 行，错误 ${shown.错误} 处，警告 ${shown.警告} 处，提示 ${shown.提示} 处。`;
    expect(summary).toBe(
      `${totals}名册：使用随附的天津市津南区 2022 年名册（单位 66 个，领导 12 位）。`
    );
    expect(shown.错误).toBeGreaterThan(0);

    const state = await workbookState();
    expect(state.sheetNames).toEqual([LEDGER.name, ...IMPORT_SHEETS, "校验结果"]);
    expect(state.activeSheet).toBe("校验结果");
    const grid = await gridOf("校验结果");
    expect(grid[1][0]).toBe(`${totals}检查日期：${CHECK_DATE}。`);
    expect(grid[2].slice(0, 2)).toEqual(["序号", "严重程度"]);
    // Below title, summary line and header: one row per issue, numbered, its severity in column B,
    // down to the blank row that sets off how each table's columns were read (列识别).
    const blank = grid.findIndex((row, i) => i > 2 && row.every((v) => v === ""));
    const issueRows = grid.slice(3, blank < 0 ? undefined : blank);
    if (blank >= 0) expect(grid[blank + 1][0]).toBe("列识别");
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

  test("at 350 × 700 the header that stays in view takes a third of the pane at most", async () => {
    await page.setViewportSize({ width: 350, height: 700 });
    try {
      // Scrolled down the issue list: the sticky part is on top, and small.
      await page.evaluate(() => window.scrollTo(0, 1200));
      const sticky = await page.evaluate(() => {
        const el = [...document.querySelectorAll("div")].find(
          (d) => getComputedStyle(d).position === "sticky"
        );
        const box = el?.getBoundingClientRect();
        return box ? { top: box.top, height: box.height } : null;
      });
      expect(sticky).not.toBeNull();
      expect(sticky!.top).toBe(0);
      expect(sticky!.height).toBeLessThanOrEqual(700 / 3);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await shoot("04b-pane-350x700-scrolled");
      await shoot("04c-pane-350x700-top", true);
    } finally {
      await page.setViewportSize(PANE_VIEWPORT);
    }
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

  test("生成单位表 (按牵头单位) writes a sheet per lead unit, linked back to 导入, and keeps what was typed", async () => {
    await page.getByRole("radio", { name: "按牵头单位" }).check();
    const notice = await timed("unit-sheets", async () => {
      await page.getByRole("button", { name: "生成单位表" }).click();
      const message = page.getByText(/^已生成 \d+ 张单位表（按牵头单位）。$/);
      await message.waitFor();
      return (await message.textContent()) ?? "";
    });
    const reported = Number(/\d+/.exec(notice)?.[0]);
    const unitSheets = await generatedSheets("unit");
    expect(unitSheets).toHaveLength(reported);
    for (const name of unitSheets) {
      expect(name.startsWith("单位-")).toBe(true);
      expect(name.length).toBeLessThanOrEqual(31);
    }
    // New sheets only: every earlier sheet is where it was, the 导入 tables exactly as they were.
    expect((await workbookState()).sheetNames).toEqual([
      LEDGER.name,
      ...IMPORT_SHEETS,
      "校验结果",
      ...unitSheets,
    ]);
    await keepSheets("unit-sheets", IMPORT_SHEETS);
    expect(await differences("cleared", "unit-sheets")).toEqual([]);
    expect(await sheetSnapshot(LEDGER.name)).toEqual(ledgerBefore);

    // The unit's sheet lists every task whose 牵头单位 cell names it, in any of the four tables.
    expect(unitSheets).toContain(UNIT_SHEET);
    const sheet = await gridOf(UNIT_SHEET);
    expect(sheet[0][0]).toBe(`${UNIT}重点工作任务清单`);
    const leadBand = sheet.findIndex((r) => r[0] === `一、牵头事项（${LED_BY_UNIT.length}项）`);
    const coopBand = sheet.findIndex(
      (r) => typeof r[0] === "string" && r[0].startsWith("二、配合事项")
    );
    expect(leadBand).toBeGreaterThan(1);
    expect(coopBand).toBe(leadBand + LED_BY_UNIT.length + 1);
    const header = sheet[1];
    const taskCol = header.indexOf("重点工作");
    const listed = sheet.slice(leadBand + 1, coopBand).map((r) => r[taskCol]);
    expect([...listed].sort()).toEqual(LED_BY_UNIT.map((r) => r.fields.task).sort());

    // Its row of 区重点工作 序号1 links back to that row of the 导入 sheet.
    const at = (title: string) => a1(rowOf(sheet, UNIT_TASK), header.indexOf(title));
    const source = await cell(UNIT_SHEET, at("来源"));
    expect(source.value).toBe("区重点工作!B5");
    expect((await cell(UNIT_SHEET, at("原序号"))).value).toBe("1");
    const target = /^'?([^'!]+)'?!([A-Z]+\d+)$/.exec(source.hyperlink?.documentReference ?? "");
    expect(target?.[1]).toBe("区重点工作");
    const linked = (await cell("区重点工作", target?.[2] ?? "A1")).value;
    expect(String(linked).startsWith(UNIT_TASK)).toBe(true);
    await shoot("06-unit-sheets", true);

    // A user types progress into the unit sheet; a second run must keep it (issue 5 part 2).
    await typeInto(UNIT_SHEET, at("完成状态"), "推进中");
    await typeInto(UNIT_SHEET, at("进展情况"), TYPED_PROGRESS);
    // An edit outside those two columns is the master's to decide: the re-run writes it back.
    const leader = (await cell(UNIT_SHEET, at("分管领导"))).value;
    await typeInto(UNIT_SHEET, at("分管领导"), "不是分管领导");
    await page.evaluate(() => (window as unknown as PageWindow).__excelStandIn.stats.reset());
    await timed("unit-sheets-again", async () => {
      await page.getByRole("button", { name: "生成单位表" }).click();
      // The notice is cleared when a run starts and set when it ends; syncs show this run wrote.
      await page.getByText(notice, { exact: true }).waitFor();
      await page.waitForFunction(
        () => (window as unknown as PageWindow).__excelStandIn.stats.syncs > 0
      );
    });
    expect(await generatedSheets("unit")).toEqual(unitSheets);
    const again = await gridOf(UNIT_SHEET);
    const row = again[rowOf(again, UNIT_TASK)];
    expect(row[header.indexOf("完成状态")]).toBe("推进中");
    expect(row[header.indexOf("进展情况")]).toBe(TYPED_PROGRESS);
    expect(row[header.indexOf("分管领导")]).toBe(leader);
    expect(await sheetSnapshot(LEDGER.name)).toEqual(ledgerBefore);
    await shoot("07-unit-sheets-again", true);
  });

  test("汇总 writes the summary sheet, shows the report and copies it as text and as tables", async () => {
    await timed("summary", async () => {
      await page.getByRole("button", { name: "汇总", exact: true }).click();
      await page.getByText("汇总完成，已写入「汇总」工作表。").waitFor();
    });
    const report = page.getByRole("region", { name: "汇总报告" });
    const shown = await report.locator("p").allTextContents();
    const tables = seedTables();
    const district = seedTable("district");
    const total = tables.reduce((n, t) => n + t.rows.length, 0);
    expect(shown).toContainEqual(
      expect.stringMatching(
        new RegExp(`^截至2022年9月30日，2022年津南区政府重点工作共${district.rows.length}项，`)
      )
    );
    expect(shown).toContainEqual(
      expect.stringMatching(new RegExp(`^${tables.length}张表合计${total}项，`))
    );

    // The 汇总 sheet: marked as generated, the same sentences, per-table totals as parsed.
    expect(await generatedSheets("summary")).toEqual(["汇总"]);
    const state = await workbookState();
    expect(state.activeSheet).toBe("汇总");
    const summary = await gridOf("汇总");
    expect(summary[0][0]).toBe("督办情况汇总（截至2022年9月30日）");
    expect(summary.slice(1, 1 + shown.length).map((r) => r[0])).toEqual(shown);
    const perTable = figureTable(summary, "各表完成情况");
    expect(perTable.map((r) => r[1])).toEqual(tables.map((t) => t.rows.length));
    const perUnit = figureTable(summary, "各牵头单位完成情况");
    const unitRow = perUnit.find((r) => r[0] === UNIT);
    expect(unitRow?.[1]).toBe(LED_BY_UNIT.length);
    // The pane's sentence and the sheet give the same figures for 区重点工作.
    const [done, inProgress, overdue, dueSoon] = perTable[tables.indexOf(district)].slice(2, 6);
    const sentence = shown.find((s) => s.includes("津南区政府重点工作共"));
    expect(sentence).toContain(`超期${overdue}项，即将到期${dueSoon}项`);
    // No 完成状态 is typed in 区重点工作: the sentence says so rather than “已完成0项”.
    expect(sentence).toContain(
      Number(done) + Number(inProgress) === 0
        ? "完成情况未填报"
        : `已完成${done}项，推进中${inProgress}项`
    );
    expect(await sheetSnapshot(LEDGER.name)).toEqual(ledgerBefore);
    await shoot("08-summary", true);

    const copied = report.getByRole("status");
    await timed("copy", async () => {
      await report.getByRole("button", { name: "复制文字" }).click();
      await copied.getByText("已复制").waitFor();
    });
    const text = await page.evaluate(() => navigator.clipboard.readText());
    // The sentences as shown, then the figure tables, tab-separated.
    expect(text.split("\n\n")[0]).toBe(shown.join("\n"));
    expect(text).toContain(`\n${UNIT}\t${LED_BY_UNIT.length}\t`);

    await page.evaluate(() => navigator.clipboard.writeText(""));
    await report.getByRole("button", { name: "复制表格" }).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== "");
    const html = await clipboardHtml();
    expect(html.tables).toBeGreaterThanOrEqual(3);
    // Its row for the unit reads as the 汇总 sheet shows it (counts, and the rate as a percentage).
    const shownRow = figureTable(await gridOf("汇总", "text"), "各牵头单位完成情况").find(
      (r) => r[0] === UNIT
    );
    expect(html.rows).toContainEqual(shownRow);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await copied.textContent()).toBe("已复制");
    await shoot("09-summary-copied");
  });

  test("the user's own sheet 我的台账 is exactly as it was", async () => {
    expect(await sheetSnapshot(LEDGER.name)).toEqual(ledgerBefore);
  });
});
