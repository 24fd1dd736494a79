import { collectiveGroup } from "./collective";
import { compilePattern, rosterNames } from "./names";
import type { Group, NameKind, NamePart, NameStatus, Roster } from "./schema";

/** What a normalised name stands for. */
export interface Resolution {
  canonical: string | null;
  status: NameStatus;
  /** The group it belongs to, for status "group". */
  group: Group | null;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  found: Resolution | null;
}

interface RosterIndex {
  tries: Record<NameKind, TrieNode>;
  patterns: { re: RegExp; group: Group }[];
}

const newNode = (): TrieNode => ({ next: new Map(), found: null });

/** A number of units (12个招商主体, 三家单位): a count, not a name. Anchored, no nested quantifiers: linear. */
const COUNT = /^[0-9〇零一二两三四五六七八九十百千万]+[个家名所]/;

const indexes = new WeakMap<Roster, RosterIndex>();

/**
 * The roster's names in a trie per kind, built once per roster object so that splitting
 * 100,000 cells stays cheap. A roster is treated as immutable once it has been used.
 */
function rosterIndex(roster: Roster): RosterIndex {
  let index = indexes.get(roster);
  if (index) return index;
  index = { tries: { leader: newNode(), unit: newNode() }, patterns: [] };
  const namedGroups = new Map(
    roster.groups.flatMap((g) => ("name" in g ? [[g.name, g] as const] : []))
  );
  for (const name of rosterNames(roster)) {
    let node = index.tries[name.kind];
    for (let i = 0; i < name.key.length; i++) {
      const code = name.key.charCodeAt(i);
      let next = node.next.get(code);
      if (!next) node.next.set(code, (next = newNode()));
      node = next;
    }
    node.found = {
      canonical: name.canonical,
      status: name.status,
      group: namedGroups.get(name.canonical) ?? null,
    };
  }
  for (const group of roster.groups) {
    if ("pattern" in group) index.patterns.push({ re: compilePattern(group.pattern), group });
  }
  indexes.set(roster, index);
  return index;
}

/** Calls visit(end, resolution) for every roster name that s has at `from`, shortest first. */
export function forEachNameAt(
  roster: Roster,
  kind: NameKind,
  s: string,
  from: number,
  visit: (end: number, found: Resolution) => void
): void {
  let node: TrieNode | undefined = rosterIndex(roster).tries[kind];
  for (let i = from; i < s.length; i++) {
    node = node.next.get(s.charCodeAt(i));
    if (!node) return;
    if (node.found) visit(i + 1, node.found);
  }
}

/**
 * A whole normalised name: a roster name, else a group by the roster's patterns or by its shape
 * (区级相关部门, units only), else a count, else unknown.
 */
export function classify(roster: Roster, kind: NameKind, normalised: string): Resolution {
  let node: TrieNode | undefined = rosterIndex(roster).tries[kind];
  for (let i = 0; node && i < normalised.length; i++)
    node = node.next.get(normalised.charCodeAt(i));
  if (node?.found && normalised !== "") return node.found;
  if (kind === "unit") {
    const match = rosterIndex(roster).patterns.find((p) => p.re.test(normalised));
    const group = match?.group ?? collectiveGroup(normalised);
    if (group) return { canonical: normalised, status: "group", group };
  }
  if (COUNT.test(normalised)) return { canonical: null, status: "count", group: null };
  return { canonical: null, status: "unknown", group: null };
}

/** What a group part stands for, in the user's words (全部镇街, 成员单位); null for anything else. */
export function groupLabel(part: NamePart, roster: Roster): string | null {
  return part.status === "group"
    ? (classify(roster, "unit", part.normalised).group?.label ?? null)
    : null;
}

/** The units a group part stands for when the 名册 lists them (各镇 → every town); [] for anything else. */
export function groupMembers(part: NamePart, roster: Roster): readonly string[] {
  if (part.status !== "group") return [];
  const group = classify(roster, "unit", part.normalised).group;
  return group && "members" in group ? group.members : [];
}
