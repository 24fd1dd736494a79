import { normaliseName } from "../../roster/normalise";
import type { NamePart, Roster } from "../../roster/schema";

/**
 * The district's name in the forms units drop from their names: 津南区 and 津南 anywhere
 * (公安津南分局 → 公安分局), a bare 区 only at the start (区发展改革委 → 发展改革委).
 */
function districtTokens(district: string): { anywhere: string[]; leading: string[] } {
  const local = district.slice(district.lastIndexOf("市") + 1);
  const stem = local.replace(/[区县市旗]$/, "");
  const anywhere = [...new Set([local, stem].filter((t) => t.length >= 2))];
  const leading = local.length > stem.length ? [local.slice(stem.length)] : [];
  return { anywhere, leading };
}

const cache = new WeakMap<Roster, Map<string, string>>();

/** Every form a roster unit is written in with the district's name left out, mapped to its full form. */
function shortForms(roster: Roster): Map<string, string> {
  let forms = cache.get(roster);
  if (forms) return forms;
  forms = new Map();
  const { anywhere, leading } = districtTokens(roster.district);
  for (const unit of roster.units) {
    for (const full of [unit.name, ...unit.variants]) {
      const shorter = [
        ...anywhere.filter((t) => full.includes(t)).map((t) => full.replace(t, "")),
        ...leading.filter((t) => full.startsWith(t)).map((t) => full.slice(t.length)),
      ];
      for (const s of shorter) if (s !== "") forms.set(normaliseName(s), full);
    }
  }
  cache.set(roster, forms);
  return forms;
}

/**
 * For an alias that only leaves out the district's name (发展改革委, 农业农村委（绿屏办）), the
 * roster form it stands for; null for a real misspelling (区市场监管委 for 区市场监管局).
 */
export function shortFormOf(roster: Roster, part: NamePart): string | null {
  if (part.status !== "alias") return null;
  return shortForms(roster).get(part.normalised) ?? null;
}
