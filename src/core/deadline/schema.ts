import { z } from "zod";

/** A calendar date written "YYYY-MM-DD" (see isoDate.ts for why dates stay strings). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * - date: one point in time (6月底前, 三季度, 年底前, 9月23日);
 * - range: a period (3-5月, 2022年12月至2023年12月), dated by its end, `start` kept;
 * - recurring: repeated work (每月, 每季度, 每月10日, 定期), no single date;
 * - ongoing: open-ended wording (持续推进, 常态化, 长期坚持, 不断完善), no date.
 */
export const MilestoneKind = z.enum(["date", "range", "recurring", "ongoing"]);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const Milestone = z.object({
  kind: MilestoneKind,
  /** The day the milestone falls due; null for recurring and ongoing wording. */
  date: IsoDate.nullable(),
  /** First day of a range; null for every other kind. */
  start: IsoDate.nullable(),
  /** The phrase as written in the input, spaces included ("12 月底前"). */
  text: z.string().min(1),
  /** Span in the input string (UTF-16 code units, like String.prototype.slice). */
  index: z.number().int().nonnegative(),
  length: z.number().int().positive(),
  /**
   * The work the time governs as written after it (开工 in "6月底开工"; 完成方案制定 in
   * "3月底前完成方案制定"), at most 12 characters and "…"; "" when nothing follows it.
   */
  action: z.string(),
});
export type Milestone = z.infer<typeof Milestone>;

export const DeadlineResult = z.object({
  /** The plan year the text was dated in (from the table title, never from today). */
  planYear: z.number().int(),
  /** Every time expression found, in text order, spans never overlapping. */
  milestones: z.array(Milestone),
  /** The row's deadline: the date of the last dated milestone by position in the text. */
  deadline: IsoDate.nullable(),
  /** The latest date among the dated milestones (differs from `deadline` in "12月底竣工，二期5月底招投标"). */
  latest: IsoDate.nullable(),
  /** At least one dated milestone (date or range). */
  hasDeadline: z.boolean(),
  /** No dated milestone, only recurring or ongoing wording (持续推进。). */
  openEndedOnly: z.boolean(),
  /** Some dated milestone falls after 12-31 of the plan year (2023年三季度竣工). */
  beyondPlanYear: z.boolean(),
});
export type DeadlineResult = z.infer<typeof DeadlineResult>;
