import type { WorkbookModel } from "../model/workbook";

/** One sync's request as the stand-in measured it. */
export interface RequestRecord {
  /** Queued operations sent: property writes, method calls, loads. */
  ops: number;
  /** UTF-8 bytes of JSON.stringify of the queued operations (target, name, arguments). */
  bytes: number;
  /** Cells whose values, text, formulas or number formats were read. */
  cellsRead: number;
  /** UTF-8 bytes of the loaded data sent back. */
  responseBytes: number;
  /** The error code the sync failed with, if it failed. */
  error?: string;
}

export interface SyncStats {
  /** Round trips: syncs that carried at least one operation (an empty sync sends nothing). */
  readonly syncs: number;
  readonly requests: readonly RequestRecord[];
  /** Sum of the simulated latency of every round trip. */
  readonly simulatedMs: number;
  reset(): void;
}

export interface Limits {
  /** Simulated round-trip time added to simulatedMs per sync. */
  latencyMs: number;
  /** Really wait this long per sync (0: never wait). */
  realDelayMs: number;
  /** Excel on the web refuses a request or a response over 5 MB. */
  requestLimitBytes: number;
  responseLimitBytes: number;
  /** A range read is limited to 5,000,000 cells. */
  readCellLimit: number;
  /** The request (1-based) in which Excel stops part-way; 0 for none. */
  stopInRequest: number;
  /** Adding a comment fails with NotImplemented. */
  brokenComments: boolean;
}

export class StatsRecorder implements SyncStats {
  syncs = 0;
  /** Requests since install (not reset). */
  sent = 0;
  simulatedMs = 0;
  requests: RequestRecord[] = [];

  constructor(private readonly latencyMs: number) {}

  record(request: RequestRecord): void {
    this.syncs += 1;
    this.sent += 1;
    this.simulatedMs += this.latencyMs;
    this.requests.push(request);
  }

  reset(): void {
    this.syncs = 0;
    this.simulatedMs = 0;
    this.requests = [];
  }
}

/** Everything one installed stand-in shares across Excel.run calls. */
export interface Env {
  readonly wb: WorkbookModel;
  readonly level: string;
  readonly limits: Limits;
  readonly stats: StatsRecorder;
}

/** Byte length of a string in UTF-8, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The state of one sync while its operations run against the workbook. */
export class Exec {
  /** Loaded values reach the proxies only when the sync's promise resolves. */
  readonly deliveries: (() => void)[] = [];
  responseBytes = 0;
  cellsRead = 0;

  constructor(readonly env: Env) {}

  get wb(): WorkbookModel {
    return this.env.wb;
  }
}
