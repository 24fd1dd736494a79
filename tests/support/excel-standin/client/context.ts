import { ErrorCode, StandInError, notImplemented } from "../errors";
import { Exec, utf8Length, type Env, type RequestRecord } from "./env";
import { ClientObject } from "./object";
import { WireEncoder, type WireAction } from "./wire";
import { SheetModel } from "../model/sheet";
import { Workbook } from "./workbook";

/** How an operation travels: a property write, a method call, a load, or only a proxy look-up. */
export type OperationKind = "setProperty" | "method" | "query" | "resolve";

interface Operation {
  readonly target: ClientObject;
  readonly kind: OperationKind;
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

function wireAction(op: Operation): WireAction | null {
  const path = op.target._path;
  switch (op.kind) {
    case "resolve":
      return null; // the proxy's Instantiate action already asks whether it exists
    case "query":
      return {
        kind: "query",
        path,
        select: String(op.args[0] ?? "")
          .split(",")
          .filter(Boolean),
      };
    default:
      return { kind: op.kind, path, name: op.name, args: op.args.map(wireArgs) };
  }
}

/** Changes Excel refuses under protection: the structure of a protected workbook, the contents of a protected sheet. */
const STRUCTURE_CHANGES = new Set(["add", "delete", "name", "position", "visibility"]);

/**
 * Refuses with AccessDenied a change to a protected sheet (anything on it but activating or
 * selecting) or to the sheets of a protected workbook. Which error Excel raises, and whether it
 * lets note or comment changes through, is not documented: AccessDenied is a guess.
 */
function checkProtection(op: Operation, exec: Exec): void {
  if (op.kind === "query" || op.kind === "resolve") return;
  const type = op.target._spec.name;
  const denied = (what: string) =>
    new StandInError(ErrorCode.accessDenied, `${what} is protected: ${op.target._path}.${op.name}`);
  if (
    exec.wb.protected &&
    STRUCTURE_CHANGES.has(op.name) &&
    (type === "Worksheet" || type === "WorksheetCollection")
  )
    throw denied("The workbook's structure");
  if (type === "Worksheet" || op.name === "select") return;
  const entity = op.target._resolve(exec) as { sheet?: unknown } | null;
  const sheet = entity instanceof SheetModel ? entity : entity?.sheet;
  if (sheet instanceof SheetModel && sheet.protected) throw denied(`The sheet "${sheet.name}"`);
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const CONTEXT_MEMBERS = new Set(["workbook", "sync", "load"]);

/** Excel.RequestContext: queues operations; sync() sends them as one request. */
export class RequestContext {
  readonly _env: Env;
  readonly workbook: Workbook;
  _queue: Array<Operation | { created: WireAction }> = [];
  /** Instantiate and _KeepReference actions of proxies created since the last sync, in order. */
  _created: WireAction[] = [];
  /** Set while a sync runs (proxies made from a response are not instantiated by the request). */
  _quiet = false;
  _closed = false;
  readonly _wire = new WireEncoder();

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

  /** A proxy was created: the runtime adds an Instantiate action (and _KeepReference for a range). */
  _instantiated(path: string, isRange: boolean): void {
    if (this._quiet || this._closed) return;
    this._created.push({ kind: "instantiate", path });
    if (isRange) this._created.push({ kind: "keepReference", path });
  }

  _enqueue(
    target: ClientObject,
    kind: OperationKind,
    name: string,
    args: unknown[],
    run: (exec: Exec) => void
  ): void {
    if (this._closed) {
      throw new StandInError(
        ErrorCode.invalidObjectPath,
        `${target._path}.${name}: this object belongs to an Excel.run that has finished; its context can no longer send anything.`
      );
    }
    // Proxies created before this operation travel before it, in the same request.
    this._queue.push(...this._created.map((created) => ({ created })), {
      target,
      kind,
      name,
      args,
      run,
    });
    this._created = [];
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
    const queued = this._queue;
    this._queue = [];
    const operations = queued.filter((op): op is Operation => "run" in op);
    if (operations.length === 0) return Promise.resolve(passThroughValue as T);
    const env = this._env;
    const actions = queued.flatMap((op) => {
      const action = "run" in op ? wireAction(op) : op.created;
      return action ? [action] : [];
    });
    const bytes = utf8Length(this._wire.encode(actions));
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
      this._quiet = true;
      const stopAt =
        env.stats.sent === env.limits.stopInRequest
          ? Math.floor(operations.length / 2)
          : operations.length;
      try {
        for (const op of operations.slice(0, stopAt)) {
          checkProtection(op, exec);
          op.run(exec);
        }
        if (stopAt < operations.length) {
          throw new StandInError(
            ErrorCode.generalException,
            `Excel stopped after ${stopAt} of the request's ${operations.length} operations.`
          );
        }
      } catch (error) {
        failure = error;
      } finally {
        this._quiet = false;
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
