import { a1 } from "../core/patch/address";
import { marksToRemove, originalColor, planMarks } from "../core/patch/marks";
import type { RecordedMark } from "../core/patch/record";
import type { SheetOp } from "../core/patch/schema";
import type { RequestBatcher } from "./batch";
import type { ExistingNotes, NoteWriter } from "./cellNotes";
import { stepBytes } from "./wire";
import type { Writer } from "./writeContent";

/**
 * Marks on a user's sheet, in two steps around a sync: first read the fills of every cell the
 * patch marks or unmarks (the core cannot know them), then restore and mark as planMarks
 * decides — the same rules as in .xlsx files.
 */

type Original = RecordedMark["original"];

/**
 * Cells of this op whose note or comment must be looked up before writing. `stored` null: the
 * record is read in the same look, so every cell the op marks is looked at (an earlier mark's
 * note there may be the add-in's, to take off).
 */
export function noteCellsToCheck(
  op: SheetOp,
  stored: RecordedMark[] | null
): Array<{ row: number; col: number }> {
  if (stored === null) return [...op.notes, ...op.marks];
  return [
    ...op.notes,
    ...op.marks.filter((m) => m.note),
    ...marksToRemove(op, stored).filter((r) => r.text !== null),
  ];
}

/** Queues reads of the current fill of every cell the op marks or unmarks; read them after the sync. */
export async function queueFillReads(
  batcher: RequestBatcher,
  worksheet: Excel.Worksheet,
  op: SheetOp,
  stored: RecordedMark[]
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
 * `recordAhead` gets the new records before any of their writes is queued, so that they reach
 * the workbook's record no later than the marks they describe: a request Excel refuses part-way
 * (batches are not transactions) then leaves nothing unrecorded.
 */
export async function queueMarks(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp,
  stored: RecordedMark[],
  fills: Map<string, Excel.RangeFill>,
  existing: ExistingNotes,
  notes: NoteWriter,
  recordAhead: (records: RecordedMark[]) => Promise<void>
): Promise<RecordedMark[]> {
  // Excel reports "no fill" as white: both are recorded and restored as no fill.
  const plan = planMarks<Original, RecordedMark>(op, stored, (row, col) => {
    const color = fills.get(a1(row, col))?.color?.toUpperCase() ?? null;
    const fill = color === null || color === "#FFFFFF" ? null : color;
    return { color: fill, fill };
  });
  const restore = new Set(plan.restore);

  const removals = plan.removed.flatMap((record) => {
    const note = record.text !== null ? existing.find(op.sheet, record.row, record.col) : null;
    const removeNote = note !== null && note.content === record.text;
    if (removeNote) notes.freed.add(a1(record.row, record.col));
    return restore.has(record) || removeNote ? [{ record, note: removeNote ? note : null }] : [];
  });
  const records = op.marks.map((mark): RecordedMark => {
    const kind = mark.note ? notes.plan(mark.row, mark.col) : null;
    return {
      row: mark.row,
      col: mark.col,
      original: plan.originals.get(a1(mark.row, mark.col)) ?? null,
      fill: mark.fill,
      note: kind,
      text: kind ? (mark.note ?? null) : null,
    };
  });
  await recordAhead(records);

  for (const { record, note } of removals) {
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 2, actions: 2, data: [record.original] }),
      op.sheet,
      () => {
        if (restore.has(record)) {
          const fill = worksheet.getRangeByIndexes(record.row, record.col, 1, 1).format.fill;
          const color = originalColor(record.original);
          if (color) fill.color = color;
          else fill.clear();
        }
        note?.remove();
      }
    );
  }
  for (const [i, mark] of op.marks.entries()) {
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 2, actions: 1, data: [mark.fill] }),
      op.sheet,
      () => {
        worksheet.getRangeByIndexes(mark.row, mark.col, 1, 1).format.fill.color = mark.fill;
      }
    );
    const { note, text } = records[i];
    if (note && text !== null) await notes.queue(mark.row, mark.col, text, note);
  }
  return [...plan.kept, ...records];
}
