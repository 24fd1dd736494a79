import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import type { Page } from "playwright-core";
import { splitByUnit } from "../../src/core/distribute/split";
import type { StandInHandle } from "../support/excel-standin";
import { seedMaster } from "../taskpane/fakeWorkbook";
import { ensureProductionBuild } from "./support/build";
import { launchChromium, type Browser } from "./support/chromium";
import { officeStandInScript } from "./support/officeStandIn";
import { scriptSources } from "./support/paneHtml";
import { serveDirectory, type StaticServer } from "./support/staticServer";

/**
 * 下发单位表 and 回收进展 in the built pane in Chromium, on the Excel stand-in: the files are made
 * by ExcelJS in the browser (a chunk loaded on demand), come down as one .zip, and one of them,
 * filled in, goes back up through the file picker into the workbook. Screenshots go to
 * test-output/e2e/ (git-ignored).
 */
const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "test-output", "e2e");
const UNIT_FILE = "区发展改革委-督办事项-20220930.xlsx";
const PROGRESS = "前三季度已完成全年目标的七成。";
const CORRECTED = "更正：前三季度已完成全年目标的八成。";

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/**
 * The setup as it runs. A beforeAll that times out is not stopped: afterAll waits for it, so that
 * a browser it launches late is still closed (an open browser keeps Jest's worker from exiting).
 */
let setUp: Promise<void> = Promise.resolve();

beforeAll(() => (setUp = setUpPane()), 600_000);

async function setUpPane(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await ensureProductionBuild(ROOT);
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const office = scriptSources(html).find((s) => /\/office\.js$/.test(s));
  const standIn = officeStandInScript({ excelApi: "1.18", realDelayMs: 5 }, [
    { name: "我的台账", values: [["日期", "事项"]] },
  ]);
  server = await serveDirectory(DIST);
  browser = await launchChromium({ width: 360, height: 900 });
  await browser.context.route("**/*", (route) =>
    route.request().url() === office
      ? route.fulfill({ contentType: "text/javascript; charset=utf-8", body: standIn })
      : route.request().url().startsWith(server.url)
        ? route.continue()
        : route.abort()
  );
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}taskpane.html`);
}

afterAll(async () => {
  await setUp.catch(() => undefined);
  await browser?.close();
  await server?.close();
}, 600_000);

test("下发 downloads every unit's file as one .zip; 回收 takes a filled file back", async () => {
  await page.getByText(/^工作簿中还没有可识别的责任分解表/).waitFor();
  expect(pageErrors).toEqual([]);
  await page.getByRole("button", { name: "导入示例表" }).click();
  await page.getByText(/^已导入 4 张表/).waitFor();
  await page.getByLabel("检查日期").fill("2022-09-30");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下发单位表" }).click();
  await page.getByText(/^已生成 \d+\/\d+：/).waitFor();
  await page.screenshot({ path: join(SHOTS, "distribute-progress.png") });
  const zipPath = join(SHOTS, "下发单位表.zip");
  await (await download).saveAs(zipPath);
  // As many files as the core makes of the seed tables (every lead and cooperating unit, the
  // towns included through 各镇).
  const units = splitByUnit(seedMaster(), { date: "2022-09-30" }).length;
  expect(units).toBeGreaterThan(60);
  await page.getByText(new RegExp(`^已生成 ${units} 个单位的下发文件`)).waitFor();
  await page.screenshot({ path: join(SHOTS, "distribute-done.png") });
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  expect(Object.keys(zip.files)).toHaveLength(units);

  // The unit fills in its first item and sends the file back under another name.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await zip.file(UNIT_FILE)!.async("nodebuffer")) as unknown as Parameters<
      ExcelJS.Xlsx["load"]
    >[0]
  );
  const sheet = workbook.getWorksheet("督办事项")!;
  const first = [...Array(sheet.rowCount).keys()]
    .map((i) => i + 1)
    .find((r) => typeof sheet.getCell(r, 1).value === "number")!;
  sheet.getCell(first, 7).value = "推进中";
  sheet.getCell(first, 8).value = PROGRESS;
  const back = join(SHOTS, "报回-发展改革委.xlsx");
  writeFileSync(back, Buffer.from(await workbook.xlsx.writeBuffer()));

  await page.getByLabel("选择各单位报回的文件").setInputFiles(back);
  await page.getByText(/^回收完成：读取 1 个文件，更新 2 处/).waitFor();
  await page.screenshot({ path: join(SHOTS, "collect-done.png") });
  const { names, values } = await page.evaluate(() => {
    const { workbook } = (window as unknown as { __excelStandIn: StandInHandle }).__excelStandIn;
    const sheets = workbook.sheetNames();
    return { names: sheets, values: sheets.flatMap((n) => workbook.toGrid(n, "values").flat()) };
  });
  expect(values).toContain(PROGRESS);
  expect(names).toEqual(expect.arrayContaining(["回收情况", "汇总"]));

  // The unit sends a second, different file: 回收 asks which to keep before writing anything.
  sheet.getCell(first, 8).value = CORRECTED;
  const again = join(SHOTS, "报回-发展改革委-更正.xlsx");
  writeFileSync(again, Buffer.from(await workbook.xlsx.writeBuffer()));
  await page.getByLabel("选择各单位报回的文件").setInputFiles([back, again]);
  await page.getByText("回收待确认（1 处）").waitFor();
  await page.screenshot({ path: join(SHOTS, "collect-decisions.png"), fullPage: true });
  await page.getByRole("radio", { name: "采用「报回-发展改革委-更正.xlsx」的" }).check();
  await page.getByRole("button", { name: "写入总表" }).click();
  await page.getByText(/其中 1 处按所选采用回收内容/).waitFor();
  const after = await page.evaluate(() => {
    const { workbook } = (window as unknown as { __excelStandIn: StandInHandle }).__excelStandIn;
    return workbook.sheetNames().flatMap((n) => workbook.toGrid(n, "values").flat());
  });
  expect(after).toContain(CORRECTED);
  expect(pageErrors).toEqual([]);
}, 600_000);
