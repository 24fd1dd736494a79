import { isErrorValue } from "../grid/errorValues";
import { splitNames } from "../roster/split";
import type { NameKind, Roster } from "../roster/schema";
import type { Row } from "../table/schema";

/**
 * The units or leaders a row names in one cell, as the roster calls them: aliases merged,
 * multi-name cells split, each name once. Groups (各镇街, …成员单位) and counts (12个招商主体)
 * stand for no single unit and are left out; a name the roster does not know is kept as written
 * (whitespace and full-width forms folded), so its tasks are not lost — 校验 reports the name.
 * An error value (#REF!, #N/A) is no name at all and is left out too.
 */
export function namesIn(row: Row, field: "lead" | "coop" | "leader", roster: Roster): string[] {
  const kind: NameKind = field === "leader" ? "leader" : "unit";
  const text = row.fields[field] ?? "";
  let known = namesOf.get(roster);
  if (!known) namesOf.set(roster, (known = { leader: new Map(), unit: new Map() }));
  let names = known[kind].get(text);
  if (!names) {
    names = [];
    for (const part of splitNames(text, roster, kind).parts) {
      if (part.status === "group" || part.status === "count") continue;
      // #REF! in a unit cell is a broken formula (校验 reports it), not a unit to give a sheet.
      if (isErrorValue(part.text)) continue;
      const name = part.canonical ?? part.normalised;
      if (name !== "" && !names.includes(name)) names.push(name);
    }
    known[kind].set(text, names);
  }
  return [...names];
}

/**
 * Unit and leader cells repeat a few dozen texts over thousands of rows: each text is split
 * once per roster (rosters are never changed in place; an edited 名册 is a new object).
 */
const namesOf = new WeakMap<Roster, Record<NameKind, Map<string, string[]>>>();

/** A task's place in a unit's list: it leads it, or cooperates on it (and does not also lead it). */
export type Role = "lead" | "coop";

/** Every unit (or leader) a row concerns, with its role; for leaders every role is "lead". */
export function rolesIn(row: Row, by: "unit" | "leader", roster: Roster): Map<string, Role> {
  const roles = new Map<string, Role>();
  if (by === "leader") {
    for (const name of namesIn(row, "leader", roster)) roles.set(name, "lead");
    return roles;
  }
  for (const name of namesIn(row, "lead", roster)) roles.set(name, "lead");
  for (const name of namesIn(row, "coop", roster)) if (!roles.has(name)) roles.set(name, "coop");
  return roles;
}

/**
 * Sorts names as the roster lists them, so sheets and tables come in the order a district
 * is used to; names the roster does not know come after, in the order first seen.
 */
export function inRosterOrder(names: Iterable<string>, order: readonly string[]): string[] {
  const rank = (name: string) => {
    const at = order.indexOf(name);
    return at < 0 ? order.length : at;
  };
  return [...names].sort((a, b) => rank(a) - rank(b));
}
