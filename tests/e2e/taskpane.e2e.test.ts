import { readFileSync } from "fs";
import { join } from "path";
import { ensureProductionBuild } from "./support/build";
import { scriptSources } from "./support/paneHtml";
import { PANE_STEPS, LEDGER } from "./support/paneSteps";
import { type PaneHost, ROOT, describePane } from "./support/paneSuite";
import { standInScript } from "./support/standInScript";
import { testFontHead } from "./support/testFont";

/**
 * The built task pane (dist/taskpane.html and its bundle, as `npm run build` writes it) in
 * headless Chromium, with the in-memory Excel stand-in served in place of Office.js: the
 * production bundle runs its real code paths (createExcelActions → the Office.js adapter). The
 * steps are the ones the WPS suite runs too (support/paneSteps.ts); screenshots go to
 * test-output/e2e/excel-*.png (git-ignored).
 */

/** The address a button of manifest.xml opens the pane at, found from its label. */
function manifestButtonUrl(label: string): string {
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const labelId = new RegExp(`<bt:String id="([^"]+)" DefaultValue="${label}"`).exec(manifest)?.[1];
  const control = manifest
    .split("<Control ")
    .find((c) => labelId !== undefined && c.includes(`<Label resid="${labelId}"/>`));
  const resid = /<SourceLocation resid="([^"]+)"\/>/.exec(control ?? "")?.[1];
  const url = new RegExp(`<bt:Url id="${resid}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
  if (!url) throw new Error(`manifest.xml 中没有「${label}」按钮打开的任务窗格地址`);
  const { pathname, search } = new URL(url);
  return `${pathname.slice(1)}${search}`;
}

const excel: PaneHost = {
  name: "Excel",
  id: "excel",
  async prepare() {
    // On a fresh clone this builds dist/ first: minutes on a busy 2-core machine.
    const build = await ensureProductionBuild(ROOT);
    return { dir: join(ROOT, "dist"), buildMs: build.built ? build.ms : null };
  },
  pageSetup(dir, sheets) {
    const html = readFileSync(join(dir, "taskpane.html"), "utf8");
    const office = scriptSources(html).find((s) => /\/office\.js$/.test(s));
    if (!office) throw new Error("dist/taskpane.html 中没有 office.js 脚本");
    const standIn = standInScript("excel", { excelApi: "1.18", realDelayMs: 5 }, sheets);
    return {
      editHtml: (page) => page.replace("</head>", `${testFontHead()}</head>`),
      scripts: new Map([[office, standIn]]),
    };
  },
  // Excel shows the pane at the address the manifest's button names (ShowTaskpane).
  ribbonImport: async () => manifestButtonUrl("导入分解表"),
  validateCostLimit: 20,
  costUnit: "syncs",
  timeoutMs: 30_000,
};

describePane(excel, PANE_STEPS, [LEDGER]);
