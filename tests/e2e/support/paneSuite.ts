import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { launchChromium, type Browser } from "./chromium";
import { openOfflinePane, type PaneWatch } from "./offlinePane";
import { serveDirectory, type StaticServer } from "./staticServer";
import type { UserSheet, WorkbookProbe } from "./probes/workbookProbe";

/**
 * Runs the built task pane in headless Chromium on a host's stand-in, through its buttons only,
 * with the steps of paneSteps.ts: one definition for Excel (tests/e2e/taskpane.e2e.test.ts) and
 * WPS (tests/e2e/wps.e2e.test.ts). A host gives what differs (PaneHost): which build it serves,
 * how its stand-in gets into the page, where its ribbon's 导入分解表 opens the pane, what a call
 * costs; the steps read the workbook through the host's probe (probes/), one form for both.
 */

export const ROOT = join(__dirname, "..", "..", "..");
export const SHOTS = join(ROOT, "test-output", "e2e");
export const PANE_VIEWPORT = { width: 360, height: 900 };

export type HostName = "Excel" | "WPS";

export interface PaneHost {
  name: HostName;
  /** Prefix of the screenshots and of test-output/e2e/timings-*.json. */
  id: string;
  /** Makes the host's production build current (built only when stale) and says what to serve. */
  prepare(): Promise<{ dir: string; buildMs: number | null }>;
  /**
   * How the pages get the stand-in (with the probe and `sheets` seeded): HTML edits for every
   * page served, and scripts answered in place of a URL (Office.js).
   */
  pageSetup(
    dir: string,
    sheets: UserSheet[]
  ): { editHtml: (html: string) => string; scripts?: Map<string, string> };
  /** Clicks the ribbon's 导入分解表 as the host does it and gives the address the pane opens at. */
  ribbonImport(run: PaneRun): Promise<string>;
  /** What 校验 of the seeds from the pane may cost in the host's unit (probe.cost()). */
  validateCostLimit: number;
  costUnit: string;
  timeoutMs: number;
}

/** The probe's methods, called inside the page. */
export type Probe = {
  [K in keyof WorkbookProbe]: (
    ...args: Parameters<WorkbookProbe[K]>
  ) => Promise<ReturnType<WorkbookProbe[K]>>;
};

export interface PaneRun {
  host: PaneHost;
  page: Page;
  serverUrl: string;
  probe: Probe;
  /** Loads a page of the build ("taskpane.html"); the stand-in starts afresh with it. */
  open(path: string): Promise<void>;
  shoot(name: string, fromTop?: boolean): Promise<void>;
  timed<T>(step: string, work: () => Promise<T>): Promise<T>;
  /** A figure for test-output/e2e/timings-<host>.json beside the times (a cost). */
  note(key: string, value: number): void;
  /** What one step leaves for a later one. */
  kept: Map<string, unknown>;
}

/**
 * One step of the pane's run, in order. `notOn` names a host the step cannot run on, with the
 * reason; the runner reports it as skipped under that reason (never silently).
 */
export interface PaneStep {
  name: string;
  notOn?: Partial<Record<HostName, string>>;
  run(run: PaneRun): Promise<void>;
}

type PageWindow = Window & { __paneProbe: Record<string, (...args: unknown[]) => unknown> };

function probeOf(page: Page): Probe {
  return new Proxy({} as Probe, {
    get:
      (_, method: string) =>
      (...args: unknown[]) =>
        page.evaluate(([m, a]) => (window as unknown as PageWindow).__paneProbe[m](...a), [
          method,
          args,
        ] as const),
  });
}

/** Registers the steps as the tests of one host's suite, on one browser page. */
export function describePane(host: PaneHost, steps: PaneStep[], sheets: UserSheet[]): void {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const watch: PaneWatch = { pageErrors: [], offline: [] };
  const timings: Record<string, number | string> = {};
  let run: PaneRun;
  /**
   * The setup as it runs. A beforeAll that times out is not stopped: afterAll waits for it, so
   * that a browser it launches late is still closed (an open browser keeps Jest's worker alive).
   */
  let setUp: Promise<void> = Promise.resolve();

  async function setUpPane(): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    const { dir, buildMs } = await host.prepare();
    if (buildMs !== null) timings.build = buildMs;
    const started = Date.now();
    const setup = host.pageSetup(dir, sheets);
    server = await serveDirectory(dir);
    browser = await launchChromium(PANE_VIEWPORT);
    // 复制文字 / 复制表格 write the clipboard; the steps read it back.
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(server.url).origin,
    });
    timings.browser = browser.name;
    const serverUrl = server.url;
    // Only the local server and the test answer: anything else would mean the pane needs the network.
    const page = await openOfflinePane(
      browser,
      serverUrl,
      { page: null, ...setup, timeoutMs: host.timeoutMs },
      watch
    );
    timings.launch = Date.now() - started;
    run = {
      host,
      page,
      serverUrl,
      probe: probeOf(page),
      open: async (path) => {
        await page.goto(`${serverUrl}${path}`);
      },
      shoot: async (name, fromTop = false) => {
        if (fromTop) await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `${host.id}-${name}.png`) });
      },
      timed: async (step, work) => {
        const begun = Date.now();
        const result = await work();
        timings[step] = Date.now() - begun;
        return result;
      },
      note: (key, value) => {
        timings[key] = value;
      },
      kept: new Map(),
    };
  }

  beforeAll(() => (setUp = setUpPane()), 900_000);

  afterAll(async () => {
    await setUp.catch(() => undefined);
    await browser?.close();
    await server?.close();
    writeFileSync(join(SHOTS, `timings-${host.id}.json`), `${JSON.stringify(timings, null, 2)}\n`);
  }, 900_000);

  afterEach(() => {
    expect(watch.pageErrors).toEqual([]);
    expect(watch.offline).toEqual([]);
  });

  describe(`督办助手's task pane in Chromium on the ${host.name} stand-in`, () => {
    for (const step of steps) {
      const reason = step.notOn?.[host.name];
      if (reason) test.skip(`${step.name} — not in ${host.name}: ${reason}`, () => undefined);
      else test(step.name, () => step.run(run));
    }
  });
}

/** A kept value of an earlier step (the steps run in order; a missing one is a failed earlier step). */
export function keptValue<T>(run: PaneRun, key: string): T {
  if (!run.kept.has(key)) throw new Error(`an earlier step did not keep ${key}`);
  return run.kept.get(key) as T;
}

export type { UserSheet };
