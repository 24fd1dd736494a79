import type ExcelJS from "exceljs";
import { a1 } from "../core/patch/address";
import { type CellFill, planMarks } from "../core/patch/marks";
import { notesOccupiedMessage } from "../core/patch/messages";
import type { SheetOp } from "../core/patch/schema";
import { cellAt, noteText, removeNote } from "./internals";
import type { FileMarkRecord } from "./store";
import { restyle, solidFill } from "./writeContent";

/**
 * Notes on one sheet: a note never goes over one already on the cell (the user's), unless this
 * same op removed it (an earlier mark's note).
 */
export class NoteWriter {
  private occupied = 0;
  /** Cells whose earlier mark note was removed by this op. */
  readonly freed = new Set<string>();

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly op: SheetOp
  ) {}

  /** Writes the note; false when the cell already has one. */
  add(row: number, col: number, text: string): boolean {
    const cell = cellAt(this.ws, row, col);
    if (noteText(cell) !== null && !this.freed.has(a1(row, col))) {
      this.occupied++;
      return false;
    }
    cell.note = text;
    return true;
  }

  messages(): string[] {
    return this.occupied > 0 ? [notesOccupiedMessage(this.op.sheet, this.occupied)] : [];
  }
}

type FileFill = Record<string, unknown>;

/** The fill a cell shows: a solid RGB fill as its colour; theme colours and patterns never match a mark. */
function currentFill(ws: ExcelJS.Worksheet, row: number, col: number): CellFill<FileFill | string> {
  const fill = cellAt(ws, row, col).style.fill;
  if (!fill || (fill.type === "pattern" && fill.pattern === "none"))
    return { color: null, fill: null };
  const copy = JSON.parse(JSON.stringify(fill)) as FileFill;
  const rgb = fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
  return { color: rgb ? `#${rgb.slice(-6)}` : JSON.stringify(fill), fill: copy };
}

/** `original` is a fill this adapter recorded, or a colour Excel recorded. */
function restoreFill(cell: ExcelJS.Cell, original: FileFill | string | null): void {
  const style = { ...cell.style };
  if (typeof original === "string") style.fill = solidFill(original);
  else if (original) style.fill = original as unknown as ExcelJS.Fill;
  else delete style.fill;
  cell.style = style;
}

/**
 * Takes off the earlier marks the op removes (restoring each cell's original fill while it
 * still shows the mark, and its note while it still reads the same), then puts on the new
 * marks. Returns the sheet's mark records afterwards.
 */
export function writeMarks(
  ws: ExcelJS.Worksheet,
  op: SheetOp,
  stored: FileMarkRecord[],
  notes: NoteWriter
): FileMarkRecord[] {
  const plan = planMarks<FileFill | string, FileMarkRecord>(op, stored, (row, col) =>
    currentFill(ws, row, col)
  );
  for (const record of plan.restore)
    restoreFill(cellAt(ws, record.row, record.col), record.original);
  for (const record of plan.removed) {
    const cell = cellAt(ws, record.row, record.col);
    if (record.text !== null && noteText(cell) === record.text) {
      removeNote(cell);
      notes.freed.add(a1(record.row, record.col));
    }
  }
  const records = op.marks.map((mark): FileMarkRecord => {
    restyle(cellAt(ws, mark.row, mark.col), `fill ${mark.fill}`, () => ({
      fill: solidFill(mark.fill),
    }));
    const written = mark.note ? notes.add(mark.row, mark.col, mark.note) : false;
    return {
      row: mark.row,
      col: mark.col,
      original: plan.originals.get(a1(mark.row, mark.col)) ?? null,
      fill: mark.fill,
      text: written ? (mark.note ?? null) : null,
    };
  });
  return [...plan.kept, ...records];
}
