import { a1 } from "../core/patch/address";
import type { SheetOp } from "../core/patch/schema";
import { type RequestBatcher, opBytes } from "./batch";
import type { ExistingNotes, NoteWriter } from "./cellNotes";
import type { MarkRecord } from "./markStore";
import type { Writer } from "./writeContent";

/**
 * Marks on a user's sheet, in two steps around a sync: first read the fills of every cell the
 * patch marks or unmarks (the core cannot know them), then restore and mark. A cell whose
 * fill the user has changed since it was marked keeps the user's fill.
 */

/** Excel reports "no fill" as white; both restore as no fill. */
function fillOrNone(color: string | null | undefined): string | null {
  return !color || color.toUpperCase() === "#FFFFFF" ? null : color.toUpperCase();
}

function sameFill(a: string | null, b: string | null): boolean {
  return fillOrNone(a) === fillOrNone(b);
}

/** The earlier marks this op removes: all of them on 清除标记, else those of cells it marks again. */
export function marksToRemove(op: SheetOp, stored: MarkRecord[]): MarkRecord[] {
  if (op.clearMarks) return stored;
  const marked = new Set(op.marks.map((m) => a1(m.row, m.col)));
  return stored.filter((r) => marked.has(a1(r.row, r.col)));
}

/** Cells of this op whose note or comment must be looked up before writing. */
export function noteCellsToCheck(
  op: SheetOp,
  stored: MarkRecord[]
): Array<{ row: number; col: number }> {
  return [
    ...op.notes,
    ...op.marks.filter((m) => m.note),
    ...marksToRemove(op, stored).filter((r) => r.note),
  ];
}

/** Queues reads of the current fill of every cell the op marks or unmarks; read them after the sync. */
export async function queueFillReads(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  op: SheetOp,
  stored: MarkRecord[]
): Promise<Map<string, Excel.RangeFill>> {
  const fills = new Map<string, Excel.RangeFill>();
  for (const { row, col } of [...marksToRemove(op, stored), ...op.marks]) {
    const address = a1(row, col);
    if (fills.has(address)) continue;
    await batcher.add(opBytes(address), op.sheet, () => {
      const fill = worksheet.getRangeByIndexes(row, col, 1, 1).format.fill;
      fill.load("color");
      fills.set(address, fill);
    });
  }
  return fills;
}

/**
 * Queues the removal of earlier marks and the new marks; returns the sheet's mark records
 * after this request (earlier ones kept, removed ones gone, new ones with their originals).
 */
export async function queueMarks(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp,
  stored: MarkRecord[],
  fills: Map<string, Excel.RangeFill>,
  existing: ExistingNotes,
  notes: NoteWriter
): Promise<MarkRecord[]> {
  const currentFill = (row: number, col: number): string | null =>
    fillOrNone(fills.get(a1(row, col))?.color);
  const newMarks = new Set(op.marks.map((m) => a1(m.row, m.col)));
  const removed = marksToRemove(op, stored);
  const earlier = new Map(removed.map((r) => [a1(r.row, r.col), r]));

  for (const record of removed) {
    const address = a1(record.row, record.col);
    const restore =
      !newMarks.has(address) && sameFill(currentFill(record.row, record.col), record.fill);
    const note = record.note ? existing.find(op.sheet, record.row, record.col) : null;
    const removeNote = note !== null && note.kind === record.note && note.content === record.text;
    if (removeNote) notes.freed.add(address);
    if (!restore && !removeNote) continue;
    await w.batcher.add(opBytes(record), op.sheet, () => {
      if (restore) {
        const fill = worksheet.getRangeByIndexes(record.row, record.col, 1, 1).format.fill;
        if (record.original) fill.color = record.original;
        else fill.clear();
      }
      if (removeNote) note.remove();
    });
  }

  const records: MarkRecord[] = [];
  for (const mark of op.marks) {
    const before = earlier.get(a1(mark.row, mark.col));
    const current = currentFill(mark.row, mark.col);
    // Re-marking keeps the first original, unless the user refilled the cell in between.
    const original = before && sameFill(current, before.fill) ? before.original : current;
    await w.batcher.add(opBytes(mark), op.sheet, () => {
      worksheet.getRangeByIndexes(mark.row, mark.col, 1, 1).format.fill.color = mark.fill;
    });
    const kind = mark.note ? await notes.add(mark.row, mark.col, mark.note) : null;
    records.push({
      row: mark.row,
      col: mark.col,
      original,
      fill: mark.fill,
      note: kind,
      text: kind ? (mark.note ?? null) : null,
    });
  }

  const kept = stored.filter((r) => !earlier.has(a1(r.row, r.col)));
  return [...kept, ...records];
}
