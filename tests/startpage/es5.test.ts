import { parse } from "acorn";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { ensureProductionBuild } from "../e2e/support/build";

/**
 * What must run in Trident is parsed as ES5: no ES2015+ syntax can slip into it. Each page
 * Office opens (the pane's, and the ribbon's function file) has one script of its own, ES5,
 * which loads the page's ES2020 bundle only after it has checked the browser.
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

test.each([
  ["taskpane.html", "startpage", "taskpane"],
  ["commands.html", "commands", "ribbon"],
])("%s loads only its ES5 script (%s), which names the ES2020 bundle (%s)", (page, es5, modern) => {
  const bundles = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const own = (name: string) => bundles.filter((f) => f.startsWith(`${name}.`));
  expect(own(es5)).toHaveLength(1);
  expect(isEs5(own(es5)[0])).toBe(true);
  const html = readFileSync(join(DIST, page), "utf8");
  const local = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  expect(local).toEqual(own(es5));
  // The ES2020 bundle is not ES5: it must never be a <script> of the page.
  expect(own(modern)).toHaveLength(1);
  expect(isEs5(own(modern)[0])).toBe(false);
  expect(html).toContain(`data-bundle=${own(modern)[0]}`);
});
