import { parse } from "acorn";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { ensureProductionBuild } from "../e2e/support/build";

/**
 * What must run in Trident is parsed as ES5: no ES2015+ syntax can slip into it. The pane's
 * page has one script of its own, ES5, which loads the pane's ES2020 bundle only after it has
 * checked the browser; the ribbon's function file has one script, 校验 itself, built for ES5.
 */
const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");

const own = (name: string) =>
  readdirSync(DIST).filter((f) => f.endsWith(".js") && f.startsWith(`${name}.`));

const localScripts = (html: string) =>
  [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));

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

test("taskpane.html loads only its ES5 script (startpage), which names the ES2020 bundle (taskpane)", () => {
  const startpage = own("startpage");
  expect(startpage).toHaveLength(1);
  expect(isEs5(startpage[0])).toBe(true);
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  expect(localScripts(html)).toEqual(startpage);
  // The ES2020 bundle is not ES5: it must never be a <script> of the page.
  const pane = own("taskpane");
  expect(pane).toHaveLength(1);
  expect(isEs5(pane[0])).toBe(false);
  const bundle = /data-bundle="?([^"\s>]+)/.exec(html);
  expect(bundle?.[1]).toBe(pane[0]);
});

test("commands.html loads one script, the ribbon's 校验 itself, and it is ES5", () => {
  const commands = own("commands");
  expect(commands).toHaveLength(1);
  expect(localScripts(readFileSync(join(DIST, "commands.html"), "utf8"))).toEqual(commands);
  expect(isEs5(commands[0])).toBe(true);
  // Not a loader: the 完成时限 patterns of 校验 are inside.
  expect(readFileSync(join(DIST, commands[0]), "utf8")).toContain("季度");
});
