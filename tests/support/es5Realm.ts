import { RegExpValidator } from "@eslint-community/regexpp";
import { createContext, runInContext, type Context } from "vm";

/**
 * A JavaScript realm with ES5's built-ins only, as Trident (Internet Explorer 11, the webview of
 * volume-licensed Office 2016/2019) has: a fresh vm context with every ES2015+ global and method
 * removed, and a RegExp that refuses what IE's regex engine cannot parse (look-behind, named
 * groups, the u/s/y flags …). Code run in it must bring its own polyfills.
 */

/** What IE 11 lacks, removed from the fresh context. */
const STRIP = `
(function (g) {
  var gone = {
    "": ["Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Promise",
      "Symbol", "Proxy", "Reflect", "BigInt", "AggregateError", "Iterator", "globalThis",
      "queueMicrotask", "structuredClone", "SharedArrayBuffer", "Atomics"],
    Array: ["from", "of"],
    "Array.prototype": ["find", "findIndex", "findLast", "findLastIndex", "fill", "copyWithin",
      "includes", "entries", "keys", "values", "flat", "flatMap", "at", "toSorted",
      "toReversed", "toSpliced", "with"],
    Object: ["assign", "entries", "values", "fromEntries", "getOwnPropertySymbols", "is",
      "hasOwn", "groupBy", "getOwnPropertyDescriptors"],
    String: ["fromCodePoint", "raw"],
    "String.prototype": ["includes", "startsWith", "endsWith", "repeat", "padStart", "padEnd",
      "codePointAt", "normalize", "trimStart", "trimEnd", "matchAll", "replaceAll", "at",
      "isWellFormed", "toWellFormed"],
    Number: ["isInteger", "isFinite", "isNaN", "isSafeInteger", "parseFloat", "parseInt",
      "EPSILON", "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER"],
    Math: ["trunc", "sign", "log10", "log2", "log1p", "expm1", "cosh", "sinh", "tanh", "acosh",
      "asinh", "atanh", "cbrt", "hypot", "imul", "fround", "clz32"]
    // RegExp.prototype.flags, sticky … stay: V8's own String.prototype.split and replace read them.
  };
  for (var path in gone) {
    var owner = path === "" ? g : path.split(".").reduce(function (o, k) { return o[k]; }, g);
    gone[path].forEach(function (name) { delete owner[name]; });
  }
})(this);
`;

/** Patterns compiled at run time are parsed as IE's engine would (literals: acorn, ecmaVersion 5). */
const INSTALL_ES5_REGEXP = `
(function (g, check) {
  var Native = g.RegExp;
  function RegExp(pattern, flags) {
    var isRegExp = pattern instanceof Native;
    if (isRegExp && flags === undefined && !(this instanceof RegExp)) return pattern;
    var source = isRegExp ? pattern.source : pattern === undefined ? "" : String(pattern);
    var f = flags === undefined ? (isRegExp ? pattern.flags : "") : String(flags);
    try { check(source, f); } catch (e) { throw new SyntaxError(e.message); }
    return new Native(source, f);
  }
  RegExp.prototype = Native.prototype;
  g.RegExp = RegExp;
})(this, __es5RegExpCheck);
delete this.__es5RegExpCheck;
`;

function es5RegExpCheck(): (source: string, flags: string) => void {
  const validator = new RegExpValidator({ ecmaVersion: 5 });
  return (source, flags) => {
    validator.validateFlags(flags);
    validator.validatePattern(source, 0, source.length, { unicode: false });
  };
}

export interface Es5Realm {
  context: Context;
  /** The realm's global object. */
  global: Record<string, unknown>;
  run(code: string, filename?: string): unknown;
  /**
   * Makes a value of this (modern) realm usable from the ES5 one, as Office.js's objects are in
   * IE: arrays and plain objects are copied into the realm (its polyfills then serve them), other
   * objects and functions are wrapped so that what crosses back and forth is converted too.
   */
  share(name: string, value: unknown): void;
}

export function es5Realm(): Es5Realm {
  const sandbox: Record<string, unknown> = {
    setTimeout,
    clearTimeout,
    __es5RegExpCheck: es5RegExpCheck(),
  };
  const context = createContext(sandbox);
  runInContext(STRIP, context);
  runInContext(INSTALL_ES5_REGEXP, context);
  const global = runInContext("this", context) as Record<string, unknown>;
  // Every browser names its global object window and self (IE 11 too); webpack's chunk runtime uses self.
  global.window = global;
  global.self = global;
  const membrane = new Membrane(
    runInContext("Array", context) as ArrayConstructor,
    runInContext("Object", context) as ObjectConstructor
  );
  return {
    context,
    global,
    run: (code, filename) => runInContext(code, context, { filename }),
    share(name, value) {
      global[name] = membrane.inward(value);
    },
  };
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Converts values between the modern realm (outer) and the ES5 realm (inner). */
class Membrane {
  private readonly inner = new WeakMap<object, unknown>();
  private readonly outer = new WeakMap<object, unknown>();
  private readonly innerTargets = new WeakMap<object, object>();
  private readonly outerTargets = new WeakMap<object, object>();

  constructor(
    private readonly InnerArray: ArrayConstructor,
    private readonly InnerObject: ObjectConstructor
  ) {}

  /** An outer value for the inner realm. */
  inward = (value: unknown): unknown => {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    const original = this.outerTargets.get(value);
    if (original) return original;
    if (Array.isArray(value)) {
      const copy = new this.InnerArray();
      for (const item of value) copy.push(this.inward(item));
      return copy;
    }
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const copy = new this.InnerObject() as Record<string, unknown>;
      for (const key of Object.keys(value))
        copy[key] = this.inward((value as Record<string, unknown>)[key]);
      return copy;
    }
    return this.wrap(value, this.inner, this.innerTargets, this.inward, this.outward);
  };

  /** An inner value for the outer realm. */
  outward = (value: unknown): unknown => {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    const original = this.innerTargets.get(value);
    if (original) return original;
    if (Array.isArray(value)) return value.map((item: unknown) => this.outward(item));
    if (Object.getPrototypeOf(value) === this.InnerObject.prototype) {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value))
        copy[key] = this.outward((value as Record<string, unknown>)[key]);
      return copy;
    }
    return this.wrap(value, this.outer, this.outerTargets, this.outward, this.inward);
  };

  /** A proxy of `target` for the other realm: what is read is `to`, what is given is `from`. */
  private wrap(
    target: object,
    cache: WeakMap<object, unknown>,
    targets: WeakMap<object, object>,
    to: (v: unknown) => unknown,
    from: (v: unknown) => unknown
  ): unknown {
    const cached = cache.get(target);
    if (cached) return cached;
    const proxy = new Proxy(target, {
      get: (t, key) => to(Reflect.get(t, key, t)),
      set: (t, key, v) => Reflect.set(t, key, from(v), t),
      apply: (t, self, args) => {
        try {
          return to(Reflect.apply(t as AnyFunction, from(self), args.map(from)));
        } catch (error) {
          throw to(error);
        }
      },
      construct: (t, args) =>
        to(Reflect.construct(t as new (...a: unknown[]) => object, args.map(from))) as object,
    });
    cache.set(target, proxy);
    targets.set(proxy, target);
    return proxy;
  }
}
