import { numberingOf } from "../../parse/numbering";
import type { Row, Table } from "../../table/schema";
import type { RuleContext } from "../context";

/** A printed 序号 as a number in any numbering style (12, １２, 1、, (1), ①), or null. */
export function seqNumber(seq: string | null): number | null {
  if (seq === null) return null;
  const numbering = numberingOf(seq);
  return numbering && numbering.rest === "" ? numbering.n : null;
}

/** A sub-row under a 序号 merged over several rows: part of the item above, not an item itself. */
export const isSubRow = (row: Row): boolean => row.merged.includes("seq");

export interface NumberedRow {
  row: Row;
  n: number;
  /** The numbering scope (one per section when the table restarts its 序号 in each). */
  scope: string;
  /** 0-based position among the items (sub-rows not counted) of its scope. */
  item: number;
}

/** Where a row is numbered from: the whole table, or its section when 序号 restart at 1 in each. */
function scopeOf(table: Table): (row: Row) => string {
  const bySection = (row: Row) => row.section ?? "";
  const byDomain = (row: Row) => `${row.section ?? ""}\u0000${row.fields.domain ?? ""}`;
  for (const scope of [bySection, byDomain]) {
    const first = new Map<string, number | null>();
    for (const row of table.rows) {
      if (isSubRow(row)) continue;
      const key = scope(row);
      if (!first.has(key)) first.set(key, seqNumber(row.seq));
    }
    const starts = [...first.values()].filter((n) => n !== null);
    if (starts.length >= 2 && starts.every((n) => n === 1)) return scope;
  }
  return () => "";
}

interface Placed {
  row: Row;
  scope: string;
  item: number;
}

/** Every row with its numbering scope and item position; sub-rows share their item's position. */
function placedRows(ctx: RuleContext | null, table: Table): Placed[] {
  const compute = () => {
    const scope = scopeOf(table);
    const out: Placed[] = [];
    let current = "";
    let item = -1;
    table.rows.forEach((row, i) => {
      const s = scope(row);
      if (i === 0 || s !== current) {
        current = s;
        item = -1;
      }
      if (!isSubRow(row) || item < 0) item++;
      out.push({ row, scope: s, item });
    });
    return out;
  };
  return ctx ? ctx.once(`placed.${table.id}`, compute) : compute();
}

/** The items with a numeric 序号 (sub-rows left out), once per table and validation. */
export function numberedRows(ctx: RuleContext, table: Table): NumberedRow[] {
  return ctx.once(`numbered.${table.id}`, () => {
    const out: NumberedRow[] = [];
    for (const { row, scope, item } of placedRows(ctx, table)) {
      if (isSubRow(row)) continue;
      const n = seqNumber(row.seq);
      if (n !== null) out.push({ row, n, scope, item });
    }
    return out;
  });
}

/**
 * The 序号 each row should carry: the last numbered item above it in its scope plus the number
 * of items in between (or its position, above the first numbered item). The fill-in fix uses it too.
 */
export function expectedSeqs(table: Table): number[] {
  const expected: number[] = [];
  let anchor: { n: number; item: number; scope: string } | null = null;
  for (const { row, scope, item } of placedRows(null, table)) {
    if (anchor && anchor.scope !== scope) anchor = null;
    expected.push(anchor ? anchor.n + (item - anchor.item) : item + 1);
    const n = isSubRow(row) ? null : seqNumber(row.seq);
    if (n !== null) anchor = { n, item, scope };
  }
  return expected;
}

export function hasSeqColumn(table: Table): boolean {
  return table.columns.some((c) => c.key === "seq");
}
