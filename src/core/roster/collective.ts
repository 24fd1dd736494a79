import type { Group } from "./schema";

/**
 * A collective written by its shape, in any place's tables: 各镇街, 各街道办事处, 相关部门,
 * 各有关单位, 各县、市、区政府, …领导小组成员单位, and the same after the level it belongs to —
 * 区级相关部门 (官渡区 2016), 区直各部门 (立山区 2023), 市有关部门, 全区各街道, 其他单位. It stands
 * for several units and names none of its own, whatever the 名册. Tested on a normalised name;
 * anchored, no nested quantifiers: linear.
 */
const COLLECTIVE =
  /^(?:全?[省市州盟县区旗镇乡](?:级|直|属|直属)?)?(?:各|相关|有关|其他|其它|其余)|成员单位$/;

export function isCollective(normalised: string): boolean {
  return COLLECTIVE.test(normalised);
}

/** What a collective stands for, in the user's words: 各镇 → 全部镇, 各相关镇街 → 相关镇街, …成员单位 → 成员单位. */
export function collectiveLabel(name: string): string {
  if (name.endsWith("成员单位")) return "成员单位";
  if (/^各?(?:相关|有关)/.test(name)) return name.replace(/^各/, "");
  return name.replace(/^各/, "全部");
}

/**
 * The group a collective the 名册 does not list belongs to: one of its shape, with no members (the
 * 名册 does not say which units 区级相关部门 are), so that it gives no unit a task and is not
 * reported as a unit unknown to the 名册. Null for anything else.
 */
export function collectiveGroup(normalised: string): Group | null {
  return isCollective(normalised)
    ? { pattern: COLLECTIVE.source, label: collectiveLabel(normalised) }
    : null;
}
