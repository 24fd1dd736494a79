import type { Table } from "../../table/schema";
import { namesIn } from "../../tracking/assign";
import type { RuleContext } from "../context";

/**
 * A place a title names as the plan's own: at its start, after its year (2022年 / 2023年度), after
 * 涉及 or an opening bracket — 津南区 in 2022年津南区政府… and …（涉及津南区工作）, 立山区 in
 * 立山区政府2023年…, 天津市 and 津南区 in 天津市2022年20项民心工程涉及津南区…, a town as
 * 泗洲头镇 in 泗洲头镇2024年度…. A bare 区 or 县 (2023年区《政府工作报告》) names no place, nor
 * does 乡镇 (全县乡镇).
 */
const PLACE =
  /(?:^|\d{4}年度|\d{4}年(?!度)|[（(]?涉及|[（(])([\u4e00-\u9fff]{2,4}?(?:[省市区县旗]|(?<!乡)镇))/gu;

/** The places a table's title names, as written. */
export function placesNamed(title: string): string[] {
  return [...new Set([...title.matchAll(PLACE)].map((m) => m[1]))];
}

interface Subject {
  places: Set<string>;
  units: Set<string>;
}

function subjectOf(ctx: RuleContext, table: Table): Subject {
  return ctx.once(`subject.${table.id}`, () => ({
    places: new Set(placesNamed(table.title)),
    units: new Set(
      table.rows.flatMap((row) => [
        ...namesIn(row, "lead", ctx.roster),
        ...namesIn(row, "coop", ctx.roster),
      ])
    ),
  }));
}

const disjoint = (a: Set<string>, b: Set<string>) =>
  a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

/**
 * Whether two tables are one government's plans for one year, so that their figures for the same
 * project or indicator must agree. A table of another year is another plan. Tables whose titles
 * name different places (立山区, 津南区) are other governments' plans, although both may name a
 * 区商务局; tables that both name their units and share none (区发展和改革局 and 区发改局 are two
 * offices' ways of writing) are too. What the data does not tell (no year, no place, no unit) is
 * taken as the same plan.
 */
export function samePlan(ctx: RuleContext, a: Table, b: Table): boolean {
  if (a.planYear !== null && b.planYear !== null && a.planYear !== b.planYear) return false;
  const x = subjectOf(ctx, a);
  const y = subjectOf(ctx, b);
  return !disjoint(x.places, y.places) && !disjoint(x.units, y.units);
}
