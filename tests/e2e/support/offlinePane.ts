import type { Page } from "playwright-core";
import type { Browser } from "./chromium";
import { testFontFile } from "./testFont";

/** What the page did that a test must see empty: script errors, and requests that left the machine. */
export interface PaneWatch {
  pageErrors: string[];
  offline: string[];
}

export interface OfflinePane {
  /** The page to open, under the local server, e.g. "taskpane.html"; null: none yet. */
  page: string | null;
  /** Every built page's HTML as the test serves it (a stand-in or the test font added). */
  editHtml: (html: string) => string;
  /** Scripts the test answers itself, by full URL (a stand-in for office.js). */
  scripts?: ReadonlyMap<string, string>;
  timeoutMs: number;
}

/**
 * Opens a built pane with only the local server and the test answering: any other request is
 * refused and recorded, since the pane must work without the network. Errors the page logs are
 * recorded too.
 */
export async function openOfflinePane(
  browser: Browser,
  serverUrl: string,
  pane: OfflinePane,
  watch: PaneWatch
): Promise<Page> {
  await browser.context.route("**/*", async (route) => {
    const url = route.request().url();
    const script = pane.scripts?.get(url);
    if (script !== undefined)
      return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: script });
    if (url.startsWith(serverUrl) && /\.html$/.test(new URL(url).pathname)) {
      const built = await route.fetch();
      return route.fulfill({ response: built, body: pane.editHtml(await built.text()) });
    }
    const font = testFontFile(url, serverUrl);
    if (font) return route.fulfill({ path: font });
    if (url.startsWith(serverUrl)) return route.continue();
    watch.offline.push(url);
    return route.abort();
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(pane.timeoutMs);
  page.on("pageerror", (error) => watch.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") watch.pageErrors.push(message.text());
  });
  if (pane.page !== null) await page.goto(`${serverUrl}${pane.page}`);
  return page;
}
