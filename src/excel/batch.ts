import { toAdapterError } from "./errors";
import { REQUEST_BYTES } from "./wire";

export { utf8Length } from "./wire";

/**
 * Excel on the web refuses a request (everything queued before one sync) over 5 MB. We budget
 * below that, sizing each queued step as the runtime serialises it (see wire.ts).
 */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Excel refuses to read more cells than this in one request. */
export const MAX_READ_CELLS = 5_000_000;

/**
 * Queues steps into the current request and syncs only when the next step would push the
 * request over the budget — so the number of syncs grows with the bytes written, never with
 * the number of rows or cells. Labels (sheet names) name the request when Excel refuses it.
 */
export class RequestBatcher {
  syncs = 0;
  /** The estimated size of each request sent, in bytes (as wire.ts sizes it). */
  readonly requestBytes: number[] = [];
  private pendingBytes = 0;
  private readonly labels = new Set<string>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly doing: string
  ) {}

  async add(bytes: number, label: string, queue: () => void): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.budget - REQUEST_BYTES)
      await this.sync();
    queue();
    this.pendingBytes += bytes;
    this.labels.add(label);
  }

  /** Sends what is queued (also when only loads are queued: their results are wanted). */
  async sync(): Promise<void> {
    const labels = [...this.labels];
    this.requestBytes.push(this.pendingBytes);
    this.pendingBytes = 0;
    this.labels.clear();
    this.syncs++;
    try {
      await this.context.sync();
    } catch (error) {
      throw toAdapterError(error, this.doing, labels);
    }
  }

  get hasPending(): boolean {
    return this.pendingBytes > 0;
  }
}

/**
 * Splits consecutive rows into runs whose summed bytes stay within `maxBytes` (a run has at
 * least one row), so one big block becomes several requests, not one that Excel refuses.
 */
export function rowRuns(
  rowBytes: number[],
  maxBytes: number
): Array<{ start: number; count: number }> {
  const runs: Array<{ start: number; count: number }> = [];
  let start = 0;
  let bytes = 0;
  rowBytes.forEach((size, i) => {
    if (i > start && bytes + size > maxBytes) {
      runs.push({ start, count: i - start });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (rowBytes.length > start) runs.push({ start, count: rowBytes.length - start });
  return runs;
}
