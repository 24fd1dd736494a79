/**
 * Every ET object the stand-in hands out is wrapped here: each property read, property write and
 * method lookup counts as one call across the process boundary (as each is one COM/IPC call in
 * WPS), and a member the stand-in does not know throws instead of quietly being undefined.
 * Members whose names start with "_" are the stand-in's own and are neither counted nor offered.
 */
import { PROBES } from "../excel-standin/strict";

export interface CallStats {
  /** Calls into ET since install (or the last reset). */
  calls: number;
  /** Calls per "Object.Member", to see where they go. */
  byMember: Map<string, number>;
  reset(): void;
}

export function newStats(): CallStats {
  const stats: CallStats = {
    calls: 0,
    byMember: new Map(),
    reset() {
      stats.calls = 0;
      stats.byMember.clear();
    },
  };
  return stats;
}

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EtError";
  }
}

function members(target: object): Set<string> {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(target); proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
    proto = Object.getPrototypeOf(proto);
  }
  for (const name of Object.keys(target)) names.add(name);
  return names;
}

export function strict<T extends object>(kind: string, target: T, stats: CallStats): T {
  const known = members(target);
  const count = (key: string) => {
    stats.calls++;
    const name = `${kind}.${key}`;
    stats.byMember.set(name, (stats.byMember.get(name) ?? 0) + 1);
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "symbol") return Reflect.get(t, key, receiver);
      if (key.startsWith("_")) return Reflect.get(t, key, receiver);
      // Keys JavaScript itself probes (await, jest's printing): absent, and not counted.
      if (PROBES.has(key) || key === "constructor") return undefined;
      if (!known.has(key))
        throw new EtError(`ET 替身没有 ${kind}.${key}（不在文档所列的对象模型内）`);
      count(key);
      const value = Reflect.get(t, key, receiver);
      return typeof value === "function" ? value.bind(receiver) : value;
    },
    set(t, key, value, receiver) {
      if (typeof key === "string" && key.startsWith("_"))
        return Reflect.set(t, key, value, receiver);
      if (typeof key === "symbol" || !known.has(key))
        throw new EtError(`ET 替身没有可写的 ${kind}.${String(key)}`);
      const descriptor = findDescriptor(t, key);
      if (descriptor && !descriptor.set && !descriptor.writable)
        throw new EtError(`${kind}.${key} 是只读属性`);
      count(key);
      return Reflect.set(t, key, value, receiver);
    },
  });
}

function findDescriptor(target: object, key: string): PropertyDescriptor | undefined {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return d;
  }
  return undefined;
}
