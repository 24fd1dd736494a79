import type { Table } from "../src/core/table/schema";
import { applyPatch } from "../src/excel/applyPatch";
import { installStandIn, type StandInHandle } from "../tests/support/excel-standin";
import { RequestContext } from "../tests/support/excel-standin/client/context";
import { timedAsync } from "./measure";
import { importOps } from "./synthetic";

/** A round trip to Excel on the web, as issue 7 sets it. */
export const LATENCY_MS = 100;

/** Time spent inside the stand-in's sync(): its own simulation of Excel, not the add-in's work. */
const host = { wallMs: 0, cpuMs: 0 };
let hooked = false;

/** Wraps the stand-in's RequestContext.sync once, to measure how long the simulated host works. */
function measureHostTime(): void {
  if (hooked) return;
  hooked = true;
  const sync = RequestContext.prototype.sync;
  RequestContext.prototype.sync = async function timedSync<T>(
    this: RequestContext,
    passThroughValue?: T
  ): Promise<T> {
    const cpu = process.cpuUsage();
    const start = performance.now();
    try {
      return (await sync.call(this, passThroughValue)) as T;
    } finally {
      host.wallMs += performance.now() - start;
      const used = process.cpuUsage(cpu);
      host.cpuMs += (used.user + used.system) / 1000;
    }
  } as typeof sync;
}

export interface CommandStats {
  /** Round trips the stand-in counted (an empty sync sends nothing and is not counted). */
  syncs: number;
  /** Of the requests Excel accepted. */
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Requests refused (over 5 MB sent or to come back): readGrids asks again in halves; a refused write fails the command. */
  refused: number;
  requestBytes: number;
  /** LATENCY_MS per sync. */
  latencyMs: number;
  /** The command in Node, stand-in included. */
  wallMs: number;
  cpuMs: number;
  /** The stand-in's own work inside sync(), left out of the add-in's compute. */
  hostCpuMs: number;
  /** Adapter and core: cpuMs − hostCpuMs. */
  computeCpuMs: number;
  /** latencyMs + computeCpuMs: what a user would wait for on Excel on the web, host time aside. */
  totalMs: number;
  /** How the command failed, if it did (the Chinese message the pane would show, and the code). */
  error: string | null;
  /** Scaled from a smaller size instead of run; see the bench's notes. */
  extrapolatedFrom: number | null;
}

/**
 * A stand-in Excel on the web holding the tables as 导入 writes them (the same patch), and the
 * names of those sheets.
 */
export async function workbookWith(
  tables: readonly Table[],
  checkDate: string
): Promise<{ excel: StandInHandle; sheets: string[] }> {
  measureHostTime();
  const excel = installStandIn({ latencyMs: LATENCY_MS });
  const ops = importOps(tables, checkDate);
  await applyPatch({ sheets: ops });
  excel.stats.reset();
  return { excel, sheets: ops.map((op) => op.sheet) };
}

/** Runs one command against the stand-in and reads its round trips. */
export async function command(
  excel: StandInHandle,
  run: () => Promise<unknown>
): Promise<CommandStats> {
  excel.stats.reset();
  host.wallMs = 0;
  host.cpuMs = 0;
  let error: string | null = null;
  const { time } = await timedAsync(async () => {
    try {
      await run();
    } catch (e) {
      const code = (e as { code?: string }).code;
      error = `${code ?? "Error"}: ${(e as Error).message}`;
    }
  });
  const requests = excel.stats.requests;
  const accepted = requests.filter((r) => r.error === undefined);
  const computeCpuMs = Math.max(0, time.cpuMs - host.cpuMs);
  return {
    syncs: excel.stats.syncs,
    largestRequestBytes: Math.max(0, ...accepted.map((r) => r.bytes)),
    largestResponseBytes: Math.max(0, ...accepted.map((r) => r.responseBytes)),
    refused: requests.length - accepted.length,
    requestBytes: requests.reduce((n, r) => n + r.bytes, 0),
    latencyMs: excel.stats.simulatedMs,
    wallMs: time.wallMs,
    cpuMs: time.cpuMs,
    hostCpuMs: host.cpuMs,
    computeCpuMs,
    totalMs: excel.stats.simulatedMs + computeCpuMs,
    error,
    extrapolatedFrom: null,
  };
}
