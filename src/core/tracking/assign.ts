import { isErrorValue } from "../grid/errorValues";
import { groupMembers } from "../roster/lookup";
import { splitNames } from "../roster/split";
import type { NameKind, NamePart, Roster } from "../roster/schema";
import { compactHeader } from "../parse/vocabulary";
import type { Row, Table } from "../table/schema";

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
 * (#REF!, #N/A) is no name at all and is left out too. A unit cell's names the cell itself gives
 * the cooperating part (区教育局（配合区卫健委）) count as cooperating (cooperatingIn), not here,
 * except in the 配合单位 column, where they cooperate anyway.
 */
export function namedIn(
  row: Row,
  field: "lead" | "coop" | "leader",
  roster: Roster
): readonly Named[] {
  const { own, cooperating } = namesOfCell(row, field, roster);
  return field === "coop" ? union(own, cooperating) : own;
}

/** The names of `a`, then those of `b` that `a` does not hold. */
function union(a: readonly Named[], b: readonly Named[]): readonly Named[] {
  return b.length === 0 ? a : [...a, ...b.filter((n) => !a.some((o) => o.name === n.name))];
}

/** The names of namedIn, for counts that need not say how a unit was named. */
export function namesIn(row: Row, field: "lead" | "coop" | "leader", roster: Roster): string[] {
  return namedIn(row, field, roster).map((n) => n.name);
}

/** The units a lead cell names as cooperating: 区卫健委 of 区教育局（配合区卫健委）. */
export function cooperatingIn(row: Row, roster: Roster): readonly Named[] {
  return namesOfCell(row, "lead", roster).cooperating;
}

interface CellNames {
  own: readonly Named[];
  cooperating: readonly Named[];
}

function namesOfCell(row: Row, field: "lead" | "coop" | "leader", roster: Roster): CellNames {
  const kind: NameKind = field === "leader" ? "leader" : "unit";
  const text = row.fields[field] ?? "";
  let known = namesOf.get(roster);
  if (!known) namesOf.set(roster, (known = { leader: new Map(), unit: new Map() }));
  let names = known[kind].get(text);
  if (!names) {
    const parts = splitNames(text, roster, kind).parts;
    names = {
      own: named(
        parts.filter((p) => !p.cooperates),
        roster
      ),
      cooperating: named(
        parts.filter((p) => p.cooperates),
        roster
      ),
    };
    known[kind].set(text, names);
  }
  return names;
}

function named(parts: readonly NamePart[], roster: Roster): Named[] {
  const found = new Map<string, Named>();
  for (const part of parts) {
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
  return [...found.values()];
}

/**
 * Unit and leader cells repeat a few dozen texts over thousands of rows: each text is split
 * once per roster (rosters are never changed in place; an edited 名册 is a new object).
 */
const namesOf = new WeakMap<Roster, Record<NameKind, Map<string, CellNames>>>();

/** A task's place in a unit's list: it leads it, or cooperates on it (and does not also lead it). */
export type Role = "lead" | "coop";

/** A unit's part in a task, and the group it came through (各镇) if the cell did not name it. */
export interface Assignment {
  role: Role;
  via: string | null;
}

/**
 * A table that says its unit cells name the lead first and the cooperating units after it: in a
 * cell (县发改局(首位单位为牵头单位,下同)、县财政局… — 海盐县 2022; 列第一位的为牵头单位) or
 * in the title of its unit column (牵头单位/责任单位, 牵头单位（责任单位）).
 */
// No u flag (ES5): a surrogate pair is written out so that it counts as one of the ten characters.
const FIRST_LEADS_NOTE =
  /(?:首位|第一位|排名第一|排在第一位)(?:[\ud800-\udbff][\udc00-\udfff]|[^，,。；;）)]){0,10}为牵头/;
const FIRST_LEADS_TITLE = /牵头单位[/／（(]责任单位|责任单位[/／（(]牵头单位/;

const firstLeads = new WeakMap<Table, boolean>();

export function leadIsFirstNamed(table: Table): boolean {
  let found = firstLeads.get(table);
  if (found === undefined) {
    found =
      (table.reading ?? []).some(
        (r) => r.key === "lead" && FIRST_LEADS_TITLE.test(compactHeader(r.title))
      ) || table.rows.some((r) => FIRST_LEADS_NOTE.test(r.fields.lead ?? ""));
    firstLeads.set(table, found);
  }
  return found;
}

/**
 * The units a row names as leading and as cooperating: the 配合单位 cell's and those the lead cell
 * itself names as cooperating (区教育局（配合区卫健委）). Where the table names the lead first
 * (leadIsFirstNamed), only the first unit of the lead cell leads — all members of a group (各镇)
 * if it is written first — and the others cooperate.
 */
export function unitRoles(
  table: Table,
  row: Row,
  roster: Roster
): { lead: readonly Named[]; coop: readonly Named[] } {
  const lead = namedIn(row, "lead", roster);
  const noted = cooperatingIn(row, roster).filter((n) => !lead.some((l) => l.name === n.name));
  const coop = union(namedIn(row, "coop", roster), noted);
  if (lead.length < 2 || !leadIsFirstNamed(table)) return { lead, coop };
  const first = lead[0].via;
  const leads = first === null ? lead.slice(0, 1) : lead.filter((n) => n.via === first);
  const others = lead.filter((n) => !leads.includes(n));
  const more = coop.filter((n) => !others.some((o) => o.name === n.name));
  return { lead: leads, coop: [...others, ...more] };
}

/** Every unit (or leader) a row concerns, with its role; for leaders every role is "lead". */
export function rolesIn(
  table: Table,
  row: Row,
  by: "unit" | "leader",
  roster: Roster
): Map<string, Assignment> {
  const roles = new Map<string, Assignment>();
  const named: [Role, readonly Named[]][] = [];
  if (by === "leader") named.push(["lead", namedIn(row, "leader", roster)]);
  else {
    const { lead, coop } = unitRoles(table, row, roster);
    named.push(["lead", lead], ["coop", coop]);
  }
  for (const [role, names] of named)
    for (const { name, via } of names) if (!roles.has(name)) roles.set(name, { role, via });
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
