import { isErrorValue } from "../grid/errorValues";
import { groupMembers } from "../roster/lookup";
import { splitNames } from "../roster/split";
import type { NameKind, Roster } from "../roster/schema";
import type { Row } from "../table/schema";

/** A unit or leader a cell names: itself, or through a group (各镇) whose members the 名册 lists. */
export interface Named {
  name: string;
  /** The group's name when the cell named the group rather than the unit. */
  via: string | null;
}

/**
 * The units or leaders a row names in one cell, as the roster calls them: aliases merged,
 * multi-name cells split, each name once. A group whose members the 名册 lists (各镇) names each
 * member; other groups (各相关单位, …成员单位) and counts (12个招商主体) stand for no single unit
 * and are left out. A name the roster does not know is kept as written (whitespace and
 * full-width forms folded), so its tasks are not lost — 校验 reports the name. An error value
 * (#REF!, #N/A) is no name at all and is left out too.
 */
export function namedIn(
  row: Row,
  field: "lead" | "coop" | "leader",
  roster: Roster
): readonly Named[] {
  const kind: NameKind = field === "leader" ? "leader" : "unit";
  const text = row.fields[field] ?? "";
  let known = namesOf.get(roster);
  if (!known) namesOf.set(roster, (known = { leader: new Map(), unit: new Map() }));
  let names = known[kind].get(text);
  if (!names) {
    const found = new Map<string, Named>();
    for (const part of splitNames(text, roster, kind).parts) {
      if (part.status === "count") continue;
      // #REF! in a unit cell is a broken formula (校验 reports it), not a unit to give a sheet.
      if (isErrorValue(part.text)) continue;
      if (part.status === "group") {
        for (const name of groupMembers(part, roster))
          if (!found.has(name)) found.set(name, { name, via: part.canonical });
        continue;
      }
      const name = part.canonical ?? part.normalised;
      // Named in its own right: that wins over being a member of a group in the same cell.
      if (name !== "" && found.get(name)?.via !== null) found.set(name, { name, via: null });
    }
    names = [...found.values()];
    known[kind].set(text, names);
  }
  return names;
}

/** The names of namedIn, for counts that need not say how a unit was named. */
export function namesIn(row: Row, field: "lead" | "coop" | "leader", roster: Roster): string[] {
  return namedIn(row, field, roster).map((n) => n.name);
}

/**
 * Unit and leader cells repeat a few dozen texts over thousands of rows: each text is split
 * once per roster (rosters are never changed in place; an edited 名册 is a new object).
 */
const namesOf = new WeakMap<Roster, Record<NameKind, Map<string, readonly Named[]>>>();

/** A task's place in a unit's list: it leads it, or cooperates on it (and does not also lead it). */
export type Role = "lead" | "coop";

/** A unit's part in a task, and the group it came through (各镇) if the cell did not name it. */
export interface Assignment {
  role: Role;
  via: string | null;
}

/** Every unit (or leader) a row concerns, with its role; for leaders every role is "lead". */
export function rolesIn(row: Row, by: "unit" | "leader", roster: Roster): Map<string, Assignment> {
  const roles = new Map<string, Assignment>();
  const fields = by === "leader" ? (["leader"] as const) : (["lead", "coop"] as const);
  for (const field of fields) {
    const role: Role = field === "coop" ? "coop" : "lead";
    for (const { name, via } of namedIn(row, field, roster))
      if (!roles.has(name)) roles.set(name, { role, via });
  }
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
