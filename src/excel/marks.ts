import { a1 } from "../core/patch/address";
import { marksToRemove, planMarks } from "../core/patch/marks";
import type { SheetOp } from "../core/patch/schema";
import type { RequestBatcher } from "./batch";
import { stepBytes } from "./wire";
import type { ExistingNotes, NoteWriter } from "./cellNotes";
import type { MarkRecord } from "./markStore";
import type { Writer } from "./writeContent";

/**
 * Marks on a user's sheet, in two steps around a sync: first read the fills of every cell the
 * patch marks or unmarks (the core cannot know them), then restore and mark as planMarks
 * decides — the same rules as in .xlsx files.
 */

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
    await batcher.add(stepBytes({ ranges: 1, proxies: 2, actions: 1 }), op.sheet, () => {
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
  // Excel reports "no fill" as white: both are recorded and restored as no fill.
  const plan = planMarks<string, MarkRecord>(op, stored, (row, col) => {
    const color = fills.get(a1(row, col))?.color?.toUpperCase() ?? null;
    const fill = color === null || color === "#FFFFFF" ? null : color;
    return { color: fill, fill };
  });
  const restore = new Set(plan.restore);

  for (const record of plan.removed) {
    const note = record.note ? existing.find(op.sheet, record.row, record.col) : null;
    const removeNote = note !== null && note.kind === record.note && note.content === record.text;
    if (removeNote) notes.freed.add(a1(record.row, record.col));
    if (!restore.has(record) && !removeNote) continue;
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 2, actions: 2, data: [record.original] }),
      op.sheet,
      () => {
        if (restore.has(record)) {
          const fill = worksheet.getRangeByIndexes(record.row, record.col, 1, 1).format.fill;
          if (record.original) fill.color = record.original;
          else fill.clear();
        }
        if (removeNote) note.remove();
      }
    );
  }

  const records: MarkRecord[] = [];
  for (const mark of op.marks) {
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 2, actions: 1, data: [mark.fill] }),
      op.sheet,
      () => {
        worksheet.getRangeByIndexes(mark.row, mark.col, 1, 1).format.fill.color = mark.fill;
      }
    );
    const kind = mark.note ? await notes.add(mark.row, mark.col, mark.note) : null;
    records.push({
      row: mark.row,
      col: mark.col,
      original: plan.originals.get(a1(mark.row, mark.col)) ?? null,
      fill: mark.fill,
      note: kind,
      text: kind ? (mark.note ?? null) : null,
    });
  }

  return [...plan.kept, ...records];
}
