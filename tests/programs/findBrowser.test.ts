import { join, win32 } from "path";
import { findBrowser, systemBrowserCandidates } from "../e2e/support/findBrowser";

describe("where the end-to-end tests look for a browser", () => {
  test("Windows: Chrome and Edge under the program folders the environment names", () => {
    const found = systemBrowserCandidates("win32", {
      PROGRAMFILES: "C:\\Program Files",
      "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
    }).map((p) => p.split(/[\\/]/).join(win32.sep));
    expect(found).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(found).toContain("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");
  });

  test("macOS: the applications folder; Linux: every PATH folder, Chromium first", () => {
    expect(systemBrowserCandidates("darwin", {})).toContain(
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    );
    const linux = systemBrowserCandidates("linux", { PATH: ["/opt/bin", "/usr/bin"].join(":") });
    expect(linux.slice(0, 2)).toEqual([join("/opt/bin", "chromium"), join("/usr/bin", "chromium")]);
    expect(linux).toContain(join("/usr/bin", "microsoft-edge"));
  });

  test("DUBAN_BROWSER naming a missing program ends with a message naming it", async () => {
    await expect(findBrowser("linux", { DUBAN_BROWSER: "/nowhere/chrome" })).rejects.toThrow(
      "找不到 DUBAN_BROWSER 指定的浏览器：/nowhere/chrome"
    );
  });

  test("a machine without a usable browser is told what to install and where it looked", async () => {
    const nowhere = join(__dirname, "no-such-program-folder");
    await expect(findBrowser("win32", { PROGRAMFILES: nowhere })).rejects.toThrow(
      `请安装其中之一，或用 DUBAN_BROWSER 指定浏览器程序。已查找：${join(nowhere, "Google")}`
    );
  });
});
