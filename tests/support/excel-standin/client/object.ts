import { ErrorCode, StandInError, notImplemented, propertyNotLoaded } from "../errors";
import { requireMember } from "../requirements";
import { utf8Length, type Exec } from "./env";
import type { OperationKind, RequestContext } from "./context";

export interface ScalarSpec {
  readonly readonly?: true;
  /** Per-cell data (values, text, …): reading it reads the range's cells. */
  readonly grid?: true;
}

/** The members of one Office.js type that the stand-in provides. */
export interface TypeSpec {
  readonly name: string;
  readonly scalars: Readonly<Record<string, ScalarSpec>>;
  readonly navs: readonly string[];
  /** For types with grid properties: how many cells a load of them reads. */
  readonly cells?: (entity: unknown) => number;
}

export type Resolver = (exec: Exec) => unknown;

const UNRESOLVED = Symbol("unresolved");

/** Using a null object (or anything reached through one) for a write or a method call. */
class NullObjectUse extends StandInError {
  constructor(path: string) {
    super(
      ErrorCode.itemNotFound,
      `${path} is a null object or lies under one (check isNullObject before using it).`
    );
  }
}

/** Properties that test frameworks and `await` probe on any object: answered with undefined. */
const PROBES = new Set([
  "then",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "nodeName",
  "inspect",
  "toAsymmetricMatcher",
  "jasmineToString",
]);

function isProbe(prop: string): boolean {
  return PROBES.has(prop) || prop.startsWith("_") || prop.startsWith("@@");
}

function readOnlyError(type: string, prop: string): TypeError {
  return new TypeError(`Cannot assign to read only property '${prop}' of ${type}`);
}

/**
 * Every proxy sits behind an ES Proxy: scalar properties throw PropertyNotLoaded until loaded
 * and synced, writes are queued, members of newer requirement sets throw ApiNotFound, and any
 * member outside the contract throws NotImplemented instead of quietly being undefined.
 */
const STRICT: ProxyHandler<ClientObject> = {
  get(target, prop, receiver) {
    if (typeof prop === "symbol") return Reflect.get(target, prop, receiver);
    const spec = target._spec;
    if (Object.prototype.hasOwnProperty.call(spec.scalars, prop)) {
      target._gate(prop);
      return target._readLoaded(prop);
    }
    if (spec.navs.includes(prop)) {
      target._gate(prop);
      return target._child(prop);
    }
    if (prop in target) return Reflect.get(target, prop, receiver);
    if (isProbe(prop)) return undefined;
    throw notImplemented(spec.name, prop);
  },
  set(target, prop, value, receiver) {
    if (typeof prop === "symbol" || prop.startsWith("_"))
      return Reflect.set(target, prop, value, receiver);
    const spec = target._spec;
    const scalar = spec.scalars[prop];
    if (scalar) {
      if (scalar.readonly) throw readOnlyError(spec.name, prop);
      target._gate(prop);
      target._gate(`${prop}=`);
      target._assign(prop, value);
      return true;
    }
    if (spec.navs.includes(prop) || prop in target) throw readOnlyError(spec.name, prop);
    throw notImplemented(spec.name, prop);
  },
};

/** What one load() asks for, checked against the type when load() is called. */
export interface LoadPlan {
  scalars: string[];
  children: Map<string, LoadPlan>;
  /** For collections: what to load on each item. */
  items?: LoadPlan;
}

function splitNames(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** load("a, b/c"), load(["a", "b/c"]), load({ select, expand }) or load({ a: true, b: { c: true } }). */
export function loadPaths(option: unknown): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === "string") return splitNames(option);
  if (Array.isArray(option)) return option.flatMap((o) => splitNames(String(o)));
  if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      return [...loadPaths(o.select), ...loadPaths(o.expand)];
    }
    const paths: string[] = [];
    for (const [key, value] of Object.entries(o)) {
      if (key.startsWith("$")) continue;
      if (value === true) paths.push(key);
      else if (value && typeof value === "object") {
        const inner = loadPaths(value);
        paths.push(...(inner.length === 0 ? [key] : inner.map((p) => `${key}/${p}`)));
      }
    }
    return paths;
  }
  throw new StandInError(
    ErrorCode.invalidArgument,
    `load() does not accept ${JSON.stringify(option)}.`
  );
}

export abstract class ClientObject {
  readonly context: RequestContext;
  _path: string;
  _resolver: Resolver;
  _nullable: boolean;
  _entity: unknown = UNRESOLVED;
  _isNull: boolean | undefined = undefined;
  _loaded = new Map<string, unknown>();
  _children = new Map<string, ClientObject>();

  constructor(context: RequestContext, path: string, resolver: Resolver, nullable = false) {
    this.context = context;
    this._path = path;
    this._resolver = resolver;
    this._nullable = nullable;
    // The subclass's type, read through the prototype (its fields are not set yet).
    const spec = (Object.getPrototypeOf(this) as { _spec: TypeSpec })._spec;
    context._instantiated(path, spec.name === "Range");
    return new Proxy(this, STRICT);
  }

  abstract get _spec(): TypeSpec;

  /** A scalar's current value in the workbook. */
  abstract _read(entity: unknown, name: string, exec: Exec): unknown;

  /** Applies a queued property write at sync (types with writable properties override it). */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the signature overrides implement
  _write(_entity: unknown, name: string, _value: unknown, _exec: Exec): void {
    throw notImplemented(this._spec.name, `${name} (write)`);
  }

  _makeChild(name: string): ClientObject {
    throw notImplemented(this._spec.name, name);
  }

  get isNullObject(): boolean {
    if (this._isNull !== undefined) return this._isNull;
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw propertyNotLoaded(this._spec.name, "isNullObject");
    return this._isNull;
  }

  _gate(member: string): void {
    requireMember(this.context._env.level, this._spec.name, member);
  }

  _readLoaded(name: string): unknown {
    if (this._isNull === true) return null;
    if (!this._loaded.has(name)) throw propertyNotLoaded(this._spec.name, name);
    return this._loaded.get(name);
  }

  /** A property write: Office.js keeps the assigned value locally and sends it at the next sync. */
  _assign(name: string, value: unknown): void {
    this._loaded.set(name, value);
    this._enqueue(
      name,
      [value],
      (exec) => this._write(this._require(exec), name, value, exec),
      "setProperty"
    );
  }

  _child(name: string): ClientObject {
    let child = this._children.get(name);
    if (!child) {
      child = this._makeChild(name);
      this._children.set(name, child);
    }
    return child;
  }

  /** The workbook entity behind the proxy, or null for a null object. Resolved once, in order. */
  _resolve(exec: Exec): unknown {
    if (this._entity === UNRESOLVED) {
      const entity = this._resolver(exec);
      this._entity = entity;
      if (this._nullable) exec.deliveries.push(() => (this._isNull = entity === null));
    }
    return this._entity;
  }

  _require(exec: Exec): unknown {
    const entity = this._resolve(exec);
    if (entity === null) throw new NullObjectUse(`${this._spec.name} ${this._path}`);
    return entity;
  }

  _enqueue(
    name: string,
    args: unknown[],
    run: (exec: Exec) => void,
    kind: OperationKind = "method"
  ): void {
    this.context._enqueue(this, kind, name, args, run);
  }

  /** For *OrNullObject results: a sync then tells whether the object exists, without a load. */
  _enqueueResolve(): this {
    this._enqueue("$resolve", [], (exec) => this._resolve(exec), "resolve");
    return this;
  }

  _sameContext(other: unknown): void {
    if (other instanceof ClientObject && other.context !== this.context) {
      throw new StandInError(
        ErrorCode.invalidRequestContext,
        "An object from another request context (another Excel.run) was passed in."
      );
    }
  }

  /** Builds and checks what to load (unknown names and newer-set members throw now). */
  _plan(paths: readonly string[]): LoadPlan {
    const plan: LoadPlan = { scalars: [], children: new Map() };
    const spec = this._spec;
    const all = () => {
      for (const name of Object.keys(spec.scalars))
        if (!plan.scalars.includes(name)) plan.scalars.push(name);
    };
    if (paths.length === 0) all();
    for (const path of paths) {
      const [head, ...rest] = path.split("/").map((s) => s.trim());
      if (head === "*") {
        all();
      } else if (Object.prototype.hasOwnProperty.call(spec.scalars, head)) {
        if (rest.length > 0) throw notImplemented(spec.name, path);
        this._gate(head);
        if (!plan.scalars.includes(head)) plan.scalars.push(head);
      } else if (spec.navs.includes(head)) {
        this._gate(head);
        const child = this._child(head);
        const sub = child._plan(rest.length === 0 ? [] : [rest.join("/")]);
        const known = plan.children.get(head);
        plan.children.set(head, known ? mergePlans(known, sub) : sub);
      } else {
        throw notImplemented(spec.name, head);
      }
    }
    return plan;
  }

  load(option?: unknown): this {
    const paths = loadPaths(option);
    const plan = this._plan(paths);
    this._enqueue("load", [paths.join(",")], (exec) => runPlan(this, plan, exec), "query");
    return this;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this._loaded) out[key] = value;
    for (const [key, child] of this._children) {
      const json = child.toJSON();
      if (Object.keys(json).length > 0) out[key] = json;
    }
    return out;
  }
}

function mergePlans(a: LoadPlan, b: LoadPlan): LoadPlan {
  const children = new Map(a.children);
  for (const [key, plan] of b.children) {
    const known = children.get(key);
    children.set(key, known ? mergePlans(known, plan) : plan);
  }
  const items = a.items && b.items ? mergePlans(a.items, b.items) : (a.items ?? b.items);
  return {
    scalars: [...new Set([...a.scalars, ...b.scalars])],
    children,
    ...(items ? { items } : {}),
  };
}

function checkCells(obj: ClientObject, entity: unknown, exec: Exec): void {
  const cells = obj._spec.cells?.(entity) ?? 0;
  if (cells > exec.env.limits.readCellLimit) {
    throw new StandInError(
      ErrorCode.rangeExceedsLimit,
      `Reading ${cells} cells of one range exceeds the limit of ${exec.env.limits.readCellLimit} cells for read operations.`
    );
  }
  exec.cellsRead += cells;
}

function markNull(obj: ClientObject, plan: LoadPlan, exec: Exec): void {
  exec.deliveries.push(() => (obj._isNull = true));
  for (const [name, childPlan] of plan.children) markNull(obj._child(name), childPlan, exec);
}

/** Runs a load at sync: reads the values now, hands them to the proxies when the sync resolves. */
export function runPlan(obj: ClientObject, plan: LoadPlan, exec: Exec): void {
  let entity: unknown;
  try {
    entity = obj._resolve(exec);
  } catch (error) {
    // A load under a null object answers null, as the object itself does; only writes fail.
    if (!(error instanceof NullObjectUse)) throw error;
    entity = null;
    exec.deliveries.push(() => (obj._isNull = true));
  }
  if (entity === null) {
    for (const [name, childPlan] of plan.children) markNull(obj._child(name), childPlan, exec);
    return;
  }
  const spec = obj._spec;
  if (plan.scalars.some((name) => spec.scalars[name]?.grid)) checkCells(obj, entity, exec);
  const values: [string, unknown][] = plan.scalars.map((name) => [
    name,
    obj._read(entity, name, exec),
  ]);
  for (const [name, value] of values)
    exec.responseBytes += utf8Length(name) + utf8Length(JSON.stringify(value) ?? "null") + 4;
  exec.deliveries.push(() => {
    for (const [name, value] of values) obj._loaded.set(name, value);
  });
  for (const [name, childPlan] of plan.children) runPlan(obj._child(name), childPlan, exec);
  if (plan.items && obj instanceof ClientCollection) obj._loadItems(entity, plan.items, exec);
}

/** A collection: `items` exists only after a load of the collection and a sync. */
export abstract class ClientCollection extends ClientObject {
  declare _items: ClientObject[] | undefined;

  /** The entities the collection holds now, in order. */
  abstract _entities(entity: unknown, exec: Exec): unknown[];

  /** A proxy bound to one item entity. */
  abstract _item(entity: unknown): ClientObject;

  get items(): ClientObject[] {
    if (this._isNull === true) return [];
    if (this._items === undefined) throw propertyNotLoaded(this._spec.name, "items");
    return this._items;
  }

  _read(_entity: unknown, name: string): unknown {
    throw notImplemented(this._spec.name, name);
  }

  /** Collection paths apply to the items: "items/name" and "name" both load each item's name. */
  override _plan(paths: readonly string[]): LoadPlan {
    const itemPaths = paths.map((p) => p.replace(/^items(\/|$)/, "")).filter((p) => p !== "");
    const quiet = this.context._quiet;
    this.context._quiet = true;
    const template = this._item(null);
    this.context._quiet = quiet;
    return { scalars: [], children: new Map(), items: template._plan(itemPaths) };
  }

  _loadItems(entity: unknown, plan: LoadPlan, exec: Exec): void {
    const proxies = this._entities(entity, exec).map((item) => {
      const proxy = this._item(item);
      proxy._entity = item;
      runPlan(proxy, plan, exec);
      return proxy;
    });
    exec.deliveries.push(() => (this._items = proxies));
  }
}
