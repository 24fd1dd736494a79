import type { Row, Table } from "../../table/schema";
import type { RuleContext } from "../context";

/** A printed 序号 as a number (full-width digits too, spaces around allowed), or null. */
export function seqNumber(seq: string | null): number | null {
  if (seq === null) return null;
  const text = seq.trim();
  if (text === "") return null;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1;
    if (digit < 0) return null;
    n = n * 10 + digit;
  }
  return n;
}

export interface NumberedRow {
  row: Row;
  n: number;
}

/** The rows with a numeric 序号, once per table and validation. */
export function numberedRows(ctx: RuleContext, table: Table): NumberedRow[] {
  return ctx.once(`numbered.${table.id}`, () => {
    const out: NumberedRow[] = [];
    for (const row of table.rows) {
      const n = seqNumber(row.seq);
      if (n !== null) out.push({ row, n });
    }
    return out;
  });
}

/**
 * The 序号 each row should carry: the last numbered row above it plus the number of rows in
 * between (or its position, above the first numbered row). The fill-in fix uses it too.
 */
export function expectedSeqs(table: Table): number[] {
  const expected: number[] = [];
  let anchor: NumberedRow | null = null;
  for (const row of table.rows) {
    expected.push(anchor ? anchor.n + (row.row - anchor.row.row) : row.row);
    const n = seqNumber(row.seq);
    if (n !== null) anchor = { row, n };
  }
  return expected;
}

export function hasSeqColumn(table: Table): boolean {
  return table.columns.some((c) => c.key === "seq");
}
