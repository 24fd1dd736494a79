import type { SheetOpInput } from "../patch/schema";
import { matchRows, rowIdentity, type RowIdentity } from "../tracking/identity";
import { masterChanged, unitEdited, type Synced } from "../tracking/sync";
import type { UnitSheetContent, UnitSheetRow } from "./unitSheetRead";
import type { MasterSheet } from "./unitSheets";

/** A cell of the workbook, 0-based. */
export interface SheetCell {
  sheet: string;
  row: number;
  col: number;
}

const FIELDS = { status: "完成状态", progress: "进展情况" } as const;
type Field = keyof typeof FIELDS;

/** A value a unit sheet holds for a master row's field, and where it and its base stand. */
export interface UnitValue extends Synced {
  sheet: string;
  /** The unit (or leader) the sheet is for. */
  unit: string;
  cell: SheetCell;
  baseCell: SheetCell | null;
}

/** Both sides changed a field since the last sync, or units typed different values: the user decides. */
export interface Conflict {
  table: string;
  seq: string | null;
  task: string;
  field: Field;
  fieldTitle: string;
  master: string;
  masterCell: SheetCell;
  /** The unit sheets that changed the field, with their values. */
  edits: UnitValue[];
  /** What happened and what to do, in Chinese. */
  message: string;
}

/** A master cell 回填 wrote. */
export interface Backfilled {
  cell: SheetCell;
  field: Field;
  before: string;
  after: string;
  /** The unit sheets the value came from. */
  from: string[];
}

export interface BackfillResult {
  /** "update" ops: master cells, and the base cells of the unit sheets that were synced. */
  sheets: SheetOpInput[];
  applied: Backfilled[];
  conflicts: Conflict[];
  /** Things 回填 could not do, in Chinese (a master without 完成状态, a row whose task is gone). */
  problems: string[];
  /** "回填完成：更新 3 处，冲突 1 处待确认。" */
  summary: string;
}

const same = (a: string, b: string) => a.trim() === b.trim();

/**
 * 回填: what units typed into 完成状态 and 进展情况 of their sheets goes into the master 导入
 * sheets. Per master row and field (see tracking/sync.ts for the base):
 * - no unit edited it: nothing is written;
 * - units edited it to one value and the master did not change since their sync: the master
 *   takes it, and those sheets' bases move to it;
 * - otherwise (the master changed too, or units disagree): a Conflict, and nothing is written
 *   for that field of that row until the user chooses (resolveConflicts).
 * Pure: the tables and sheets as read from the workbook in, a patch out.
 */
export function backfill(
  masters: readonly MasterSheet[],
  units: readonly UnitSheetContent[]
): BackfillResult {
  const problems: string[] = [];
  const writes = new Writes();
  const applied: Backfilled[] = [];
  const conflicts: Conflict[] = [];
  const matched = new Set<UnitSheetRow>();
  const readTables = new Set<string>();

  for (const master of masters) {
    const { table, layout } = master;
    const masterCol = { status: layout.columnIndex.status, progress: layout.columnIndex.progress };
    if (masterCol.status === undefined || masterCol.progress === undefined) {
      problems.push(
        `工作表「${layout.sheet}」没有「完成状态」「进展情况」列，无法回填。请先用带跟踪列的方式重新导入这张表。`
      );
      continue;
    }
    readTables.add(table.id);
    const current = table.rows.map((r) => rowIdentity(table.id, r));
    // Every unit sheet's rows of this table, attached to the master rows they were made from.
    const attached: { content: UnitSheetContent; row: UnitSheetRow }[][] = table.rows.map(() => []);
    for (const content of units) {
      const rows = content.rows.filter((r) => r.identity?.table === table.id);
      const match = matchRows(
        rows.map((r) => r.identity as RowIdentity),
        current
      );
      match.forEach((at, i) => {
        if (at === null) return;
        attached[i].push({ content, row: rows[at] });
        matched.add(rows[at]);
      });
    }
    table.rows.forEach((row, i) => {
      for (const field of ["status", "progress"] as const) {
        const col = masterCol[field];
        if (attached[i].length === 0 || col === undefined) continue;
        const masterCell = { sheet: layout.sheet, row: layout.rowIndex[i], col };
        const before = row.fields[field] ?? "";
        const values = attached[i].map(({ content, row: unitRow }) =>
          unitValue(content, unitRow, field)
        );
        const edits = values.filter((v) => unitEdited(v, before) && !same(v.value, before));
        // Sheets that already show the master's value only need their base brought up to it.
        const caughtUp = values.filter(
          (v) => same(v.value, before) && (v.base === null || !same(v.base, before))
        );
        if (edits.length === 0) {
          for (const v of caughtUp) if (v.baseCell) writes.set(v.baseCell, v.value);
          continue;
        }
        const distinct = [...new Set(edits.map((v) => v.value.trim()))];
        if (distinct.length === 1 && !edits.some((v) => masterChanged(v, before))) {
          const after = edits[0].value;
          writes.set(masterCell, after);
          for (const v of edits) if (v.baseCell) writes.set(v.baseCell, after);
          for (const v of caughtUp) if (v.baseCell) writes.set(v.baseCell, v.value);
          applied.push({ cell: masterCell, field, before, after, from: edits.map((v) => v.sheet) });
          continue;
        }
        conflicts.push(
          conflict(table.id, row.seq, row.fields.task ?? "", field, before, masterCell, edits)
        );
      }
    });
  }
  // Typed rows of a table that was read but has no such task any more.
  for (const content of units) {
    for (const row of content.rows) {
      const typed = (["status", "progress"] as const).some((f) =>
        unitEdited(unitValue(content, row, f), "")
      );
      if (matched.has(row) || !typed || !readTables.has(row.identity?.table ?? "")) continue;
      problems.push(
        `工作表「${content.sheet}」第 ${row.sheetRow + 1} 行在总表中找不到对应事项（可能已从总表删除），填写的内容未回填。`
      );
    }
  }
  const summary =
    `回填完成：更新 ${applied.length} 处` +
    (conflicts.length > 0 ? `，冲突 ${conflicts.length} 处待确认。` : "，没有冲突。");
  return { sheets: writes.ops(), applied, conflicts, problems, summary };
}

/**
 * The user's choices for conflicts: the chosen value goes into the master cell and into every
 * unit sheet that had changed it, whose base becomes that value too, so the field is in sync.
 */
export function resolveConflicts(
  choices: readonly { conflict: Conflict; value: string }[]
): SheetOpInput[] {
  const writes = new Writes();
  for (const { conflict, value } of choices) {
    writes.set(conflict.masterCell, value);
    for (const edit of conflict.edits) {
      writes.set(edit.cell, value);
      if (edit.baseCell) writes.set(edit.baseCell, value);
    }
  }
  return writes.ops();
}

function unitValue(content: UnitSheetContent, row: UnitSheetRow, field: Field): UnitValue {
  const col = content.columns[field];
  const baseCol = field === "status" ? content.columns.baseStatus : content.columns.baseProgress;
  const base = field === "status" ? row.baseStatus : row.baseProgress;
  return {
    sheet: content.sheet,
    unit: content.marker.key ?? content.sheet,
    value: row[field],
    base,
    cell: { sheet: content.sheet, row: row.sheetRow, col: col ?? -1 },
    baseCell:
      baseCol === undefined ? null : { sheet: content.sheet, row: row.sheetRow, col: baseCol },
  };
}

function conflict(
  table: string,
  seq: string | null,
  task: string,
  field: Field,
  master: string,
  masterCell: SheetCell,
  edits: UnitValue[]
): Conflict {
  const where = `「${masterCell.sheet}」${seq ? `序号${seq}` : `第 ${masterCell.row + 1} 行`}`;
  const theirs = edits.map((v) => `「${v.sheet}」为「${v.value}」`).join("，");
  const masterSide = edits.some((v) => masterChanged(v, master))
    ? `总表上次同步后也改成了「${master}」`
    : `总表为「${master}」`;
  return {
    table,
    seq,
    task,
    field,
    fieldTitle: FIELDS[field],
    master,
    masterCell,
    edits,
    message: `${where}的${FIELDS[field]}：${masterSide}，${theirs}。两边不一致，请选择保留哪一个。`,
  };
}

/** Cell writes gathered per sheet: one "update" op per sheet, text written as text. */
class Writes {
  private readonly bySheet = new Map<
    string,
    Map<string, { row: number; col: number; value: string }>
  >();

  set(cell: SheetCell, value: string): void {
    if (cell.col < 0) return;
    const cells = this.bySheet.get(cell.sheet) ?? new Map();
    cells.set(`${cell.row},${cell.col}`, { row: cell.row, col: cell.col, value });
    this.bySheet.set(cell.sheet, cells);
  }

  ops(): SheetOpInput[] {
    return [...this.bySheet].map(([sheet, cells]) => ({
      sheet,
      mode: "update",
      values: [...cells.values()].map((c) => ({ row: c.row, col: c.col, values: [[c.value]] })),
    }));
  }
}
