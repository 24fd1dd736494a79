import { z } from "zod";
import { IsoDate } from "../deadline";

/**
 * What a unit's file (下发) carries, hidden, so that its return (回收) finds its master and rows
 * again whatever the unit did to the file name or the row order. It lives on a very hidden sheet
 * of the file, one JSON record a row (a cell holds at most 32,767 characters).
 */
export const DISTRIBUTE_FORMAT = "duban-distribute";
export const DISTRIBUTE_VERSION = 1;

/** The hidden sheet of a unit's file, and the visible one units fill in. */
export const META_SHEET = "督办助手下发信息";
export const UNIT_FILE_SHEET = "督办事项";

/** Column titles of a unit's file, as units see them; the last two are hidden. */
export const FILE_COLUMN = {
  seq: "序号",
  task: "重点工作",
  detail: "工作明细及完成时限",
  deadline: "截止日期",
  leader: "分管领导",
  coop: "配合单位",
  status: "完成状态",
  progress: "进展情况",
  note: "佐证/备注",
  key: "事项标识",
  check: "原文校验",
} as const;
export type FileColumn = keyof typeof FILE_COLUMN;
export const FILE_COLUMNS = Object.keys(FILE_COLUMN) as FileColumn[];
/** The columns a unit fills in; every other cell of the file is locked. */
export const EDITABLE_COLUMNS: readonly FileColumn[] = ["status", "progress", "note"];
/** The columns whose text is the master's: a return that changed them is listed, never taken silently. */
export const PROTECTED_COLUMNS = ["task", "detail", "deadline", "leader", "coop"] as const;
export type ProtectedColumn = (typeof PROTECTED_COLUMNS)[number];

/** The master a file was split from: a key of its tables' titles, and its file name as given. */
export const MasterRef = z.object({ id: z.string().min(1), name: z.string() });
export type MasterRef = z.infer<typeof MasterRef>;

/** The first record: format, master, unit, day of 下发. */
export const FileHead = z.object({
  format: z.literal(DISTRIBUTE_FORMAT),
  version: z.number().int().positive(),
  master: MasterRef,
  unit: z.string().min(1),
  date: IsoDate,
});
export type FileHead = z.infer<typeof FileHead>;

/** One record per row sent: its number in the file, its item key, and the values as sent. */
export const SentRow = z.object({
  n: z.number().int().positive(),
  key: z.string().min(1),
  table: z.string(),
  role: z.enum(["lead", "coop"]),
  seq: z.string().nullable(),
  task: z.string(),
  status: z.string(),
  progress: z.string(),
});
export type SentRow = z.infer<typeof SentRow>;

export interface FileMeta {
  head: FileHead;
  rows: SentRow[];
}
