import { z } from "zod";
import { normaliseName } from "../roster/normalise";
import type { Row } from "../table/schema";
import { shortHash } from "./hash";

/**
 * Which task a row is, so that values typed against it (完成状态, 进展情况) find it again after
 * the master table was re-imported with rows added, removed, reordered or renumbered:
 * the table's id, the 序号 where printed, and a hash of its 重点工作 and 工作明细 text with
 * whitespace and full-width forms folded (most district rows lost their 序号).
 */
export const RowIdentity = z.object({
  table: z.string(),
  seq: z.string().nullable(),
  text: z.string(),
});
export type RowIdentity = z.infer<typeof RowIdentity>;

export function rowIdentity(tableId: string, row: Row): RowIdentity {
  const seq = row.seq?.trim() || null;
  const text = `${row.fields.task ?? ""}\n${row.fields.detail ?? ""}`;
  return { table: tableId, seq, text: shortHash(normaliseName(text)) };
}

/** The identity as one cell's text (stored in generated sheets), and back. */
export function identityKey(id: RowIdentity): string {
  return JSON.stringify([id.table, id.seq, id.text]);
}

export function parseIdentityKey(key: string): RowIdentity | null {
  try {
    const parsed = z
      .tuple([z.string(), z.string().nullable(), z.string()])
      .safeParse(JSON.parse(key));
    return parsed.success
      ? { table: parsed.data[0], seq: parsed.data[1], text: parsed.data[2] }
      : null;
  } catch {
    return null;
  }
}

/**
 * Pairs earlier rows with current ones, one to one, in three passes, each in row order:
 * same 序号 and text; then same text (renumbered or moved rows); then same printed 序号 (text
 * edited in place). Returns, for every current row, the index of its earlier row or null.
 * A row removed and another put in its place under the same 序号 is taken for an edit.
 */
export function matchRows(
  previous: readonly RowIdentity[],
  current: readonly RowIdentity[]
): (number | null)[] {
  const result: (number | null)[] = current.map(() => null);
  const used = new Set<number>();
  const passes: ((id: RowIdentity) => string | null)[] = [
    (id) => JSON.stringify([id.table, id.seq, id.text]),
    (id) => JSON.stringify([id.table, id.text]),
    (id) => (id.seq === null ? null : JSON.stringify([id.table, id.seq])),
  ];
  // A first run has nothing to pair: skip keying every current row three times.
  if (previous.length === 0) return result;
  for (const keyOf of passes) {
    const waiting = new Map<string, number[]>();
    previous.forEach((id, i) => {
      const key = used.has(i) ? null : keyOf(id);
      if (key === null) return;
      const queue = waiting.get(key);
      if (queue) queue.push(i);
      else waiting.set(key, [i]);
    });
    current.forEach((id, i) => {
      if (result[i] !== null) return;
      const key = keyOf(id);
      const earlier = key === null ? undefined : waiting.get(key)?.shift();
      if (earlier === undefined) return;
      result[i] = earlier;
      used.add(earlier);
    });
  }
  return result;
}
