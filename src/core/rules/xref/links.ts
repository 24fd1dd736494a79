import { normaliseName } from "../../roster/normalise";
import type { Row, Table } from "../../table/schema";
import type { RuleContext } from "../context";
import { seqNumber } from "../numbering/seqNumbers";
import { parseNoteReference, type NoteReference } from "./note";

/** A table whose note refers to items of another table, resolved against the tables checked. */
export interface CrossReference {
  table: Table;
  reference: NoteReference;
  /** The referenced table, or null when it is not among the tables checked. */
  target: Table | null;
  /** Row i of `table` stands for item reference.items[i]; filled when the counts agree. */
  links: ItemLink[];
}

export interface ItemLink {
  row: Row;
  item: number;
  /** The target's row printed with that 序号, or null when there is none. */
  targetRow: Row | null;
}

const compact = (s: string) => s.replace(/\s+/g, "");

/** Tables the note may mean: titles containing its name, or the Nth table of the same file for 附件N. */
function candidates(tables: readonly Table[], table: Table, target: string): Table[] {
  const attachment = /^附件([0-9]+)$/.exec(target);
  if (attachment) {
    const same = tables.filter((t) => t.source === table.source);
    const t = same[Number(attachment[1]) - 1];
    return t && t !== table ? [t] : [];
  }
  const name = compact(target);
  return tables.filter((t) => t !== table && compact(t.title).includes(name));
}

function rowsBySeq(table: Table): Map<number, Row> {
  const bySeq = new Map<number, Row>();
  for (const row of table.rows) {
    const n = seqNumber(row.seq);
    if (n !== null && !bySeq.has(n)) bySeq.set(n, row);
  }
  return bySeq;
}

/**
 * "重点工作责任分解表" is in the titles of both the city's and the district's table: the one meant
 * is the one whose referenced items carry the same tasks as the rows that refer to them.
 */
function agreement(table: Table, reference: NoteReference, target: Table): number {
  const bySeq = rowsBySeq(target);
  let same = 0;
  reference.items.forEach((item, i) => {
    const ours = table.rows[i]?.fields.task;
    const theirs = bySeq.get(item)?.fields.task;
    if (ours && theirs && normaliseName(ours) === normaliseName(theirs)) same++;
  });
  return same;
}

function resolve(tables: readonly Table[], table: Table, reference: NoteReference): CrossReference {
  const found = candidates(tables, table, reference.target);
  const target = found.reduce<Table | null>(
    (best, t) =>
      best === null || agreement(table, reference, t) > agreement(table, reference, best)
        ? t
        : best,
    null
  );
  const links: ItemLink[] = [];
  if (target && reference.items.length === table.rows.length) {
    const bySeq = rowsBySeq(target);
    reference.items.forEach((item, i) =>
      links.push({ row: table.rows[i], item, targetRow: bySeq.get(item) ?? null })
    );
  }
  return { table, reference, target, links };
}

/** Every table's note reference, resolved once per validation. */
export function crossReferences(ctx: RuleContext): CrossReference[] {
  return ctx.once("xref.links", () =>
    ctx.tables.flatMap((table) => {
      const reference = parseNoteReference(table.note);
      return reference ? [resolve(ctx.tables, table, reference)] : [];
    })
  );
}
