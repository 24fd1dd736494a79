import { z } from "zod";
import type { FieldKey } from "../table/schema";
import { isValidPattern, rosterNames } from "./names";
import { normaliseName } from "./normalise";

/**
 * The roster (名册): a district's canonical 分管领导 and units for one plan year, with the
 * other ways they are written. It is data (seeds/roster.*.json or a user's 名册 sheet), so
 * another district only needs another file. Names are compared after normaliseName.
 */

const Name = z.string().trim().min(1);
/** Free text for whoever edits the JSON; the code never reads it. */
const Comment = z.string().optional();

export const Leader = z.strictObject({
  $comment: Comment,
  name: Name,
  /** Other spellings of the same person; spacing variants need no entry (normalisation removes spaces). */
  aliases: z.array(Name).default([]),
});
export type Leader = z.infer<typeof Leader>;

export const UnitKind = z.enum([
  "party", // 党委部门: 区委组织部, 区委政法委 …
  "government", // 政府工作部门: 委、办、局
  "institution", // 事业单位: 档案馆, 土地整理中心 …
  "branch", // 市级部门派驻或垂直管理: 公安分局, 规划资源分局, 税务局, 消防救援支队
  "town", // 镇
  "subdistrict", // 街道, 办事处
  "zone", // 园区管委会
  "enterprise", // 国有企业: 城投公司 …
  "mass", // 群团组织: 总工会, 残联, 红十字会, 工商联
  "military", // 人武部
  "office", // 议事协调或临时机构: 疫情防控指挥部, 创文办 …
]);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z.strictObject({
  $comment: Comment,
  /** Canonical name, with the district's prefix where the district uses one (区农业农村委). */
  name: Name,
  /**
   * Other correct names of the same unit — its full name or a second nameplate it carries
   * (区文化和旅游局（区体育局）). They resolve to `name` as known: nothing to correct.
   */
  variants: z.array(Name).default([]),
  /** Short, outdated or mistaken forms (农业农村委, 区市场监管委): they resolve to `name` as an alias to correct. */
  aliases: z.array(Name).default([]),
  kind: UnitKind.optional(),
});
export type Unit = z.infer<typeof Unit>;

/** A collective that stands for several units (各镇街), written as a name of its own. */
export const NamedGroup = z.strictObject({
  $comment: Comment,
  name: Name,
  aliases: z.array(Name).default([]),
  /** What the group stands for, in words a user reads (镇街, 成员单位). */
  label: Name,
  /**
   * The units it stands for, when the 名册 lists them (各镇 = every town): a cell naming the group
   * gives each member the task. Without members (各相关单位) the group stays a group.
   */
  members: z.array(Name).default([]),
});
/** Collectives recognised by shape (…领导小组成员单位): a regular expression on the normalised name. */
export const PatternGroup = z.strictObject({
  $comment: Comment,
  pattern: Name,
  label: Name,
});
export const Group = z.union([NamedGroup, PatternGroup]);
export type Group = z.infer<typeof Group>;

export const RosterFields = z.strictObject({
  $comment: Comment,
  /** The district the roster belongs to (天津市津南区). */
  district: Name,
  year: z.number().int(),
  leaders: z.array(Leader),
  units: z.array(Unit),
  /** Groups apply to unit cells only. */
  groups: z.array(Group).default([]),
});
export type RosterFields = z.infer<typeof RosterFields>;

/** A roster whose names are unambiguous: no written form (after normalisation) may stand for two entries. */
export const Roster = RosterFields.superRefine((roster, ctx) => {
  const seen = new Map<string, string>();
  for (const name of rosterNames(roster)) {
    if (name.key === "") {
      ctx.addIssue({ code: "custom", path: name.path, message: "名称只有空白字符" });
      continue;
    }
    const key = `${name.kind}:${name.key}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: name.path,
        message: `「${name.written}」重复：已作为「${earlier}」的名称出现`,
      });
    } else seen.set(key, name.canonical);
  }
  const units = new Set(roster.units.map((u) => normaliseName(u.name)));
  roster.groups.forEach((group, i) => {
    if ("members" in group)
      group.members.forEach((member, j) => {
        if (!units.has(normaliseName(member)))
          ctx.addIssue({
            code: "custom",
            path: ["groups", i, "members", j],
            message: `成员「${member}」不是名册中的单位名称`,
          });
      });
    if ("pattern" in group && !isValidPattern(group.pattern)) {
      ctx.addIssue({
        code: "custom",
        path: ["groups", i, "pattern"],
        message: `「${group.pattern}」不是有效的正则表达式`,
      });
    }
  });
});
export type Roster = z.infer<typeof Roster>;

/** How a written name relates to the roster. */
export const NameStatus = z.enum([
  "known", // the canonical name or a variant of it
  "alias", // resolves to a roster entry, but should be written as its canonical name
  "unknown", // not in the roster
  "group", // a collective such as 各镇街 or …领导小组成员单位
  "count", // a number of units such as 12个招商主体
]);
export type NameStatus = z.infer<typeof NameStatus>;

export const NamePart = z.object({
  /** As written in the cell (inner spaces and line breaks kept), trimmed. */
  text: z.string(),
  /** After normaliseName: no whitespace, full-width letters and digits folded, parentheses full-width. */
  normalised: z.string(),
  /** The roster's name for it: the entry's name (known, alias), the group's name (group), else null. */
  canonical: z.string().nullable(),
  status: NameStatus,
  /** Named as cooperating by the cell itself (区教育局（配合区卫健委）, …区审改办配合), whatever its column. */
  cooperates: z.literal(true).optional(),
});
export type NamePart = z.infer<typeof NamePart>;

export const NameSplit = z.object({
  parts: z.array(NamePart),
  /** Some names had no separator at all between them (于瑞均薛彤, 会展经济区管委会区住房建设委). */
  runTogether: z.boolean(),
  /** A name was written with spaces inside it (薛\u3000彤, 魏  胤). Line breaks inside a name do not count. */
  spacingVariant: z.boolean(),
  /** The cell ended in 等 (…海河教育园区管委会等): the list is open, and the 等 was left out of the parts. */
  etc: z.boolean(),
});
export type NameSplit = z.infer<typeof NameSplit>;

export type NameKind = "leader" | "unit";

/** The columns holding names of each kind. 市责任单位 names city bodies, which a district's roster does not list. */
export const NAME_KEYS: Record<NameKind, readonly FieldKey[]> = {
  leader: ["leader"],
  unit: ["lead", "coop"],
};
