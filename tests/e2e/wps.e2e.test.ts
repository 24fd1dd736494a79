import { readFileSync } from "fs";
import { join } from "path";
import { ensureWpsBuild } from "../support/wpsBuild";
import { PANE_STEPS, LEDGER } from "./support/paneSteps";
import { type PaneHost, ROOT, describePane } from "./support/paneSuite";
import { standInScript } from "./support/standInScript";
import { testFontHead } from "./support/testFont";

/**
 * The WPS build's pane (dist-wps/addin/, as `npm run build:wps` writes it) in headless Chromium,
 * with the ET stand-in bundled for the browser and installed as window.Application before each
 * page's scripts run, as WPS gives its add-in pages. The steps are the ones the Excel suite runs
 * (support/paneSteps.ts); screenshots go to test-output/e2e/wps-*.png (git-ignored).
 */

const ADDIN = join(ROOT, "dist-wps", "addin");

type RibbonPage = Window & {
  __etStandIn: { taskPanes: { url: string }[] };
} & Record<string, (control: { Id: string }) => unknown>;

const wps: PaneHost = {
  name: "WPS",
  id: "wps",
  async prepare() {
    const started = Date.now();
    const built = await ensureWpsBuild(ROOT);
    return { dir: ADDIN, buildMs: built ? Date.now() - started : null };
  },
  pageSetup(_dir, sheets) {
    const standIn = standInScript("et", { name: "督办台账.xlsx" }, sheets).replace(
      /<\/script/gi,
      "<\\/script"
    );
    const head = `<script>${standIn}</script>${testFontHead()}`;
    return { editHtml: (page) => page.replace("<head>", `<head>${head}`) };
  },
  // WPS loads index.html with ribbon.xml; a click runs the onAction ribbon.xml names for the button.
  async ribbonImport(run) {
    const ribbon = readFileSync(join(ADDIN, "ribbon.xml"), "utf8");
    const button = /<button [^>]*label="导入分解表"[^>]*>/.exec(ribbon)?.[0] ?? "";
    const action = /onAction="([^"]+)"/.exec(button)?.[1];
    const id = / id="([^"]+)"/.exec(button)?.[1];
    if (!action || !id) throw new Error("ribbon.xml 中没有「导入分解表」按钮");
    await run.open("index.html");
    const url = await run.page.evaluate(
      ([name, control]) => {
        const page = window as unknown as RibbonPage;
        page[name]({ Id: control });
        return page.__etStandIn.taskPanes.at(-1)?.url ?? "";
      },
      [action, id] as const
    );
    return url.startsWith(run.serverUrl) ? url.slice(run.serverUrl.length) : url;
  },
  // #17's budget for 校验 of the seeds: under 300 ET calls (1,511 at first, 651 before the
  // merges the add-in wrote were kept on the record sheet; README, WPS 表格).
  validateCostLimit: 300,
  costUnit: "ET calls",
  timeoutMs: 30_000,
};

describePane(wps, PANE_STEPS, [LEDGER]);
