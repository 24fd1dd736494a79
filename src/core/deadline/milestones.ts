import type { DeadlineResult, Milestone } from "./schema";

/** A milestone as outputs name it: its time and the work it governs ("6月底开工"). */
export function milestoneLabel(m: Milestone): string {
  return `${m.text.trim()}${m.action}`;
}

/** The milestones that carry a date, in text order. */
export function datedMilestones(result: DeadlineResult): Milestone[] {
  return result.milestones.filter((m) => m.date !== null);
}

/**
 * The milestones on the way to the final deadline (result.latest) that lie before `checkDate`,
 * in text order: "2022年6月开工" of "2022年6月开工，2022年12月底完工" on 2022-09-30. Empty when
 * the final deadline itself has passed (then the row is 超期) or no earlier milestone has.
 */
export function passedMilestones(result: DeadlineResult, checkDate: string): Milestone[] {
  const final = result.latest;
  if (final === null || final < checkDate) return [];
  return result.milestones.filter((m) => m.date !== null && m.date < checkDate && m.date < final);
}
