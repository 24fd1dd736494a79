import { parse } from "acorn";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { ensureProductionBuild } from "../e2e/support/build";

/**
 * What must run in Trident is parsed as ES5: no ES2015+ syntax can slip into it. The pane's
 * bundle is ES2020 and is loaded only by the start page, after it has checked the browser.
 */
const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");

const isEs5 = (file: string): boolean => {
  try {
    parse(readFileSync(join(DIST, file), "utf8"), { ecmaVersion: 5 });
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  await ensureProductionBuild(ROOT);
}, 600_000);

test("the start page bundle is ES5, and the pane's page loads nothing else itself", () => {
  const bundles = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const startPage = bundles.filter((f) => f.startsWith("startpage."));
  expect(startPage).toHaveLength(1);
  expect(isEs5(startPage[0])).toBe(true);
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const local = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  expect(local).toEqual(startPage);
  // The pane's own bundle is not ES5: it must never be a <script> of the page.
  const pane = bundles.find((f) => f.startsWith("taskpane."))!;
  expect(isEs5(pane)).toBe(false);
  expect(html).toContain(`data-bundle=${pane}`);
});
