/* eslint-disable office-addins/no-context-sync-in-loop -- this file is the naive baseline: a sync per row on purpose */
import { readGridTable } from "../src/core/grid/gridTable";
import type { CellValue, Grid } from "../src/core/grid/schema";
import { buildUnitSheets, type MasterSheet } from "../src/core/outputs/unitSheets";
import { layoutsOf } from "../src/core/outputs/generate";
import {
  buildIssueSheet,
  buildMarkOps,
  placeIssues,
  type PlacedTable,
} from "../src/core/outputs/validationSheets";
import { a1 } from "../src/core/patch/address";
import { resolveCell } from "../src/core/patch/cells";
import type { Mark, SheetOpInput } from "../src/core/patch/schema";
import type { Roster } from "../src/core/roster/schema";
import { validate } from "../src/core/rules/engine";

/**
 * The baseline the bench compares the real adapter with: the same core, driven the way an
 * add-in written without batching drives Excel — every sheet read a row at a time and every
 * row written with its own context.sync(). It writes less than the real adapter (values, fills
 * and notes only: no formats, merges, conditional formats, markers or mark records), which
 * favours it; it still takes a round trip per row.
 */

/** Reads a sheet's used range one row per sync. */
async function readRowByRow(context: Excel.RequestContext, sheet: string): Promise<Grid> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const used = worksheet.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  const values: CellValue[][] = [];
  for (let r = 0; r < used.rowCount; r++) {
    const row = worksheet
      .getRangeByIndexes(used.rowIndex + r, used.columnIndex, 1, used.columnCount)
      .load("values");
    await context.sync();
    values.push(row.values[0].map((v: unknown) => (v === "" ? null : (v as CellValue))));
  }
  return {
    sheet,
    top: used.rowIndex,
    left: used.columnIndex,
    values,
    merges: [],
    hiddenColumns: [],
  };
}

/** Writes a sheet op's value blocks into a new sheet, one row per sync. */
async function writeRowByRow(context: Excel.RequestContext, op: SheetOpInput): Promise<void> {
  const worksheet = context.workbook.worksheets.add(op.sheet);
  await context.sync();
  for (const block of op.values ?? []) {
    for (let r = 0; r < block.values.length; r++) {
      const cells = block.values[r].map(resolveCell);
      const range = worksheet.getRangeByIndexes(block.row + r, block.col, 1, cells.length);
      range.numberFormat = [cells.map((c) => c.numberFormat)];
      range.values = [cells.map((c) => c.value)];
      await context.sync();
    }
  }
}

async function readTables(context: Excel.RequestContext, sheets: readonly string[]) {
  const placed: PlacedTable[] = [];
  for (const sheet of sheets) {
    const read = readGridTable(await readRowByRow(context, sheet));
    if (read.table) placed.push({ table: read.table, layout: read.layout });
  }
  return placed;
}

/** 校验 the naive way: read the breakdown sheets row by row, then mark and list issues row by row. */
export async function naiveValidate(
  sheets: readonly string[],
  roster: Roster,
  checkDate: string
): Promise<number> {
  return Excel.run(async (context) => {
    const placed = await readTables(context, sheets);
    const result = validate(
      placed.map((p) => p.table),
      { roster, checkDate, layouts: layoutsOf(placed) }
    );
    const issues = placeIssues(result.issues, placed);
    for (const op of buildMarkOps(placed, issues)) {
      const worksheet = context.workbook.worksheets.getItem(op.sheet);
      const byRow = new Map<number, Mark[]>();
      for (const mark of op.marks ?? [])
        byRow.set(mark.row, [...(byRow.get(mark.row) ?? []), mark]);
      for (const marks of byRow.values()) {
        for (const mark of marks) {
          worksheet.getRangeByIndexes(mark.row, mark.col, 1, 1).format.fill.color = mark.fill;
          if (mark.note) worksheet.notes.add(a1(mark.row, mark.col), mark.note);
        }
        await context.sync();
      }
    }
    await writeRowByRow(context, buildIssueSheet(result, issues, checkDate));
    return issues.length;
  });
}

/** 生成单位表 the naive way: read the 导入 sheets row by row, write each unit sheet row by row. */
export async function naiveUnitSheets(
  sheets: readonly string[],
  roster: Roster,
  checkDate: string
): Promise<number> {
  return Excel.run(async (context) => {
    const masters: MasterSheet[] = await readTables(context, sheets);
    const result = buildUnitSheets(masters, { roster, checkDate });
    for (const op of result.sheets) await writeRowByRow(context, op);
    return result.sheets.length;
  });
}
