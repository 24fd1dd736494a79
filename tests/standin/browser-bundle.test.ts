import { buildSync } from "esbuild";
import { join } from "path";
import { createContext, runInContext } from "vm";

/**
 * The e2e test injects the stand-in into a real page in place of Office.js, so its code must
 * bundle for a browser (no Node built-ins) and work from the page's globals alone.
 */
describe("the stand-in as a browser script", () => {
  const entry = join(__dirname, "..", "support", "excel-standin", "browser-entry.ts");

  it("bundles for the browser and serves the task pane's calls from window globals", async () => {
    const bundle = buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    const code = bundle.outputFiles[0].text;
    expect(code).not.toMatch(/require\(["'](fs|path|vm|util)["']\)/);

    const page: Record<string, unknown> = {
      setTimeout,
      __excelStandInOptions: { excelApi: "1.7", sheets: ["我的台账"] },
    };
    page.window = page;
    const context = createContext(page);
    runInContext(code, context);
    const names = await runInContext(
      `(async () => {
        await Office.onReady();
        const supported = Office.context.requirements.isSetSupported("ExcelApi", "1.8");
        return Excel.run(async (context) => {
          const sheet = context.workbook.worksheets.add("校验结果");
          sheet.getRange("A1").values = [["+C18"]];
          const sheets = context.workbook.worksheets;
          sheets.load("items/name");
          await context.sync();
          return [supported, ...sheets.items.map((s) => s.name)];
        });
      })()`,
      context
    );
    expect(names).toEqual([false, "我的台账", "校验结果"]);
    const handle = page.__excelStandIn as {
      workbook: { sheet(n: string): { cell(a: string): { formula: string | null } } };
    };
    expect(handle.workbook.sheet("校验结果").cell("A1").formula).toBe("=+C18");
  });
});
