import { notImplemented } from "./errors";

/** Names that `await`, jest and bundlers probe on any object; they read as undefined. */
export const PROBES = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "inspect",
  "default",
  "__esModule",
]);

/** A plain namespace object whose unknown members throw NotImplemented instead of being undefined. */
export function strictNamespace<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver);
      if (PROBES.has(prop) || prop.startsWith("_") || prop.startsWith("@@")) return undefined;
      throw notImplemented(name, prop);
    },
  });
}
