/** @jest-environment jsdom */
import { readFileSync } from "fs";
import { join } from "path";
import { COMMAND_NAME, startRibbon } from "../../src/startpage/ribbon";
import { OLD_WEBVIEW_MESSAGE, start } from "../../src/startpage/startPage";

const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");

/** Runs `work` as in Trident, which has no Proxy (and parses no ES2020): React 18 cannot run there. */
function inOldWebview(work: () => void): void {
  const proxy = globalThis.Proxy;
  delete (globalThis as { Proxy?: unknown }).Proxy;
  try {
    work();
  } finally {
    globalThis.Proxy = proxy;
  }
}

/** The pane's page as webpack writes it: the container names the bundle to load. */
function page(): HTMLElement {
  document.body.innerHTML = '<div id="container" data-bundle="taskpane.1234abcd.js"></div>';
  return document.getElementById("container")!;
}

describe("the ES5 start page", () => {
  test("loads the pane's bundle where it can run", () => {
    page();
    start();
    const scripts = [...document.querySelectorAll("script")].map((s) => s.getAttribute("src"));
    expect(scripts).toEqual(["taskpane.1234abcd.js"]);
  });

  test("in an old webview says so in Chinese and loads nothing", () => {
    const container = page();
    inOldWebview(start);
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(container.textContent).toBe(OLD_WEBVIEW_MESSAGE);
    expect(OLD_WEBVIEW_MESSAGE).toContain("Office 2021、Microsoft 365");
    expect(OLD_WEBVIEW_MESSAGE).toContain("duban check");
  });
});

test("a browser without look-behind (Safari before 16.4) gets the message, not a broken pane", () => {
  const container = page();
  const native = globalThis.RegExp;
  globalThis.RegExp = function (pattern: string, flags?: string) {
    if (pattern.includes("(?<"))
      throw new SyntaxError("Invalid regular expression: invalid group specifier name");
    return new native(pattern, flags);
  } as unknown as RegExpConstructor;
  try {
    start();
  } finally {
    globalThis.RegExp = native;
  }
  expect(document.querySelectorAll("script")).toHaveLength(0);
  expect(container.textContent).toBe(OLD_WEBVIEW_MESSAGE);
});

describe("the ribbon's ES5 function-file script", () => {
  /** The function file as webpack writes it, and an Office that records what the script does. */
  function functionFile() {
    window.history.replaceState(null, "", "/addin/commands.html");
    document.body.innerHTML = '<div id="commands" data-bundle="ribbon.1234abcd.js"></div>';
    const seen = { associated: [] as string[], dialogs: [] as string[] };
    let handler: ((event: { completed: () => void }) => void) | undefined;
    (globalThis as { Office?: unknown }).Office = {
      onReady: (callback: () => void) => callback(),
      actions: {
        associate: (name: string, run: typeof handler) => {
          seen.associated.push(name);
          handler = run;
        },
      },
      context: { ui: { displayDialogAsync: (url: string) => seen.dialogs.push(url) } },
    };
    return { seen, click: (event: { completed: () => void }) => handler!(event) };
  }
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("loads the ribbon's bundle where it can run, and registers nothing itself", () => {
    const { seen } = functionFile();
    startRibbon();
    const scripts = [...document.querySelectorAll("script")].map((s) => s.getAttribute("src"));
    expect(scripts).toEqual(["ribbon.1234abcd.js"]);
    expect(seen.associated).toEqual([]);
  });

  test("in an old webview, 校验 opens the pane's page (which says why) in a dialog and completes", () => {
    const { seen, click } = functionFile();
    inOldWebview(startRibbon);
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(seen.associated).toEqual([COMMAND_NAME]);
    expect(COMMAND_NAME).toBe(/<FunctionName>(.+)<\/FunctionName>/.exec(manifest)?.[1]);
    const event = { completed: jest.fn() };
    click(event);
    expect(seen.dialogs).toEqual([`${location.origin}/addin/taskpane.html`]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});
