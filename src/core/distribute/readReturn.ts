import { cellText } from "../grid/cellText";
import type { Grid } from "../grid/schema";
import {
  FILE_COLUMN,
  FILE_COLUMNS,
  FileHead,
  META_SHEET,
  SentRow,
  type FileColumn,
  type FileMeta,
} from "./schema";

/** A returned file as a host read it: every sheet, hidden ones too, and when it was saved. */
export interface ReturnSource {
  file: string;
  /** The file's last-modified day (YYYY-MM-DD), when the host knows it. */
  modified: string | null;
  sheets: { grid: Grid; visible: boolean }[];
}

/** One row of a returned file, each column's text as it stands now. */
export interface ReturnRow {
  /** 0-based sheet row. */
  sheetRow: number;
  texts: Record<FileColumn, string>;
}

export interface ReturnContent {
  file: string;
  modified: string | null;
  /** The hidden record of what was sent, or null when the unit's file lost it. */
  meta: FileMeta | null;
  /** The unit: from the record, else from the title or the file name. */
  unit: string;
  rows: ReturnRow[];
}

/** Rows searched for the header. */
const HEADER_SEARCH = 10;
const TITLE_SUFFIX = "重点工作督办事项";

/**
 * Reads a unit's returned file: the hidden record (if the file kept it) and the rows of the
 * sheet whose header has 完成状态 and 进展情况, columns found by their titles, so a column the
 * unit moved does no harm. A file that is not one of ours gives a Chinese reason instead.
 */
export function readReturn(source: ReturnSource): ReturnContent | { problem: string } {
  const meta = readMeta(source);
  if (source.sheets.every((s) => !s.visible || s.grid.values.length === 0))
    return { problem: `文件「${source.file}」是空的：没有任何填写内容，已跳过。` };
  for (const { grid, visible } of source.sheets) {
    if (!visible) continue;
    const text = (r: number, c: number) =>
      cellText(grid.values[r]?.[c] ?? null, grid.numberFormats?.[r]?.[c]).trim();
    for (let r = 0; r < Math.min(HEADER_SEARCH, grid.values.length); r++) {
      const titles = grid.values[r].map((_, c) => text(r, c).replace(/\s+/g, ""));
      const at = (c: FileColumn) => titles.indexOf(FILE_COLUMN[c]);
      if (at("status") < 0 || at("progress") < 0 || at("task") < 0) continue;
      const cols = Object.fromEntries(FILE_COLUMNS.map((c) => [c, at(c)])) as Record<
        FileColumn,
        number
      >;
      const rows: ReturnRow[] = [];
      for (let i = r + 1; i < grid.values.length; i++) {
        const texts = Object.fromEntries(
          FILE_COLUMNS.map((c) => [c, cols[c] < 0 ? "" : text(i, cols[c])])
        ) as Record<FileColumn, string>;
        // Band rows (一、牵头事项) have neither a task nor a key; unmerged and filled across (WPS's
        // 取消合并并填充), their 序号 and task are the same text, which no item's are.
        if ((texts.task === "" && texts.key === "") || texts.seq === texts.task) continue;
        rows.push({ sheetRow: grid.top + i, texts });
      }
      const title = text(0, 0);
      const unit =
        meta?.head.unit ??
        (title.endsWith(TITLE_SUFFIX) ? title.slice(0, -TITLE_SUFFIX.length) : null) ??
        source.file.replace(/^.*[\\/]/, "").split("-")[0];
      return { file: source.file, modified: source.modified, meta, unit, rows };
    }
  }
  return {
    problem: `文件「${source.file}」不是督办助手下发的单位文件：找不到含「完成状态」「进展情况」「重点工作」的表头，已跳过。`,
  };
}

function readMeta(source: ReturnSource): FileMeta | null {
  const sheet = source.sheets.find((s) => s.grid.sheet === META_SHEET);
  if (!sheet) return null;
  const records = sheet.grid.values.map((row) => {
    try {
      return JSON.parse(String(row[0] ?? "")) as unknown;
    } catch {
      return null;
    }
  });
  const head = records.map((r) => FileHead.safeParse(r)).find((r) => r.success)?.data;
  if (!head) return null;
  const rows = records.flatMap((r) => {
    const parsed = SentRow.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return { head, rows };
}
