import { toChineseDate } from "../deadline";
import { laidOutForPrint } from "../outputs/print";
import { COLORS, TITLE_FONT, fittedWidth } from "../outputs/style";
import { dateCell, rect } from "../patch/build";
import type { PatchCell, RangeFormat, Rect, SheetOpInput } from "../patch/schema";
import { statusValidation } from "../tracking/columns";
import { rowDeadline } from "../tracking/deadline";
import { unitFileName } from "./fileName";
import { lockedHash } from "./itemKey";
import type { Master, MasterItem } from "./master";
import {
  DISTRIBUTE_FORMAT,
  DISTRIBUTE_VERSION,
  EDITABLE_COLUMNS,
  FILE_COLUMN,
  FILE_COLUMNS,
  META_SHEET,
  PROTECTED_COLUMNS,
  UNIT_FILE_SHEET,
  type FileColumn,
  type FileHead,
  type ProtectedColumn,
  type SentRow,
} from "./schema";

/** One unit's file: its name and the sheets to write into a new workbook. */
export interface UnitFile {
  unit: string;
  fileName: string;
  lead: number;
  coop: number;
  sheets: SheetOpInput[];
}

export interface SplitOptions {
  /** The day of 下发 (YYYY-MM-DD): in the file name, and the day deadlines are dated on. */
  date: string;
}

const WIDTHS: Record<FileColumn, number> = {
  seq: 6,
  task: 30,
  detail: 48,
  deadline: 12,
  leader: 10,
  coop: 18,
  status: 10,
  progress: 36,
  note: 20,
  key: 10,
  check: 10,
};
const HIDDEN = new Set<FileColumn>(["key", "check"]);
const col = (c: FileColumn) => FILE_COLUMNS.indexOf(c);
const TITLE_ROW = 0;
const HELP_ROW = 1;
const HEADER_ROW = 2;

/** The texts of an item's locked columns as a unit's file shows them. */
export function lockedTexts(item: MasterItem, date: string): Record<ProtectedColumn, string> {
  const f = item.row.fields;
  return {
    task: f.task ?? "",
    detail: f.detail ?? "",
    deadline: rowDeadline(item.master.table, item.row, date) ?? "",
    leader: f.leader ?? "",
    coop: f.coop ?? "",
  };
}

/**
 * 下发: one workbook per unit, holding the items it leads (一、牵头事项) and those it cooperates on
 * (二、配合事项), numbered through. Only 完成状态 (a drop-down), 进展情况 and 佐证/备注 can be
 * edited; the sheet is protected without a password. Each row carries its item key and a hash
 * of its locked cells in hidden columns, and a very hidden sheet says which master and rows the
 * file came from, so 回收 matches a renamed or re-sorted file. Pure: a plan per file.
 */
export function splitByUnit(master: Master, options: SplitOptions): UnitFile[] {
  const byUnit = new Map<string, { lead: MasterItem[]; coop: MasterItem[] }>();
  for (const unit of master.units) byUnit.set(unit, { lead: [], coop: [] });
  for (const item of master.items)
    for (const [unit, { role }] of item.roles) byUnit.get(unit)?.[role].push(item);
  const used = new Set<string>();
  return master.units.map((unit) => {
    const { lead, coop } = byUnit.get(unit) ?? { lead: [], coop: [] };
    return {
      unit,
      fileName: unitFileName(unit, options.date, used),
      lead: lead.length,
      coop: coop.length,
      sheets: unitSheets(master, unit, lead, coop, options.date),
    };
  });
}

function unitSheets(
  master: Master,
  unit: string,
  lead: readonly MasterItem[],
  coop: readonly MasterItem[],
  date: string
): SheetOpInput[] {
  const width = FILE_COLUMNS.length;
  const title = `${unit}重点工作督办事项`;
  const values: PatchCell[][] = [
    [title, ...blank(width - 1)],
    [
      `下发日期：${toChineseDate(date)}。请在「完成状态」（下拉选择）、「进展情况」和「佐证/备注」三列填写，其他单元格已锁定（无需密码，请勿撤销保护、增删行或改动隐藏列）。文件可以改名，填好后报回督查室。`,
      ...blank(width - 1),
    ],
    FILE_COLUMNS.map((c) => FILE_COLUMN[c]),
  ];
  const merges: Rect[] = [rect(TITLE_ROW, 0, 1, width), rect(HELP_ROW, 0, 1, width)];
  const formats: RangeFormat[] = [
    {
      range: rect(TITLE_ROW, 0, 1, width),
      font: TITLE_FONT,
      horizontal: "center",
      vertical: "center",
    },
    {
      range: rect(HELP_ROW, 0, 1, width),
      wrap: true,
      vertical: "center",
      font: { color: "#C00000" },
    },
    {
      range: rect(HEADER_ROW, 0, 1, width),
      fill: COLORS.headerFill,
      font: { bold: true },
      wrap: true,
      horizontal: "center",
      vertical: "center",
    },
  ];
  const itemRuns: Rect[] = [];
  const sent: SentRow[] = [];
  let n = 0;
  const part = (title: string, items: readonly MasterItem[], role: SentRow["role"]) => {
    if (items.length === 0) return;
    const at = values.length;
    values.push([`${title}（${items.length}项）`, ...blank(width - 1)]);
    merges.push(rect(at, 0, 1, width));
    formats.push({ range: rect(at, 0, 1, width), fill: COLORS.sectionFill, font: { bold: true } });
    itemRuns.push(rect(at + 1, 0, items.length, width));
    for (const item of items) {
      n += 1;
      const locked = lockedTexts(item, date);
      const status = item.row.fields.status ?? "";
      const progress = item.row.fields.progress ?? "";
      sent.push({
        n,
        key: item.key,
        table: item.master.table.id,
        role,
        seq: item.row.seq,
        task: locked.task,
        status,
        progress,
      });
      const cell: Record<FileColumn, PatchCell> = {
        seq: n,
        ...locked,
        deadline: locked.deadline ? dateCell(locked.deadline) : null,
        status,
        progress,
        note: "",
        key: item.key,
        check: lockedHash(PROTECTED_COLUMNS.map((c) => locked[c])),
      };
      values.push(FILE_COLUMNS.map((c) => cell[c]));
    }
  };
  part("一、牵头事项", lead, "lead");
  part("二、配合事项", coop, "coop");

  const body = rect(HEADER_ROW, 0, values.length - HEADER_ROW, width);
  formats.push(
    {
      range: rect(HEADER_ROW + 1, 0, Math.max(1, values.length - HEADER_ROW - 1), width),
      wrap: true,
      vertical: "top",
    },
    { range: body, borders: { color: "#808080" } },
    { range: rect(HEADER_ROW, col("key"), body.rowCount, 2), font: { color: COLORS.continuedFont } }
  );
  const editable = itemRuns.flatMap((run) =>
    EDITABLE_COLUMNS.map((c) => rect(run.row, col(c), run.rowCount, 1))
  );
  const head: FileHead = {
    format: DISTRIBUTE_FORMAT,
    version: DISTRIBUTE_VERSION,
    master: master.ref,
    unit,
    date,
  };
  return [
    // Printed as the master's sheets are: 宋体 at 9 pt or more on A4, the title on every page
    // and 第 N 页 共 M 页 below.
    laidOutForPrint(
      {
        sheet: UNIT_FILE_SHEET,
        mode: "replace",
        generated: { kind: "distribute", key: unit },
        activate: true,
        columns: FILE_COLUMNS.map((c, i) => ({
          col: i,
          width:
            c === "detail" || c === "task"
              ? fittedWidth(
                  values.slice(HEADER_ROW + 1).map((r) => (typeof r[i] === "string" ? r[i] : "")),
                  12,
                  WIDTHS[c]
                )
              : WIDTHS[c],
          ...(HIDDEN.has(c) ? { hidden: true } : {}),
        })),
        rows: [
          { row: TITLE_ROW, height: 28 },
          { row: HELP_ROW, height: 36 },
        ],
        values: [{ row: 0, col: 0, values }],
        formats,
        merges,
        freeze: { rows: HEADER_ROW + 1, cols: 0 },
        validations: itemRuns.map((run) => statusValidation(run.row, col("status"), run.rowCount)),
        print: {
          orientation: "landscape",
          paper: "A4",
          titleRows: { first: HEADER_ROW, count: 1 },
          fitToWidth: true,
        },
        protection: { editable, allowSort: true },
      },
      { title }
    ),
    {
      sheet: META_SHEET,
      mode: "replace",
      generated: { kind: "distribute", key: `${unit}#meta` },
      visibility: "veryHidden",
      columns: [{ col: 0, width: 120 }],
      values: [
        {
          row: 0,
          col: 0,
          values: [
            ["督办助手下发信息：回收时据此对应总表和事项，请勿修改或删除。"],
            [JSON.stringify(head)],
            ...sent.map((r) => [JSON.stringify(r)]),
          ],
        },
      ],
    },
  ];
}

function blank(count: number): PatchCell[] {
  return Array.from({ length: Math.max(0, count) }, () => null);
}
