import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";
import { DOMParser } from "@xmldom/xmldom";
import { parse } from "acorn";
import { DISTRICT_HEADER, districtRows } from "../excel/fixtures";
import { installEtStandIn } from "../support/et-standin";
import { ensureWpsBuild } from "../support/wpsBuild";

/**
 * npm run build:wps: the publish folder WPS installs from. The build takes minutes on a loaded
 * machine, so it runs only when dist-wps/ is older than the sources it is made of.
 */

jest.setTimeout(1_200_000);

const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, "dist-wps");
const ADDIN = join(OUT, "addin");
beforeAll(() => ensureWpsBuild(ROOT));

function xml(path: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") problems.push(message);
    },
  }).parseFromString(readFileSync(path, "utf8"), "text/xml");
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

const ribbonNames = () => {
  const doc = xml(join(ADDIN, "ribbon.xml"));
  const names = new Set<string>();
  const buttons: Array<{ label: string; onAction: string }> = [];
  const visit = (el: Element) => {
    for (const attr of ["onLoad", "onAction", "getImage"]) {
      const value = el.getAttribute(attr);
      if (value) names.add(value);
    }
    if (el.tagName === "button")
      buttons.push({ label: el.getAttribute("label")!, onAction: el.getAttribute("onAction")! });
    for (const child of Array.from(el.childNodes))
      if (child.nodeType === 1) visit(child as Element);
  };
  visit(doc.documentElement);
  return { doc, names, buttons };
};

test("the publish folder holds the add-in, the online list and the offline jsaddons folder", () => {
  for (const file of [
    "ribbon.xml",
    "index.html",
    "main.js",
    "taskpane.html",
    "taskpane.js",
    "assets/icon-32.png",
  ])
    expect(existsSync(join(ADDIN, file))).toBe(true);
  const online = xml(join(OUT, "jsplugins.xml")).getElementsByTagName("jsplugin")[0];
  expect(online.getAttribute("type")).toBe("et");
  expect(online.getAttribute("url")).toMatch(/^https?:\/\/.+\/$/);
  const offline = xml(join(OUT, "jsaddons", "publish.xml")).getElementsByTagName("jsplugin")[0];
  const folder = offline.getAttribute("url")!;
  expect(folder).toBe(`duban_${offline.getAttribute("version")}`);
  expect(readFileSync(join(OUT, "jsaddons", folder, "ribbon.xml"), "utf8")).toBe(
    readFileSync(join(ADDIN, "ribbon.xml"), "utf8")
  );
  expect(readFileSync(join(OUT, "publish.html"), "utf8")).toContain(online.getAttribute("url")!);
  // The pane page loads its bundle and no Office.js (that is what tells the pane it runs in WPS).
  const pane = readFileSync(join(ADDIN, "taskpane.html"), "utf8");
  expect(pane).toMatch(/src="?taskpane\.js/);
  expect(pane).not.toContain("office.js");
  expect(readFileSync(join(ADDIN, "index.html"), "utf8")).toMatch(/src="?main\.js/);
});

test("ribbon.xml is well-formed CustomUI with a 督办助手 tab of 打开督办助手, 导入分解表, 校验, 下发 and 回收", () => {
  const { doc, buttons } = ribbonNames();
  expect(doc.documentElement.tagName).toBe("customUI");
  expect(doc.getElementsByTagName("tab")[0].getAttribute("label")).toBe("督办助手");
  expect(buttons.map((b) => b.label)).toEqual([
    "打开督办助手",
    "导入分解表",
    "校验",
    "下发",
    "回收",
  ]);
});

test("every bundle parses as ES2017, the syntax WPS's Chromium is assumed to take", () => {
  const bundles = readdirSync(ADDIN).filter((f) => f.endsWith(".js"));
  expect(bundles.length).toBeGreaterThanOrEqual(2);
  for (const file of bundles)
    expect(() =>
      parse(readFileSync(join(ADDIN, file), "utf8"), { ecmaVersion: 2017, sourceType: "script" })
    ).not.toThrow();
});

/** main.js run as WPS runs it: in the add-in's index.html, with the ET stand-in as Application. */
function ribbonPage() {
  const page: Record<string, unknown> = {
    location: { href: "http://intranet.example/duban/index.html" },
    console,
    setTimeout,
    clearTimeout,
    TextEncoder,
    TextDecoder,
  };
  const alerts: string[] = [];
  page.alert = (text: string) => alerts.push(text);
  page.window = page;
  page.self = page;
  const et = installEtStandIn({ sheets: ["我的台账"], target: page });
  runInNewContext(readFileSync(join(ADDIN, "main.js"), "utf8"), page);
  const call = (name: string, arg: unknown = { Id: "dubanOpenPane" }) =>
    (page[name] as (a: unknown) => unknown)(arg);
  return { page, et, alerts, call };
}

test("main.js answers every name ribbon.xml calls: the pane opens beside it and 校验 marks the workbook", async () => {
  const { page, et, alerts, call } = ribbonPage();
  try {
    et.fill("我的台账", [DISTRICT_HEADER, ...districtRows(40)]);
    const { names } = ribbonNames();
    for (const name of names) expect(typeof page[name]).toBe("function");

    call("OnOpenPane");
    call("OnOpenPane");
    expect(et.taskPanes).toEqual([
      { id: 1, url: "http://intranet.example/duban/taskpane.html", visible: true },
    ]);
    expect(call("GetImage")).toBe("assets/icon-64.png");

    await call("OnValidate", { Id: "dubanValidate" });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^校验完成：共 40 行/);
    const marked = [...et.workbook.sheet("我的台账").cells.values()].filter((c) => c.fill !== null);
    expect(marked.length).toBeGreaterThan(5);
    expect(et.workbook.find("校验结果")).toBeDefined();
  } finally {
    et.uninstall();
  }
});

test("导入分解表 on the ribbon opens the pane at its 导入分解表 button, as Excel's manifest does", () => {
  const { et, call } = ribbonPage();
  try {
    const { buttons } = ribbonNames();
    const action = buttons.find((b) => b.label === "导入分解表")!.onAction;
    call(action, { Id: "dubanImport" });
    // The address the pane reads its start from (src/taskpane/host.ts startOf).
    expect(et.taskPanes).toEqual([
      { id: 1, url: "http://intranet.example/duban/taskpane.html?start=import", visible: true },
    ]);
    // The pane made is the window's one pane: 打开督办助手 shows it again rather than a second.
    et.taskPanes[0].visible = false;
    call("OnOpenPane");
    expect(et.taskPanes).toEqual([
      { id: 1, url: "http://intranet.example/duban/taskpane.html?start=import", visible: true },
    ]);
  } finally {
    et.uninstall();
  }
});
