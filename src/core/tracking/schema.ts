import { z } from "zod";
import { IsoDate } from "../deadline";

/** The 完成状态 drop-down, in the order users read it. */
export const STATUS_VALUES = ["未启动", "推进中", "已完成", "已延期"] as const;
export const Status = z.enum(STATUS_VALUES);
export type Status = z.infer<typeof Status>;

/** The only status that counts as done; 已延期 is still open work. */
export const DONE: Status = "已完成";

/**
 * Where a row stands on the 检查日期:
 * - done: 完成状态 is 已完成;
 * - overdue (超期): the deadline is before the check date;
 * - dueSoon (即将到期): the deadline is the check date or within dueSoonDays after it;
 * - open: a later deadline;
 * - noDate: no deadline could be read.
 */
export const TrackState = z.enum(["done", "overdue", "dueSoon", "open", "noDate"]);
export type TrackState = z.infer<typeof TrackState>;

export const TRACK_STATE_LABEL: Record<TrackState, string> = {
  done: "已完成",
  overdue: "超期",
  dueSoon: "即将到期",
  open: "未到期",
  noDate: "无截止日期",
};

export const TrackingOptions = z.object({
  /** The day rows are judged on (YYYY-MM-DD); the task pane defaults it to today. */
  checkDate: IsoDate,
  /**
   * What the colours in the workbook are keyed on: "today" writes TODAY() into the conditional
   * formats, so they move on with time; "checkDate" writes the chosen day as DATE(2022,9,30).
   */
  reference: z.enum(["today", "checkDate"]).default("today"),
  /** 即将到期 = the deadline is at most this many days after the check date. */
  dueSoonDays: z.number().int().nonnegative().max(366).default(15),
});
export type TrackingOptions = z.infer<typeof TrackingOptions>;
export type TrackingOptionsInput = z.input<typeof TrackingOptions>;
