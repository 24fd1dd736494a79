import { normaliseName } from "../roster/normalise";
import type { Roster } from "../roster/schema";
import type { Table } from "../table/schema";
import { namesIn } from "../tracking/assign";
import { shortHash } from "../tracking/hash";

/**
 * 64 bits of two FNV-1a hashes (of the text and of its reverse): 20,000 rows (500 units × 40)
 * make a collision of 32 bits likely enough (about 5%) to matter, of 64 bits not.
 */
function longHash(text: string): string {
  return shortHash(text) + shortHash([...text].reverse().join(""));
}

/**
 * A key per master row that survives re-sorting and renumbering on either side: a hash of the
 * table's title, the 重点工作 and 工作明细 text and the lead units as the roster names them
 * (whitespace and full-width forms folded, so an alias fixed by 校验 keeps the key). Rows
 * alike in all of these get "#2", "#3" … in table order.
 */
export function itemKey(table: Table, roster: Roster): string[] {
  const seen = new Map<string, number>();
  const title = normaliseName(table.title);
  return table.rows.map((row) => {
    const text = [
      title,
      normaliseName(row.fields.task ?? ""),
      normaliseName(row.fields.detail ?? ""),
      namesIn(row, "lead", roster).join("、"),
    ].join("\n");
    const hash = longHash(text);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return n === 1 ? hash : `${hash}#${n}`;
  });
}

/**
 * Which master a file came from: a hash of its tables' titles. It stays the same while rows are
 * added, edited or re-sorted, and differs for another year's or another office's tables.
 */
export function masterId(tables: readonly Table[]): string {
  const titles = tables.map((t) => normaliseName(t.title)).sort();
  return longHash(titles.join("\n"));
}

/** A text compared loosely: whitespace and full-width forms folded. */
export function sameText(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** The hash a file row keeps of its locked cells as sent, to see whether a unit changed them. */
export function lockedHash(texts: readonly string[]): string {
  return shortHash(texts.map((t) => normaliseName(t)).join("\u0001"));
}
