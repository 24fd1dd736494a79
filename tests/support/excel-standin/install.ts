import { makeRun } from "./client/context";
import { StatsRecorder, type Env, type SyncStats } from "./client/env";
import * as enums from "./enums";
import { ErrorCode, StandInError } from "./errors";
import { WorkbookModel } from "./model/workbook";
import { Actions, RuntimeSettings, makeOffice } from "./office";
import { DEFAULT_LEVEL, checkLevel } from "./requirements";
import { WorkbookView } from "./snapshot";
import { strictNamespace } from "./strict";

export interface StandInOptions {
  /** ExcelApi requirement-set level of the simulated Excel ("1.7" … "1.21"); default "1.18". */
  excelApi?: string;
  /** Simulated round-trip time per sync, summed in stats.simulatedMs (no real waiting). Default 0. */
  latencyMs?: number;
  /** Really wait this many ms in each sync (for a browser page that should show progress). Default 0. */
  realDelayMs?: number;
  /** Request payload limit in bytes (Excel on the web: 5 MB). Default 5,000,000. */
  requestLimitBytes?: number;
  /** Response payload limit in bytes (Excel on the web: 5 MB). Default 5,000,000. */
  responseLimitBytes?: number;
  /** Most cells one range read may return. Default 5,000,000. */
  readCellLimit?: number;
  /**
   * Excel stops part-way through the n-th request (1-based, counted from install): the first
   * half of its operations apply, then it fails with GeneralException — as a host that hangs
   * up or runs out of memory mid-batch. Default: never.
   */
  stopInRequest?: number;
  /**
   * Comments are announced (ExcelApi 1.10) but adding one fails at sync with NotImplemented, as
   * on some Excel builds. Default false.
   */
  brokenComments?: boolean;
  /** The workbook's sheets when it opens. Default ["Sheet1"]. */
  sheets?: string[];
  /**
   * Whether the ribbon commands and the pane share one runtime (SharedRuntime 1.1). Default
   * false: each has its own copy of the document settings.
   */
  sharedRuntime?: boolean;
  /** Add-in settings already stored in the document. */
  settings?: Record<string, unknown>;
  /** Where to put Office, Excel and OfficeExtension. Default globalThis (window in a page). */
  target?: Record<string, unknown>;
}

export interface StandInHandle {
  /** The in-memory workbook, for assertions and for seeding without requests. */
  readonly workbook: WorkbookView;
  /** Syncs, per-request sizes and simulated time, across every Excel.run. */
  readonly stats: SyncStats;
  /** Document settings as saved by saveAsync, and how many saves there were. */
  readonly settings: { readonly saved: Record<string, unknown>; readonly saves: number };
  readonly excelApi: string;
  /** Handlers registered with Office.actions.associate (ribbon buttons); run(name) clicks one. */
  readonly actions: Pick<Actions, "names" | "run">;
  /** Puts back whatever Office/Excel/OfficeExtension were before. */
  uninstall(): void;
}

const GLOBALS = ["Office", "Excel", "OfficeExtension"] as const;
const FIVE_MB = 5_000_000;

/** Installs the stand-in as the Office.js globals and returns a handle on its workbook. */
export function installStandIn(options: StandInOptions = {}): StandInHandle {
  const level = checkLevel(options.excelApi ?? DEFAULT_LEVEL);
  const wb = new WorkbookModel(options.sheets ?? ["Sheet1"], options.settings ?? {});
  const latencyMs = options.latencyMs ?? 0;
  const env: Env = {
    wb,
    level,
    stats: new StatsRecorder(latencyMs),
    limits: {
      latencyMs,
      realDelayMs: options.realDelayMs ?? 0,
      requestLimitBytes: options.requestLimitBytes ?? FIVE_MB,
      responseLimitBytes: options.responseLimitBytes ?? FIVE_MB,
      readCellLimit: options.readCellLimit ?? 5_000_000,
      stopInRequest: options.stopInRequest ?? 0,
      brokenComments: options.brokenComments ?? false,
    },
  };
  const settings = new RuntimeSettings(wb, options.sharedRuntime ?? false);
  const actions = new Actions(settings);
  const globals: Record<(typeof GLOBALS)[number], object> = {
    Office: makeOffice(level, settings, actions),
    Excel: strictNamespace("Excel", { run: makeRun(env), ...enums }),
    OfficeExtension: strictNamespace("OfficeExtension", {
      Error: StandInError,
      ErrorCodes: {
        apiNotFound: ErrorCode.apiNotFound,
        generalException: ErrorCode.generalException,
        invalidArgument: ErrorCode.invalidArgument,
        invalidObjectPath: ErrorCode.invalidObjectPath,
        invalidRequestContext: ErrorCode.invalidRequestContext,
        propertyNotLoaded: ErrorCode.propertyNotLoaded,
        runMustReturnPromise: ErrorCode.runMustReturnPromise,
      },
    }),
  };
  const target = options.target ?? (globalThis as unknown as Record<string, unknown>);
  const previous = GLOBALS.map(
    (name) => [name, Object.prototype.hasOwnProperty.call(target, name), target[name]] as const
  );
  for (const name of GLOBALS) target[name] = globals[name];
  return {
    workbook: new WorkbookView(wb),
    stats: env.stats,
    settings: {
      get saved() {
        return JSON.parse(JSON.stringify(wb.savedSettings)) as Record<string, unknown>;
      },
      get saves() {
        return settings.saves;
      },
    },
    excelApi: level,
    actions,
    uninstall() {
      for (const [name, had, value] of previous) {
        if (had) target[name] = value;
        else delete target[name];
      }
    },
  };
}
