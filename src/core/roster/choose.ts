import type { Table } from "../table/schema";
import { learnRoster, type LearnedRoster } from "./learn";
import { defaultRoster } from "./load";
import type { Roster } from "./schema";

/** Where the 名册 校验 used came from, for the pane and the report to say. */
export type RosterSource = "given" | "shipped" | "learned";

export interface ChosenRoster {
  roster: Roster;
  source: RosterSource;
  /** What was learned, when the 名册 was learned. */
  learned: LearnedRoster | null;
}

/** 天津市津南区 → 津南区: the name a table's title uses. */
function localName(district: string): string {
  return district.slice(district.lastIndexOf("市") + 1);
}

/**
 * The shipped 名册 (津南区 2022) is one district's in one year: it applies only when every
 * table whose title states a year names that district and that year (there must be one). A
 * title with no year (a sheet of the user's such as 区科技局重点工作任务清单) says nothing either way.
 */
export function shippedApplies(
  tables: readonly Table[],
  shipped: Roster = defaultRoster()
): boolean {
  const place = localName(shipped.district);
  const dated = tables.filter((t) => t.planYear !== null);
  return (
    dated.length > 0 && dated.every((t) => t.title.includes(place) && t.planYear === shipped.year)
  );
}

/**
 * The 名册 for these tables: the user's (a 名册 sheet or a --roster file) when there is one, else
 * the shipped one where it applies (and `shipped` is not switched off), else one learned from
 * the tables.
 */
export function chooseRoster(
  tables: readonly Table[],
  given: Roster | null = null,
  options: { shipped?: boolean } = {}
): ChosenRoster {
  if (given) return { roster: given, source: "given", learned: null };
  if (options.shipped !== false && shippedApplies(tables))
    return { roster: defaultRoster(), source: "shipped", learned: null };
  const learned = learnRoster(tables);
  return { roster: learned.roster, source: "learned", learned };
}

/** "名册：从表格中学习（单位 64 个，领导 12 位）", for the pane and the CLI report. */
export function rosterLine(chosen: ChosenRoster): string {
  const { roster } = chosen;
  const size = `单位 ${roster.units.length} 个，领导 ${roster.leaders.length} 位`;
  const from = {
    given: "使用工作簿中的名册（或指定的名册文件）",
    shipped: `使用随附的${roster.district} ${roster.year} 年名册`,
    learned: "工作簿中没有名册，已从表格中学习",
  }[chosen.source];
  return `名册：${from}（${size}）。`;
}
