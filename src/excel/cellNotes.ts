import { notesOccupiedMessage } from "../core/patch/messages";
import { a1, parseSheetCell, sheetCellA1 } from "../core/patch/address";
import { sameSheetName } from "../core/patch/sheetName";
import type { RequestBatcher } from "./batch";
import { stepBytes } from "./wire";
import type { SheetOp } from "../core/patch/schema";
import type { Capabilities } from "./capabilities";
import type { Writer } from "./writeContent";

/**
 * Text attached to a cell. Notes (ExcelApi 1.18) are the natural form; where they are missing,
 * comments (1.10) carry the text if the patch allows; with neither, the text is left out and
 * the user reads it in the issue listing the core writes (校验结果), which lists every message
 * with a link to its cell — so no column is added to the user's sheet.
 */
export type NoteKind = "note" | "comment";

export function noteKindFor(caps: Capabilities, fallback: "comment" | "skip"): NoteKind | null {
  if (caps.notes) return "note";
  if (caps.comments && fallback === "comment") return "comment";
  return null;
}

/** A note or comment already on a cell. */
export interface ExistingNote {
  kind: NoteKind;
  content: string;
  remove(): void;
}

/**
 * Finds the notes and comments already on cells that are about to get one or lose one. Notes
 * are looked up cell by cell (`queueChecks`); comments can only be found through the workbook's
 * list (`queueCommentList`) and then each one's location (`queueCommentLocations`, after a sync).
 */
export class ExistingNotes {
  private comments?: Excel.CommentCollection;
  /** The batcher's sync count when the comment list was queued: loaded once it has grown. */
  private listedAt = 0;
  private located = false;
  private readonly locations: Array<{ comment: Excel.Comment; range: Excel.Range }> = [];
  private readonly notes = new Map<string, Map<string, Excel.Note>>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly caps: Capabilities
  ) {}

  async queueCommentList(batcher: RequestBatcher): Promise<void> {
    if (!this.caps.comments) return;
    await batcher.add(stepBytes({ proxies: 1, actions: 1 }), "", () => {
      this.comments = this.context.workbook.comments;
      this.comments.load("items/content");
    });
    this.listedAt = batcher.syncs;
  }

  /**
   * Queues the location of every comment once the list has come back; true if any was queued
   * (the caller syncs before find()). Nothing to do before that sync, or without comments.
   */
  async queueCommentLocations(batcher: RequestBatcher): Promise<boolean> {
    if (!this.comments || this.located || batcher.syncs === this.listedAt) return false;
    this.located = true;
    for (const comment of this.comments.items) {
      await batcher.add(stepBytes({ ranges: 1, actions: 1 }), "", () => {
        const range = comment.getLocation();
        range.load("address");
        this.locations.push({ comment, range });
      });
    }
    return this.locations.length > 0;
  }

  /** Queues the look-ups of the notes on `cells` of `sheet`. */
  async queueChecks(
    batcher: RequestBatcher,
    sheet: string,
    cells: Array<{ row: number; col: number }>
  ): Promise<void> {
    if (!this.caps.notes || cells.length === 0) return;
    const worksheet = this.context.workbook.worksheets.getItem(sheet);
    const bySheet = this.notes.get(sheet) ?? new Map<string, Excel.Note>();
    this.notes.set(sheet, bySheet);
    for (const { row, col } of cells) {
      const address = a1(row, col);
      if (bySheet.has(address)) continue;
      // The look-up is a proxy of its own, then loaded.
      await batcher.add(stepBytes({ proxies: 1, actions: 1, data: [address] }), sheet, () => {
        const note = worksheet.notes.getItemOrNullObject(address);
        note.load("content");
        bySheet.set(address, note);
      });
    }
  }

  /** After the sync: the note or comment on the cell, if any. */
  find(sheet: string, row: number, col: number): ExistingNote | null {
    const note = this.notes.get(sheet)?.get(a1(row, col));
    if (note && !note.isNullObject)
      return { kind: "note", content: note.content, remove: () => note.delete() };
    for (const { comment, range } of this.locations) {
      const where = parseSheetCell(range.address);
      if (where.row === row && where.col === col && sameSheetName(where.sheet, sheet)) {
        return { kind: "comment", content: comment.content, remove: () => comment.delete() };
      }
    }
    return null;
  }
}

/**
 * Attaches texts to the cells of one sheet as this Excel allows, never over a note or comment
 * that is already there (the user's), and says afterwards what could not be done as asked.
 */
export class NoteWriter {
  private viaComment = 0;
  private skipped = 0;
  private occupied = 0;
  private readonly kind: NoteKind | null;
  /** Cells whose old note is being removed in this same request. */
  readonly freed = new Set<string>();

  constructor(
    private readonly w: Writer,
    private readonly worksheet: Excel.Worksheet,
    private readonly op: SheetOp,
    /** What was on the cells before; null for a sheet created by this patch. */
    private readonly existing: ExistingNotes | null
  ) {
    this.kind = noteKindFor(w.caps, op.noteFallback);
  }

  /** How the text would go onto the cell now, or null if it cannot (counted for the report). */
  plan(row: number, col: number): NoteKind | null {
    if (!this.kind) {
      this.skipped++;
      return null;
    }
    if (!this.freed.has(a1(row, col)) && this.existing?.find(this.op.sheet, row, col)) {
      this.occupied++;
      return null;
    }
    return this.kind;
  }

  /** Queues the text onto the cell as `plan` decided. */
  async queue(row: number, col: number, text: string, kind: NoteKind): Promise<void> {
    await this.w.batcher.add(
      stepBytes({ proxies: 2, actions: 1, data: [this.op.sheet, text] }),
      this.op.sheet,
      () => {
        if (kind === "note") this.worksheet.notes.add(a1(row, col), text);
        else this.w.context.workbook.comments.add(sheetCellA1(this.op.sheet, row, col), text);
      }
    );
    if (kind === "comment") this.viaComment++;
  }

  /** Queues the text onto the cell if it can go there. */
  async add(row: number, col: number, text: string): Promise<void> {
    const kind = this.plan(row, col);
    if (kind) await this.queue(row, col, text, kind);
  }

  /** Chinese messages for the report: texts that went elsewhere or nowhere. */
  messages(): string[] {
    const sheet = this.op.sheet;
    const out: string[] = [];
    if (this.viaComment > 0) {
      out.push(
        `此版本 Excel 不支持备注（需 ExcelApi 1.18），工作表「${sheet}」的 ${this.viaComment} 条说明已改用批注。`
      );
    }
    if (this.skipped > 0) {
      const missing = this.w.caps.comments
        ? "备注（需 ExcelApi 1.18）"
        : "备注和批注（需 ExcelApi 1.10 以上）";
      out.push(
        `此版本 Excel 不支持${missing}，工作表「${sheet}」的 ${this.skipped} 条说明未写入单元格，请在「校验结果」等清单表中查看。`
      );
    }
    if (this.occupied > 0) {
      out.push(notesOccupiedMessage(sheet, this.occupied));
    }
    return out;
  }
}
