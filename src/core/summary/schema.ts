import { z } from "zod";
import { IsoDate } from "../deadline";

const Count = z.number().int().nonnegative();

/** How a set of tasks stands on the check date. */
export const Counts = z.object({
  total: Count,
  /** By 完成状态. */
  done: Count,
  inProgress: Count,
  notStarted: Count,
  delayed: Count,
  /** 完成状态 empty or not one of the four values. */
  unset: Count,
  /** By deadline (tracking/state.ts); a done task is neither overdue nor due soon. */
  overdue: Count,
  dueSoon: Count,
  noDate: Count,
  /** 校验 errors and warnings on these rows (超期 itself excluded: it is counted above). */
  issues: Count,
  /** done / total, from 0 to 1; null when there is no task. */
  completionRate: z.number().min(0).max(1).nullable(),
});
export type Counts = z.infer<typeof Counts>;

/** A lead unit: its status counts are over the tasks it leads; coop counts the tasks it cooperates on. */
export const UnitFigures = Counts.extend({
  unit: z.string(),
  lead: Count,
  coop: Count,
  /** Of lead and coop, the tasks whose cell named a group (各镇) that the 名册 says the unit belongs to. */
  viaGroup: Count,
});
export type UnitFigures = z.infer<typeof UnitFigures>;

export const LeaderFigures = Counts.extend({ leader: z.string() });
export type LeaderFigures = z.infer<typeof LeaderFigures>;

export const SectionFigures = Counts.extend({ section: z.string() });
export type SectionFigures = z.infer<typeof SectionFigures>;

export const TableFigures = Counts.extend({
  table: z.string(),
  title: z.string(),
  /** The title as a report names it: 津南区政府重点工作. */
  label: z.string(),
  /** The plan year from the title (2022年…), null when the title names none. */
  planYear: z.number().int().nullable(),
  /** Distinct lead units of its rows. */
  leadUnits: Count,
  /** Per section (一、…) or 民心工程 category, in table order; empty when the table has none. */
  sections: z.array(SectionFigures),
});
export type TableFigures = z.infer<typeof TableFigures>;

/** An overdue task, for the list under the report. */
export const OverdueTask = z.object({
  table: z.string(),
  label: z.string(),
  seq: z.string().nullable(),
  task: z.string(),
  deadline: IsoDate,
  lead: z.array(z.string()),
  leader: z.array(z.string()),
});
export type OverdueTask = z.infer<typeof OverdueTask>;

/** An unfinished task whose final deadline is ahead but some milestone on the way has passed. */
export const MilestoneTask = z.object({
  table: z.string(),
  label: z.string(),
  /** 序号 as printed, or the one its neighbours imply ("27（推算）") where it was lost. */
  seq: z.string().nullable(),
  /** The passed milestones as named: time and the work it governs (6月底开工). */
  milestones: z.array(z.string()).min(1),
  lead: z.array(z.string()),
});
export type MilestoneTask = z.infer<typeof MilestoneTask>;

/** Everything 汇总 reports: the same figures for the task pane, the 汇总 sheet and `duban report`. */
export const SummaryFigures = z.object({
  checkDate: IsoDate,
  dueSoonDays: z.number().int().nonnegative(),
  overall: Counts.extend({ tables: Count, leadUnits: Count }),
  tables: z.array(TableFigures),
  units: z.array(UnitFigures),
  leaders: z.array(LeaderFigures),
  overdue: z.array(OverdueTask),
  /** Tasks not overdue as a whole whose earlier milestones have passed (阶段节点已过). */
  milestonesPassed: z.array(MilestoneTask),
  /**
   * Issue totals by severity, 超期 excluded (it is a figure of its own); `overdue` is how many
   * 超期 warnings 校验 gave besides, so a view can say what its warning count leaves out.
   */
  issueTotals: z.object({ error: Count, warning: Count, info: Count, overdue: Count }),
});
export type SummaryFigures = z.infer<typeof SummaryFigures>;

export const Summary = SummaryFigures.extend({
  /** The report in Chinese, one sentence per paragraph, numbers filled in. */
  sentences: z.array(z.string()),
  /** Sentences and tables as plain text (tables tab-separated). */
  text: z.string(),
  /** Sentences and tables as HTML with inline borders, to paste into Word as tables. */
  html: z.string(),
});
export type Summary = z.infer<typeof Summary>;
