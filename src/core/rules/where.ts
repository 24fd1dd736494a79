import type { Table } from "../table/schema";
import { expectedSeqs, hasSeqColumn } from "./numbering/seqNumbers";
import type { Issue } from "./schema";

/** The 1-based sheet row of an A1 cell (D61 → 61). */
export const rowOfCell = (cell: string): number => Number(/\d+$/.exec(cell)?.[0]);

/**
 * The 序号 each row would have, per table with a 序号 column, so that a row without one is
 * named by the number it should carry (序号缺失，推算为27).
 */
export function seqGuesses(tables: readonly Table[]): Map<string, readonly number[]> {
  return new Map(tables.filter(hasSeqColumn).map((t) => [t.id, expectedSeqs(t)]));
}

/** An issue's 序号 as printed, or 缺失，推算为27; "" for a table without 序号. */
export function seqText(issue: Issue, guesses: ReadonlyMap<string, readonly number[]>): string {
  return rowSeqText(issue.seq, guesses.get(issue.table)?.[issue.row - 1]);
}

/** A row's 序号 as printed, or 缺失，推算为27 for one the table lost; "" for a table without 序号. */
export function rowSeqText(seq: string | null, guess: number | undefined): string {
  if (seq) return seq;
  return guess === undefined ? "" : `缺失，推算为${guess}`;
}

/**
 * A row as every output names it: the sheet cell and the item's 序号 — 区重点工作!C61（序号27）,
 * 区重点工作!C22（序号缺失，推算为15）, or the cell alone for a table without 序号.
 */
export function rowPlace(
  sheet: string,
  cell: string,
  seq: string | null,
  guess: number | undefined
): string {
  const text = rowSeqText(seq, guess);
  return `${sheet}!${cell}${text ? `（序号${text}）` : ""}`;
}

/** Where an issue is, as the CLI writes it: 区重点工作!D61（序号27）. */
export function issuePlace(issue: Issue, guesses: ReadonlyMap<string, readonly number[]>): string {
  return rowPlace(issue.sheet, issue.cell, issue.seq, guesses.get(issue.table)?.[issue.row - 1]);
}

/**
 * An issue as `duban check --json` prints it: `row` (and `lastRow` for a run of rows) is the
 * sheet row of `cell` in `sheet`, as Excel numbers it; `item` is the row's position among the
 * table's data rows.
 */
export function issueJson(issue: Issue): Record<string, unknown> {
  const { table, sheet, cell, lastRow, seq, row, ...rest } = issue;
  return { table, sheet, cell, row: rowOfCell(cell), lastRow, seq, item: row, ...rest };
}
