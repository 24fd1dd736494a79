import { readGridTable } from "../grid/gridTable";
import { cellText } from "../grid/cellText";
import type { Grid } from "../grid/schema";
import { compactHeader } from "../parse/vocabulary";
import type { GeneratedMarker } from "../patch/schema";
import type { Fields, ParseProblem } from "../table/schema";
import { parseIdentityKey, type RowIdentity } from "../tracking/identity";

/** Titles of the unit-sheet columns the header vocabulary does not know (it must not: they are not table fields). */
export const UNIT_COLUMN = {
  source: "来源",
  /** The item's 序号 in its master table (or 缺失，推算为27), beside the 来源 link. */
  masterSeq: "原序号",
  key: "行标识",
  baseStatus: "上次同步·完成",
  baseProgress: "上次同步·进展",
} as const;

/** One row of a unit sheet as it stands now. */
export interface UnitSheetRow {
  /** The master row it was made from, or null for a row the user added. */
  identity: RowIdentity | null;
  /** The 行标识 cell as written. */
  key: string;
  status: string;
  progress: string;
  /** The last synced values (sync.ts); null when the sheet has no such column. */
  baseStatus: string | null;
  baseProgress: string | null;
  /** 来源 as text (the link's target is not read back). */
  source: string;
  /** 原序号 as text; "" on a sheet without the column. */
  masterSeq: string;
  fields: Fields;
  /** 0-based sheet row, and the columns of its fields, for writing back. */
  sheetRow: number;
}

/** A unit (or leader) sheet read back: what 回填 and the next 生成单位表 work from. */
export interface UnitSheetContent {
  sheet: string;
  marker: GeneratedMarker;
  rows: UnitSheetRow[];
  /** 0-based sheet columns of 完成状态, 进展情况 and the two base columns, where present. */
  columns: { status?: number; progress?: number; baseStatus?: number; baseProgress?: number };
}

/**
 * Reads a sheet 生成单位表 made (found by its generated marker), after users typed into it.
 * Columns are found by their titles, so moved or inserted columns do no harm.
 */
export function readUnitSheet(
  grid: Grid,
  marker: GeneratedMarker
): { content: UnitSheetContent | null; problems: ParseProblem[] } {
  const read = readGridTable(grid);
  if (!read.table) return { content: null, problems: read.problems };
  const { table, layout } = read;
  const own = new Set<string>(Object.values(UNIT_COLUMN));
  const problems = read.problems.filter(
    (p) => ![...own].some((t) => p.message.includes(`「${t}」`))
  );
  const headerRow = grid.values[layout.headerRows[0] - grid.top] ?? [];
  const columnOf = (title: string): number | undefined => {
    const at = headerRow.findIndex((v) => compactHeader(cellText(v)) === title);
    return at < 0 ? undefined : grid.left + at;
  };
  const cols = {
    source: columnOf(UNIT_COLUMN.source),
    masterSeq: columnOf(UNIT_COLUMN.masterSeq),
    key: columnOf(UNIT_COLUMN.key),
    baseStatus: columnOf(UNIT_COLUMN.baseStatus),
    baseProgress: columnOf(UNIT_COLUMN.baseProgress),
  };
  const at = (sheetRow: number, col: number | undefined): string | null =>
    col === undefined
      ? null
      : cellText(
          grid.values[sheetRow - grid.top]?.[col - grid.left] ?? null,
          grid.numberFormats?.[sheetRow - grid.top]?.[col - grid.left]
        );
  const rows = table.rows.map((row, i): UnitSheetRow => {
    const sheetRow = layout.rowIndex[i];
    const key = at(sheetRow, cols.key) ?? "";
    return {
      identity: key === "" ? null : parseIdentityKey(key),
      key,
      status: row.fields.status ?? "",
      progress: row.fields.progress ?? "",
      baseStatus: at(sheetRow, cols.baseStatus),
      baseProgress: at(sheetRow, cols.baseProgress),
      source: at(sheetRow, cols.source) ?? "",
      masterSeq: at(sheetRow, cols.masterSeq) ?? "",
      fields: row.fields,
      sheetRow,
    };
  });
  return {
    content: {
      sheet: grid.sheet,
      marker,
      rows,
      columns: {
        status: layout.columnIndex.status,
        progress: layout.columnIndex.progress,
        baseStatus: cols.baseStatus,
        baseProgress: cols.baseProgress,
      },
    },
    problems,
  };
}
