import { ErrorCode, StandInError, notImplemented } from "../errors";
import { Exec, utf8Length, type Env, type RequestRecord } from "./env";
import { ClientObject } from "./object";
import { Workbook } from "./workbook";

interface Operation {
  readonly target: ClientObject;
  readonly name: string;
  readonly args: unknown[];
  readonly run: (exec: Exec) => void;
}

/** Method arguments as they would travel: a proxy argument is sent as a reference to its path. */
function wireArgs(value: unknown): unknown {
  if (value instanceof ClientObject) return { $ref: value._path };
  if (Array.isArray(value))
    return value.some((v) => v instanceof ClientObject) ? value.map(wireArgs) : value;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wireArgs(v)]));
  }
  return value;
}

function wire(op: Operation): string {
  return JSON.stringify({ target: op.target._path, name: op.name, args: op.args.map(wireArgs) });
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const CONTEXT_MEMBERS = new Set(["workbook", "sync", "load"]);

/** Excel.RequestContext: queues operations; sync() sends them as one request. */
export class RequestContext {
  readonly _env: Env;
  readonly workbook: Workbook;
  _queue: Operation[] = [];
  _closed = false;

  constructor(env: Env) {
    this._env = env;
    this.workbook = new Workbook(this);
    return new Proxy(this, {
      get(target, prop, receiver) {
        if (
          typeof prop === "symbol" ||
          prop.startsWith("_") ||
          CONTEXT_MEMBERS.has(prop) ||
          prop === "then"
        ) {
          return Reflect.get(target, prop, receiver);
        }
        throw notImplemented("RequestContext", prop);
      },
    });
  }

  _enqueue(target: ClientObject, name: string, args: unknown[], run: (exec: Exec) => void): void {
    if (this._closed) {
      throw new StandInError(
        ErrorCode.invalidObjectPath,
        `${target._path}.${name}: this object belongs to an Excel.run that has finished; its context can no longer send anything.`
      );
    }
    this._queue.push({ target, name, args, run });
  }

  load(object: ClientObject, option?: unknown): void {
    object.load(option);
  }

  /**
   * Runs the queued operations in order against the workbook. An empty queue sends nothing (no
   * round trip). A request over the payload limit is refused whole; otherwise operations apply
   * until one fails, and the rest are dropped — Excel's batches are not transactions.
   */
  sync<T>(passThroughValue?: T): Promise<T> {
    const operations = this._queue;
    this._queue = [];
    if (operations.length === 0) return Promise.resolve(passThroughValue as T);
    const env = this._env;
    const bytes = utf8Length(`[${operations.map(wire).join(",")}]`);
    const record: RequestRecord = { ops: operations.length, bytes, cellsRead: 0, responseBytes: 0 };
    env.stats.record(record);
    const exec = new Exec(env);
    let failure: unknown = null;
    if (bytes > env.limits.requestLimitBytes) {
      failure = new StandInError(
        ErrorCode.requestPayloadSizeLimitExceeded,
        `The request payload (${bytes} bytes) exceeds the limit of ${env.limits.requestLimitBytes} bytes.`
      );
    } else {
      try {
        for (const op of operations) op.run(exec);
      } catch (error) {
        failure = error;
      }
      record.cellsRead = exec.cellsRead;
      record.responseBytes = exec.responseBytes;
      if (failure === null && exec.responseBytes > env.limits.responseLimitBytes) {
        failure = new StandInError(
          ErrorCode.responsePayloadSizeLimitExceeded,
          `The response payload (${exec.responseBytes} bytes) exceeds the limit of ${env.limits.responseLimitBytes} bytes.`
        );
      }
    }
    if (failure instanceof StandInError) record.error = failure.code;
    return wait(env.limits.realDelayMs).then(() => {
      if (failure !== null) throw failure;
      for (const deliver of exec.deliveries) deliver();
      return passThroughValue as T;
    });
  }
}

/** Excel.run(batch): the batch must return a promise; pending operations are synced at the end. */
export function makeRun(env: Env) {
  return async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[0];
    if (args.length !== 1 || typeof batch !== "function")
      throw notImplemented("Excel", "run (only Excel.run(batch) is provided)");
    const context = new RequestContext(env);
    try {
      const result: unknown = (batch as (c: RequestContext) => unknown)(context);
      if (
        result === null ||
        typeof result !== "object" ||
        typeof (result as { then?: unknown }).then !== "function"
      ) {
        throw new StandInError(
          ErrorCode.runMustReturnPromise,
          "The batch function passed to Excel.run must return a promise."
        );
      }
      const value = (await result) as T;
      await context.sync();
      return value;
    } finally {
      context._closed = true;
    }
  };
}
