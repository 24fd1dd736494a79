import type { Table } from "../table/schema";
import { loadRoster } from "./load";
import {
  NAME_KEYS,
  type Group,
  type NameKind,
  type Roster,
  type Unit,
  type UnitKind,
} from "./schema";
import { collectiveLabel, isCollective } from "./collective";
import { bracketBase, sameUnit } from "./variants";
import { writtenNames } from "./written";

/**
 * 名册 learned from the tables themselves, for a workbook that has none: every leader and unit
 * the name columns write, run-together names separated, the ways one unit is written clustered
 * (variants.ts), the spelling most cells use as the name and the others as aliases, so that 校验
 * reports each minority spelling with a safe fix. Deterministic: the same tables give the same
 * 名册, entries in the order the tables first name them.
 */

/** A number of units (12个招商主体): neither a unit nor a group. */
const COUNT = /^[0-9〇零一二两三四五六七八九十百千万]+[个家名所]/;
/** A group that stands for every town and/or street office (各镇, 各镇街, 各街道, 各乡镇): its members can be listed. */
const WHOLE_LEVEL = /^各[镇乡街道、，,（）办事处]+$/;
const TOWN = /[镇乡]$/;
const STREET = /(?:街|街道|街道办事处|办事处)$/;

export interface LearnedEntry {
  kind: NameKind | "group";
  name: string;
  /** Cells that name it in any of its forms. */
  count: number;
  /** Other forms and the cells using each, most used first. */
  forms: { key: string; count: number }[];
}

export interface LearnedRoster {
  roster: Roster;
  entries: LearnedEntry[];
  /** Names written in one cell only and like no other: for the user to confirm, not errors. */
  singles: LearnedEntry[];
}

interface Tally {
  key: string;
  count: number;
  order: number;
}

/** Every name a column of `kind` writes, counted once per cell, in reading order. */
function tally(tables: readonly Table[], kind: NameKind, known?: Set<string>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const accept = known ? (key: string) => known.has(key) : undefined;
  // Name cells repeat a few dozen texts over thousands of rows: read each text once.
  const cache = new Map<string, ReturnType<typeof writtenNames>>();
  for (const table of tables) {
    const keys = NAME_KEYS[kind].filter((k) => table.columns.some((c) => c.key === k));
    for (const row of table.rows) {
      for (const key of keys) {
        if (row.merged.includes(key)) continue;
        const seen = new Set<string>();
        const text = row.fields[key] ?? "";
        let written = cache.get(text);
        if (!written) cache.set(text, (written = writtenNames(text, accept)));
        for (const name of written) {
          if (seen.has(name.key) || COUNT.test(name.key)) continue;
          seen.add(name.key);
          const t = out.get(name.key);
          if (t) t.count++;
          else out.set(name.key, { key: name.key, count: 1, order: out.size });
        }
      }
    }
  }
  return out;
}

/** A person's name: two or three characters (four with a compound surname is rare enough to leave whole). */
const PERSON = /^[\u4e00-\u9fff]{2,3}$/;
/**
 * A unit by its shape: four characters or more, ending as units end, not a sub-office
 * (分公司, 支队) and not a bracket's tail.
 */
const UNIT_SHAPE =
  /^[^（）分支总子][^（）]*(?:（[^（）]+）)?[^（）]*(?:局|委|办|镇|街道|公司|管委会|中心)$/;

const unitShaped = (word: string) => word.length >= 4 && UNIT_SHAPE.test(word);

/** Two unit-shaped names in one (南大街街道荷花池街道): such a part is split further, never kept. */
function twoUnits(word: string): boolean {
  for (let at = 4; at <= word.length - 4; at++)
    if (unitShaped(word.slice(0, at)) && unitShaped(word.slice(at))) return true;
  return false;
}

/** The cost of a part no cell writes alone: null where such a part is not believed. */
function unknownCost(word: string, kind: NameKind): number | null {
  if (kind === "leader") return PERSON.test(word) ? 1 : null;
  return unitShaped(word) && !twoUnits(word) ? 1 : null;
}

/**
 * The names `key` is written from when it is two or more names run together (于瑞均薛彤,
 * 工业和信息化局商务局): names written on their own elsewhere, or a name no cell writes alone —
 * at most one person in a run of leaders (邹朝阳郭建华), any number of unit-shaped names in a run
 * of units (五星街道南大街街道荷花池街道). Fewest such, then fewest parts; null when `key` is one name.
 */
function runTogetherParts(
  key: string,
  alone: ReadonlySet<string>,
  kind: NameKind
): string[] | null {
  type Reading = { parts: string[]; unknown: number };
  const best: (Reading | null)[] = [{ parts: [], unknown: 0 }];
  const better = (a: Reading, b: Reading | null) =>
    !b || a.unknown < b.unknown || (a.unknown === b.unknown && a.parts.length < b.parts.length);
  for (let end = 1; end <= key.length; end++) {
    best[end] = null;
    for (let start = 0; start < end - 1; start++) {
      const word = key.slice(start, end);
      const before = best[start];
      if (word === key || !before) continue;
      const unknown = alone.has(word) ? 0 : unknownCost(word, kind);
      if (unknown === null || (kind === "leader" && before.unknown + unknown > 1)) continue;
      const next = { parts: [...before.parts, word], unknown: before.unknown + unknown };
      if (better(next, best[end])) best[end] = next;
    }
  }
  const found = best[key.length];
  return found && found.parts.length > 1 ? found.parts : null;
}

/** The names of one kind with run-together ones given to their parts. */
function namesOf(tables: readonly Table[], kind: NameKind): Tally[] {
  // Two passes: the names written whole, then the cells read again so that a name wrapped onto
  // two lines (海河教育园区\n管委会) is one name where it is written whole elsewhere.
  const first = tally(tables, kind);
  const names = tally(tables, kind, new Set(first.keys()));
  const alone = new Set([...names.keys()].filter((k) => k.length > 1 && !isCollective(k)));
  for (const t of [...names.values()]) {
    if (!alone.has(t.key)) continue;
    const parts = runTogetherParts(t.key, alone, kind);
    if (!parts) continue;
    names.delete(t.key);
    for (const part of parts) {
      const known = names.get(part);
      if (known) known.count += t.count;
      else names.set(part, { key: part, count: t.count, order: t.order });
    }
  }
  return [...names.values()].filter((t) => t.key.length > 1).sort((a, b) => a.order - b.order);
}

/** Most cells first, then the fuller name, then character order: never the order of a Map. */
function byUse(a: Tally, b: Tally): number {
  return b.count - a.count || b.key.length - a.key.length || (a.key < b.key ? -1 : 1);
}

/** Units one cluster each: names linked by sameUnit, transitively. */
function clusters(units: readonly Tally[]): Tally[][] {
  const parent = units.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < units.length; i++)
    for (let j = i + 1; j < units.length; j++)
      if (sameUnit(units[i].key, units[j].key)) parent[root(j)] = root(i);
  const out = new Map<number, Tally[]>();
  units.forEach((u, i) => out.set(root(i), [...(out.get(root(i)) ?? []), u]));
  return [...out.values()];
}

function unitKind(name: string): UnitKind | undefined {
  if (TOWN.test(name)) return "town";
  if (STREET.test(name)) return "subdistrict";
  if (name.endsWith("管委会")) return "zone";
  return undefined;
}

/** The towns and/or street offices a whole-level group (各镇, 各镇街, 各街道) stands for. */
function membersOf(group: string, units: readonly Unit[]): string[] {
  if (!WHOLE_LEVEL.test(group)) return [];
  const wanted: UnitKind[] = [];
  if (/[镇乡]/.test(group)) wanted.push("town");
  if (/街/.test(group)) wanted.push("subdistrict");
  return units.filter((u) => u.kind && wanted.includes(u.kind)).map((u) => u.name);
}

/** The district the titles name (2022年津南区政府…, …涉及津南区工作), the most named; else 本工作簿. */
function districtOf(tables: readonly Table[]): string {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const m = /(?:涉及|^(?:\d{4}年)?)([\u4e00-\u9fff]{2,4}?[区县旗])/.exec(t.title);
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "本工作簿";
}

function planYearOf(tables: readonly Table[]): number {
  return tables.find((t) => t.planYear !== null)?.planYear ?? 0;
}

/** The 名册 the tables imply. Never throws. */
export function learnRoster(tables: readonly Table[]): LearnedRoster {
  const entries: LearnedEntry[] = [];
  const leaders = namesOf(tables, "leader").filter((t) => !isCollective(t.key));
  for (const t of leaders) entries.push({ kind: "leader", name: t.key, count: t.count, forms: [] });

  const allUnits = namesOf(tables, "unit");
  const groupNames = allUnits.filter((t) => isCollective(t.key));
  const first = new Map(allUnits.map((t) => [t.key, t.order]));
  const learned = clusters(allUnits.filter((t) => !isCollective(t.key))).map((cluster) => {
    const [name, ...others] = [...cluster].sort(byUse);
    // A bracketed sub-office (农业农村委（绿屏办）) is the same unit, correctly named: a variant.
    const bracketed = (o: Tally) => bracketBase(o.key) !== o.key;
    const unit: Unit = {
      name: name.key,
      variants: others.filter(bracketed).map((o) => o.key),
      aliases: others.filter((o) => !bracketed(o)).map((o) => o.key),
      kind: unitKind(name.key),
    };
    const entry: LearnedEntry = {
      kind: "unit",
      name: name.key,
      count: cluster.reduce((n, t) => n + t.count, 0),
      forms: others.map((o) => ({ key: o.key, count: o.count })),
    };
    // In the order the tables first name the unit, whatever form came first.
    const order = cluster.reduce((o, t) => Math.min(o, first.get(t.key) ?? 0), Infinity);
    return { unit, entry, order };
  });
  learned.sort((a, b) => a.order - b.order);
  const units = learned.map((l) => l.unit);
  entries.push(...learned.map((l) => l.entry));

  const groups: Group[] = groupNames.map((t) => ({
    name: t.key,
    aliases: [],
    label: collectiveLabel(t.key),
    members: membersOf(t.key, units),
  }));
  for (const t of groupNames)
    entries.push({ kind: "group", name: t.key, count: t.count, forms: [] });
  groups.push({ pattern: "成员单位$", label: "成员单位" });

  const roster = loadRoster({
    district: districtOf(tables),
    year: planYearOf(tables),
    leaders: leaders.map((t) => ({ name: t.key, aliases: [] })),
    units,
    groups,
  });
  const singles = entries.filter(
    (e) => e.kind !== "group" && e.count === 1 && e.forms.length === 0
  );
  return { roster, entries, singles };
}
