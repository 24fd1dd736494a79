import { a1 } from "../core/patch/address";
import { marksToRemove, originalColor, planMarks } from "../core/patch/marks";
import type { RecordedMark } from "../core/patch/record";
import type { SheetOp } from "../core/patch/schema";
import { type EtWorksheet, XL, bgr, hexOfBgr } from "./et";
import { readSpread, unionAddresses } from "./ranges";
import type { NoteWriter } from "./writeContent";

/**
 * Marks on a user's sheet, by the rules every host shares (planMarks): read the fills of the
 * cells marked or unmarked, restore and mark. Fills are read and written through Ranges of many
 * cells at once — one read answers for a whole group while its cells share a fill, and one
 * write colours every cell of one colour — so 校验 on a long sheet costs calls per colour, not
 * per cell. Notes go a cell at a time (ET adds one 批注 per call).
 */

type Cell = { row: number; col: number };

function unique(cells: Cell[]): Cell[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const key = a1(c.row, c.col);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Colours many cells: null takes the fill off. */
function paint(sheet: EtWorksheet, cells: Cell[], color: string | null): void {
  for (const address of unionAddresses(cells)) {
    const interior = sheet.Range(address).Interior;
    if (color === null) interior.ColorIndex = XL.none;
    else interior.Color = bgr(color);
  }
}

function byColor<T extends Cell>(
  items: T[],
  color: (item: T) => string | null
): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const key = color(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * Takes off the earlier marks the op removes and puts on its new marks. `onRecords` gets the
 * sheet's mark records before any cell is coloured; a note written later fills in its record's
 * text in place, so whatever stops the writes half-way, the record names every mark made.
 */
export function writeMarks(
  sheet: EtWorksheet,
  op: SheetOp,
  stored: RecordedMark[],
  notes: NoteWriter,
  onRecords: (records: RecordedMark[]) => void
): void {
  const cells = unique([...marksToRemove(op, stored), ...op.marks]);
  // ET reports no fill as white; both are no fill, as in every host.
  const colors = new Map<string, string | null>();
  readSpread(
    sheet,
    cells,
    (range) => range.Interior.Color,
    (cell, value) =>
      colors.set(
        a1(cell.row, cell.col),
        value === null || value === 0xffffff ? null : hexOfBgr(value)
      ),
    // The same Ranges say which of the cells to be noted hold notes already.
    (range, group) => notes.probe(range, group)
  );
  const plan = planMarks<RecordedMark["original"], RecordedMark>(op, stored, (row, col) => {
    const color = colors.get(a1(row, col)) ?? null;
    return { color, fill: color };
  });
  const records = op.marks.map((mark): RecordedMark => ({
    row: mark.row,
    col: mark.col,
    original: plan.originals.get(a1(mark.row, mark.col)) ?? null,
    fill: mark.fill,
    note: null,
    text: null,
  }));
  onRecords([...plan.kept, ...records]);

  for (const [color, group] of byColor(plan.restore, (r) => originalColor(r.original)))
    paint(sheet, group, color);
  // An earlier mark's note is taken off, unless the new mark says the same there: then it stays
  // (three calls fewer a note on a second 校验 of an unchanged sheet).
  const newNotes = new Map(op.marks.map((m) => [a1(m.row, m.col), m.note ?? null]));
  const kept = new Set<string>();
  for (const record of plan.removed) {
    if (record.text === null) continue;
    const address = a1(record.row, record.col);
    const note = sheet.Range(address).Comment;
    if (note === null || note.Text() !== record.text) continue;
    if (newNotes.get(address) === record.text) kept.add(address);
    else {
      note.Delete();
      notes.freed.add(address);
    }
  }
  for (const [color, group] of byColor(op.marks, (m) => m.fill)) paint(sheet, group, color);
  op.marks.forEach((mark, i) => {
    if (!mark.note) return;
    const stays = kept.has(a1(mark.row, mark.col));
    if (stays) notes.keep();
    if (stays || notes.add(mark.row, mark.col, mark.note)) {
      records[i].note = "comment";
      records[i].text = mark.note;
    }
  });
}
