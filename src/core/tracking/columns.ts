import { rect } from "../patch/build";
import type { CellNote, ListValidation } from "../patch/schema";
import type { Column, Row, Table } from "../table/schema";
import { matchRows, rowIdentity } from "./identity";
import { toChineseDate } from "../deadline";
import { STATUS_VALUES, type TrackingOptions } from "./schema";

/** The columns tracking adds at the right of a table, in this order. */
export const TRACKING_COLUMNS: readonly Column[] = [
  { key: "deadline", title: "截止日期", group: null },
  { key: "status", title: "完成状态", group: null },
  { key: "progress", title: "进展情况", group: null },
];

const TRACKING_KEYS = new Set(TRACKING_COLUMNS.map((c) => c.key));

/** A table's own columns with the tracking columns (re)placed at the right. */
export function withTrackingColumns(columns: readonly Column[]): Column[] {
  return [...columns.filter((c) => !TRACKING_KEYS.has(c.key)), ...TRACKING_COLUMNS];
}

/** The 完成状态 drop-down over a column of data rows. */
export function statusValidation(row: number, col: number, rowCount: number): ListValidation {
  return {
    range: rect(row, col, rowCount, 1),
    list: [...STATUS_VALUES],
    errorMessage: `完成状态请从下拉列表中选择：${STATUS_VALUES.join("、")}。`,
  };
}

/** What the 截止日期 header note tells users about where the date comes from and what the colours mean. */
export function deadlineNote(
  row: number,
  col: number,
  quarterRows: boolean,
  options: Pick<TrackingOptions, "dueSoonDays" | "reference" | "checkDate">
): CellNote {
  const today = options.reference === "today";
  const source = quarterRows
    ? `民心工程按检查日期所在季度的阶段性目标判断：截止日期为该季度末，该季度目标为空则不计截止日期；${
        today ? "季度更替后颜色自动按新季度判断，" : ""
      }重新导入可刷新本列日期。`
    : "截止日期取自「工作明细及完成时限」中最终的时间节点（如“6月底开工，12月底完工”为12月31日）。";
  const basis = today
    ? "颜色按打开文件当天判断"
    : `颜色按检查日期${toChineseDate(options.checkDate)}判断，不随日期变化`;
  return {
    row,
    col,
    text: `${source}${basis}：超期（截止日期已过且未完成）橙色，即将到期（${options.dueSoonDays}天内）黄色，已完成绿色，无截止日期灰色。`,
  };
}

/**
 * 完成状态 and 进展情况 typed into an earlier 导入 sheet of the same table, carried over to the
 * rows they were typed against (identity.ts); rows new to the table, and cells left empty on
 * the earlier sheet, start from their own cells (a workbook imported again brings its own).
 */
export function carriedProgress(
  table: Table,
  previous: Table | null | undefined
): { status: string; progress: string }[] {
  const own = (row: Row | undefined) => ({
    status: row?.fields.status ?? "",
    progress: row?.fields.progress ?? "",
  });
  if (!previous) return table.rows.map(own);
  const match = matchRows(
    previous.rows.map((r) => rowIdentity(table.id, r)),
    table.rows.map((r) => rowIdentity(table.id, r))
  );
  return table.rows.map((row, i) => {
    const earlier = match[i];
    const mine = own(row);
    if (earlier === null) return mine;
    const typed = own(previous.rows[earlier]);
    return { status: typed.status || mine.status, progress: typed.progress || mine.progress };
  });
}
