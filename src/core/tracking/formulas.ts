import { quarterEnd, parseIsoDate, type Quarter } from "../deadline";
import { columnLetter } from "../patch/address";
import { rect } from "../patch/build";
import type { ConditionalFormat } from "../patch/schema";
import { excelDateSerial, isoDateOfSerial } from "../patch/units";
import { COLORS } from "../outputs/style";
import { DONE, type TrackState, type TrackingOptions } from "./schema";

/** Where the tracking columns of a sheet are, in 0-based sheet coordinates. */
export interface TrackingPlacement {
  /** First data row and how many rows follow (band rows among them are harmless: they are merged). */
  firstRow: number;
  rowCount: number;
  deadlineCol: number;
  statusCol: number;
  /**
   * Columns of the 一季度…四季度 goals (four, in order) and the plan year, on sheets holding 民心工程 rows. `mixed`:
   * other rows stand among them (a unit sheet); a row is a quarter row when any goal is written.
   */
  quarters?: { cols: readonly number[]; planYear: number; mixed: boolean };
}

const FILL: Record<Exclude<TrackState, "open">, string> = {
  done: COLORS.done,
  overdue: COLORS.overdue,
  dueSoon: COLORS.dueSoon,
  noDate: COLORS.noDate,
};

/** An ISO date as an Excel formula literal: "2022-09-30" → DATE(2022,9,30). */
export function dateLiteral(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `DATE(${year},${month},${day})`;
}

/**
 * The conditional formats that colour 截止日期 and 完成状态 (which stand side by side) by the
 * rules of state.ts, keyed on TODAY() or on the fixed check date, so the colours stay right
 * in a workbook opened without the add-in. The rules never overlap, so their order is free.
 * A quarter row is judged against the goal of the reference day's quarter (see deadline.ts):
 * one rule per quarter, each holding that quarter's dates as constants, keeps every formula short.
 */
export function trackingFormats(
  at: TrackingPlacement,
  options: Pick<TrackingOptions, "checkDate" | "reference" | "dueSoonDays">
): ConditionalFormat[] {
  const r = at.firstRow + 1;
  const cell = (col: number) => `$${columnLetter(col)}${r}`;
  const range = rect(at.firstRow, Math.min(at.deadlineCol, at.statusCol), at.rowCount, 2);
  const ref = options.reference === "today" ? "TODAY()" : dateLiteral(options.checkDate);
  const notDone = `TRIM(${cell(at.statusCol)})<>"${DONE}"`;
  const out: ConditionalFormat[] = [];
  const add = (state: keyof typeof FILL, ...conditions: string[]) =>
    out.push({
      range,
      formula: conditions.length === 1 ? `=${conditions[0]}` : `=AND(${conditions.join(",")})`,
      fill: FILL[state],
    });

  add("done", `TRIM(${cell(at.statusCol)})="${DONE}"`);
  const q = at.quarters;
  const goals = q ? q.cols.map(cell).join("&") : "";
  if (!q || q.mixed) {
    const plain = q ? [`${goals}=""`] : [];
    const d = cell(at.deadlineCol);
    add("overdue", notDone, ...plain, `${d}<>""`, `${d}<${ref}`);
    add(
      "dueSoon",
      notDone,
      ...plain,
      `${d}<>""`,
      `${d}>=${ref}`,
      `${d}-${ref}<=${options.dueSoonDays}`
    );
    add("noDate", notDone, ...plain, `${d}=""`);
  }
  if (q) {
    const quarterRow = q.mixed ? [`${goals}<>""`] : [];
    for (const quarter of [1, 2, 3, 4] as Quarter[]) {
      const goal = cell(q.cols[quarter - 1]);
      const end = quarterEnd(q.planYear, quarter);
      // The reference day falls in this quarter's window (held to the plan year, as goalQuarter does).
      const from =
        quarter > 1
          ? [`${ref}>${dateLiteral(quarterEnd(q.planYear, (quarter - 1) as Quarter))}`]
          : [];
      const to = quarter < 4 ? [`${ref}<=${dateLiteral(end)}`] : [];
      const soonFrom = isoDateOfSerial(excelDateSerial(end) - options.dueSoonDays);
      add(
        "dueSoon",
        notDone,
        ...quarterRow,
        `${goal}<>""`,
        ...from,
        `${ref}>=${dateLiteral(soonFrom)}`,
        `${ref}<=${dateLiteral(end)}`
      );
      add("noDate", notDone, ...quarterRow, `${goal}=""`, ...from, ...to);
      if (quarter === 4)
        add("overdue", notDone, ...quarterRow, `${goal}<>""`, `${ref}>${dateLiteral(end)}`);
    }
  }
  return out;
}
