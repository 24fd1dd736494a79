import { normaliseName } from "./normalise";
import type { NameKind, NameStatus, RosterFields } from "./schema";

/** One written form the roster knows, with what it stands for. */
export interface RosterName {
  kind: NameKind;
  /** The form after normaliseName: what cells are matched against. */
  key: string;
  written: string;
  canonical: string;
  status: Extract<NameStatus, "known" | "alias" | "group">;
  /** Where it is in the roster data, for error messages. */
  path: (string | number)[];
}

/** Every name, variant, alias and named group of a roster. */
export function rosterNames(roster: RosterFields): RosterName[] {
  const out: RosterName[] = [];
  const add = (
    kind: NameKind,
    written: string,
    canonical: string,
    status: RosterName["status"],
    path: RosterName["path"]
  ) => out.push({ kind, key: normaliseName(written), written, canonical, status, path });
  roster.leaders.forEach((leader, i) => {
    add("leader", leader.name, leader.name, "known", ["leaders", i, "name"]);
    leader.aliases.forEach((alias, j) =>
      add("leader", alias, leader.name, "alias", ["leaders", i, "aliases", j])
    );
  });
  roster.units.forEach((unit, i) => {
    add("unit", unit.name, unit.name, "known", ["units", i, "name"]);
    unit.variants.forEach((variant, j) =>
      add("unit", variant, unit.name, "known", ["units", i, "variants", j])
    );
    unit.aliases.forEach((alias, j) =>
      add("unit", alias, unit.name, "alias", ["units", i, "aliases", j])
    );
  });
  roster.groups.forEach((group, i) => {
    if (!("name" in group)) return;
    add("unit", group.name, group.name, "group", ["groups", i, "name"]);
    group.aliases.forEach((alias, j) =>
      add("unit", alias, group.name, "group", ["groups", i, "aliases", j])
    );
  });
  return out;
}

/**
 * Group patterns are tested against normalised names. No u flag: Internet Explorer 11 (the ribbon's
 * 校验 in Office 2016/2019) has none, and a pattern must mean the same in every host.
 */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern);
}

export function isValidPattern(pattern: string): boolean {
  try {
    compilePattern(pattern);
    return true;
  } catch {
    return false;
  }
}
