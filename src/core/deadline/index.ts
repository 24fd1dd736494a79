export { impossibleDates } from "./impossible";
export { parseDeadlines, deadlinesOfRow } from "./parse";
export { Milestone, MilestoneKind, DeadlineResult, IsoDate } from "./schema";
export {
  daysInMonth,
  isLeapYear,
  isoDate,
  monthEnd,
  parseIsoDate,
  quarterEnd,
  quarterOf,
  toChineseDate,
  yearEnd,
  type CalendarDate,
  type Quarter,
} from "./isoDate";
export { datedMilestones, milestoneLabel, passedMilestones } from "./milestones";
