import { excelDateSerial } from "../patch/units";
import { DONE, type TrackState } from "./schema";

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return excelDateSerial(to) - excelDateSerial(from);
}

export function isDone(status: string | undefined): boolean {
  return (status ?? "").trim() === DONE;
}

/** Overdue: dated before the check date and not done — the one rule 校验 and tracking share. */
export function isOverdue(
  deadline: string | null,
  status: string | undefined,
  checkDate: string
): boolean {
  return deadline !== null && deadline < checkDate && !isDone(status);
}

/**
 * Where a row stands on the check date. The conditional formats written into the workbook
 * (formulas.ts) state the same rules in Excel's terms; tests hold the two together.
 */
export function trackState(
  deadline: string | null,
  status: string | undefined,
  checkDate: string,
  dueSoonDays: number
): TrackState {
  if (isDone(status)) return "done";
  if (deadline === null) return "noDate";
  if (isOverdue(deadline, status, checkDate)) return "overdue";
  return daysBetween(checkDate, deadline) <= dueSoonDays ? "dueSoon" : "open";
}
