import { excelDateSerial } from "../patch/units";
import { DONE, type Status, type TrackState } from "./schema";

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return excelDateSerial(to) - excelDateSerial(from);
}

/** The words tables of other places put in their own status columns (是否完成, 完成情况). */
const STATUS_WORDS: [RegExp, Status][] = [
  [/^(已?完成|是|已办结|办结|已达标|达标|已竣工|竣工)[。.]?$/, "已完成"],
  [
    /^(达序推进|序时推进|正常推进|推进中|进行中|正在推进|实施中|在建|达序|按序推进)[。.]?$/,
    "推进中",
  ],
  [/^(未启动|未开工|尚未启动)[。.]?$/, "未启动"],
  [/^(已?延期|滞后|滞后推进|未完成|否|未达序|未达标)[。.]?$/, "已延期"],
];

/** A status as written (已完成, 是, 达序推进 …) in the drop-down's words, or null when it is none. */
export function normalStatus(status: string | undefined): Status | null {
  const text = (status ?? "").trim();
  for (const [pattern, value] of STATUS_WORDS) if (pattern.test(text)) return value;
  return null;
}

export function isDone(status: string | undefined): boolean {
  return normalStatus(status) === DONE;
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
