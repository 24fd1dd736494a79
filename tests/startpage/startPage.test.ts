/** @jest-environment jsdom */
import { OLD_WEBVIEW_MESSAGE, start } from "../../src/startpage/startPage";

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
    // The ribbon's 校验 runs there (built for ES5, tests/commands/es5Runtime.test.ts): say so.
    expect(OLD_WEBVIEW_MESSAGE).toContain("“校验”按钮");
    expect(OLD_WEBVIEW_MESSAGE).toContain("Office 2021、Microsoft 365");
    expect(OLD_WEBVIEW_MESSAGE).toContain("duban check");
  });
});
