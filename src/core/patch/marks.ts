import { a1 } from "./address";
import type { SheetOp } from "./schema";

/**
 * How marks come and go, the same in every host. The core cannot know a cell's fill before it
 * marks it; the adapter records it (`original`) and these rules decide, from what the cell
 * shows now, what to restore and what to record. A cell whose fill the user has changed since
 * it was marked keeps the user's fill.
 */

/** What an adapter keeps of each mark it made; `F` is its way of holding a cell's fill. */
export interface MarkRecordOf<F> {
  row: number;
  col: number;
  /** The cell's fill before the first mark; null for no fill. */
  original: F | null;
  /** The mark's fill, "#RRGGBB". */
  fill: string;
}

/** A cell's fill as the adapter sees it now. */
export interface CellFill<F> {
  /** The colour it shows, "#RRGGBB", or null for none — compared with a mark's fill. */
  color: string | null;
  /** The fill as the adapter would restore it. */
  fill: F | null;
}

/** Hosts report "no fill" as white; both count as no fill. */
export function sameMarkColor(a: string | null, b: string | null): boolean {
  const norm = (c: string | null) => (!c || c.toUpperCase() === "#FFFFFF" ? null : c.toUpperCase());
  return norm(a) === norm(b);
}

/** The earlier marks this op takes off: all of them on 清除标记, else those of cells it marks again. */
export function marksToRemove<R extends { row: number; col: number }>(
  op: SheetOp,
  stored: R[]
): R[] {
  if (op.clearMarks) return stored;
  const marked = new Set(op.marks.map((m) => a1(m.row, m.col)));
  return stored.filter((r) => marked.has(a1(r.row, r.col)));
}

export interface MarkPlan<R, F> {
  /** Earlier marks taken off by this op (their notes may go with them). */
  removed: R[];
  /** Of those, the ones whose original fill comes back: not marked again, fill not changed since. */
  restore: R[];
  /** Earlier marks this op leaves alone. */
  kept: R[];
  /** The original fill to record for each new mark, by A1 address. */
  originals: Map<string, F | null>;
}

export function planMarks<F, R extends MarkRecordOf<F>>(
  op: SheetOp,
  stored: R[],
  current: (row: number, col: number) => CellFill<F>
): MarkPlan<R, F> {
  const newMarks = new Set(op.marks.map((m) => a1(m.row, m.col)));
  const removed = marksToRemove(op, stored);
  const earlier = new Map(removed.map((r) => [a1(r.row, r.col), r]));
  const restore = removed.filter(
    (r) => !newMarks.has(a1(r.row, r.col)) && sameMarkColor(current(r.row, r.col).color, r.fill)
  );
  const originals = new Map<string, F | null>();
  for (const mark of op.marks) {
    const address = a1(mark.row, mark.col);
    const before = earlier.get(address);
    const now = current(mark.row, mark.col);
    // Re-marking keeps the first original, unless the user refilled the cell in between.
    originals.set(
      address,
      before && sameMarkColor(now.color, before.fill) ? before.original : now.fill
    );
  }
  const kept = stored.filter((r) => !earlier.has(a1(r.row, r.col)));
  return { removed, restore, kept, originals };
}

/**
 * The colour to put back. A fill the .xlsx adapter recorded whole comes back as its solid
 * colour; a theme or pattern fill, which hosts that set colours only (Office.js, ET) cannot set, comes back as no fill.
 */
export function originalColor(original: string | Record<string, unknown> | null): string | null {
  if (original === null || typeof original === "string") return original;
  const fill = original as { type?: string; pattern?: string; fgColor?: { argb?: string } };
  const argb = fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
  return argb ? `#${argb.slice(-6)}` : null;
}
