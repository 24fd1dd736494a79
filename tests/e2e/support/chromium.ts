import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { chromium, type BrowserContext } from "playwright-core";
import { findBrowser, type FoundBrowser } from "./findBrowser";

/** Without the background-networking flags Chromium keeps trying hosts a closed network refuses. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  /** Which browser runs (findBrowser's source and its version), for the timings report. */
  name: string;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile and a task pane's viewport; no browser is ever downloaded. */
export async function launchChromium(viewport: {
  width: number;
  height: number;
}): Promise<Browser> {
  const found: FoundBrowser = await findBrowser();
  const profile = mkdtempSync(join(tmpdir(), "duban-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: found.executablePath,
    env: { ...process.env, ...found.env },
    headless: true,
    args: ARGS,
    viewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  return {
    context,
    name: `${found.source} (${context.browser()?.version() ?? found.executablePath})`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
