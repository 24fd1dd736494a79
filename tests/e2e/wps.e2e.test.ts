import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import type { EtStandIn } from "../support/et-standin";
import { seedTables } from "../support/seeds";
import { ensureWpsBuild } from "../support/wpsBuild";
import { browserBundle } from "./support/browserBundle";
import { launchChromium, type Browser } from "./support/chromium";
import { serveDirectory, type StaticServer } from "./support/staticServer";
import { openOfflinePane } from "./support/offlinePane";
import { testFontHead } from "./support/testFont";

/**
 * The WPS build's pane (dist-wps/addin/taskpane.html, as `npm run build:wps` writes it) in headless
 * Chromium, with the ET stand-in bundled for the browser and installed as window.Application
 * before the pane's bundle runs, as WPS gives its add-in pages. The pane is used through its
 * buttons only; what it shows and what it wrote into the stand-in's workbook are checked, and a
 * screenshot goes to test-output/e2e/wps-*.png.
 */

const ROOT = join(__dirname, "..", "..");
const ADDIN = join(ROOT, "dist-wps", "addin");
const SHOTS = join(ROOT, "test-output", "e2e");
const CHECK_DATE = "2022-09-30";
const ENTRY = join(__dirname, "..", "support", "et-standin", "browser-entry.ts");

type PageWindow = Window & { __etStandIn: EtStandIn };

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const offline: string[] = [];

/** The ET stand-in as one script, installed with a user's sheet that must come out untouched. */
function etStandInScript(): string {
  return [
    `window.__etStandInOptions = ${JSON.stringify({ sheets: ["我的台账"], name: "督办台账.xlsx" })};`,
    browserBundle(ENTRY),
    `window.__etStandIn.fill("我的台账", [["日期", "事项", "金额"], ["2022-03-01", "+C18 只是备注", 120.5]]);`,
  ].join("\n");
}

/** Reads from the stand-in's workbook model inside the page (nothing counted). */
function inPage<T, A>(read: (et: EtStandIn, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const fn = new Function(`return (${source})`)() as (et: unknown, x: unknown) => T;
      return fn((window as unknown as PageWindow).__etStandIn, a);
    },
    [read.toString(), arg] as const
  );
}

/**
 * The setup as it runs: afterAll waits for it, so a browser launched after a beforeAll timeout is
 * still closed (an open browser keeps Jest's worker from exiting).
 */
let setUp: Promise<void> = Promise.resolve();

beforeAll(() => (setUp = setUpPane()), 900_000);

async function setUpPane(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  ensureWpsBuild(ROOT);
  const standIn = etStandInScript();
  server = await serveDirectory(ADDIN);
  browser = await launchChromium({ width: 360, height: 900 });
  // window.Application is installed before the pane's bundle runs, as WPS gives its add-in pages.
  const head = `<script>${standIn.replace(/<\/script/gi, "<\\/script")}</script>${testFontHead()}`;
  page = await openOfflinePane(
    browser,
    server.url,
    {
      page: "taskpane.html",
      editHtml: (html) => html.replace("<head>", `<head>${head}`),
      timeoutMs: 30_000,
    },
    { pageErrors, offline }
  );
}

afterAll(async () => {
  await setUp.catch(() => undefined);
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
  expect(offline).toEqual([]);
});

test("the WPS pane in Chromium: 导入示例表 then 校验 from its buttons mark the ET workbook", async () => {
  await page.getByText(/^工作簿中还没有可识别的责任分解表/).waitFor();
  const ledger = await inPage((et) => JSON.stringify(et.workbook.sheet("我的台账").snapshot()), 0);
  await page.getByLabel("检查日期").fill(CHECK_DATE);
  await page.getByLabel("检查日期").blur();

  await page.getByRole("button", { name: "导入示例表" }).click();
  await page
    .getByText("已导入 4 张表，共 170 行：市重点工作、关键任务、区重点工作、民心工程。")
    .waitFor();

  const calls = await inPage((et) => (et.stats.reset(), et.stats.calls), 0);
  expect(calls).toBe(0);
  await page.getByRole("button", { name: "校验", exact: true }).click();
  const results = page.getByRole("region", { name: "校验结果" });
  await results.getByText(/^校验完成：共 170 行，/).waitFor();

  // What the user sees: the core's totals for the seed tables on that day.
  const { totals } = validate(seedTables(), { roster: defaultRoster(), checkDate: CHECK_DATE });
  const summary = (await results.getByText(/^校验完成/).textContent()) ?? "";
  expect(summary).toMatch(
    new RegExp(
      `^校验完成：共 170 行，错误 ${totals.error} 处，警告 ${totals.warning} 处，提示 ${totals.info} 处。`
    )
  );
  const validateCalls = await inPage((et) => et.stats.calls, 0);
  console.log(`WPS pane in Chromium: 校验 of the seeds took ${validateCalls} ET calls`);
  // 1,511 before merged areas were found from the empty cells' runs (README, WPS 表格).
  expect(validateCalls).toBeLessThan(700);

  // What went into the workbook: the residue cell red with its note, the listing linked to it.
  const residue = await inPage((et) => et.workbook.sheet("市重点工作").cell("C15"), 0);
  // 附件1 #13's text with the residue "+C18" inside, kept as text.
  expect(residue.value).toContain("积极与市水务局+C18协调");
  expect(residue.formula).toBeNull();
  expect(residue.fill).toBe(0xcec7ff); // #FFC7CE as ET's BGR
  expect(residue.comment).toMatch(/^【错误】/);
  const listing = await inPage(
    (et) =>
      [...et.workbook.sheet("校验结果").cells.values()]
        .map((c) => c.formula)
        .filter((f): f is string => f !== null && f.includes("'市重点工作'!C15")),
    0
  );
  expect(listing.length).toBeGreaterThan(0);
  expect(listing[0]).toMatch(/^=HYPERLINK\("#'市重点工作'!C15",/);
  const tabs = await inPage(
    (et) => et.workbook.sheets.filter((s) => s.visible === -1).map((s) => s.name),
    0
  );
  expect(tabs).toEqual([
    "我的台账",
    "市重点工作",
    "关键任务",
    "区重点工作",
    "民心工程",
    "校验结果",
  ]);
  // The user's sheet is as it was.
  expect(await inPage((et) => JSON.stringify(et.workbook.sheet("我的台账").snapshot()), 0)).toBe(
    ledger
  );

  // A click on an issue selects its cell in WPS.
  await page.getByRole("button", { name: /^电子表格残留/ }).click();
  await page.getByRole("button", { name: /^市重点工作 C15/ }).click();
  await page.waitForFunction(() => {
    const { workbook } = (window as unknown as PageWindow).__etStandIn;
    const active = workbook.sheets[workbook.active];
    return (
      active.name === "市重点工作" && active.selection?.row === 14 && active.selection.col === 2
    );
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, "wps-validate.png") });
});
