import { area, cellCount, formatArea } from "../address";
import {
  ErrorCode,
  StandInError,
  invalidArgument,
  invalidOperation,
  itemNotFound,
  notImplemented,
} from "../errors";
import type { RangeRef } from "../model/cells";
import { cellKey, keyCol, keyRow, type SheetModel } from "../model/sheet";
import type { CommentModel, WorkbookModel } from "../model/workbook";
import type { Exec } from "./env";
import { ClientCollection, ClientObject, type TypeSpec } from "./object";
import { Range, rangeArgument } from "./range";

/**
 * Notes (ExcelApi 1.18, per worksheet) and threaded comments (ExcelApi 1.10, per workbook).
 * A cell holds at most one note or one comment thread, never both: adding a second is refused.
 */
function singleCell(ref: RangeRef, what: string): RangeRef {
  if (cellCount(ref.area) !== 1)
    throw invalidArgument(`${what} must be a single cell, not ${formatArea(ref.area)}.`);
  return ref;
}

function commentAt(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number
): CommentModel | undefined {
  return wb.comments.find((c) => c.sheet === sheet && c.row === row && c.col === col);
}

function checkFree(wb: WorkbookModel, ref: RangeRef): void {
  const { sheet, area: a } = ref;
  if (sheet.notes.has(cellKey(a.row, a.col))) {
    throw new StandInError(
      ErrorCode.itemAlreadyExists,
      `The cell ${formatArea(a)} of "${sheet.name}" already has a note.`
    );
  }
  if (commentAt(wb, sheet, a.row, a.col)) {
    throw invalidOperation(`The cell ${formatArea(a)} of "${sheet.name}" already has a comment.`);
  }
}

interface NoteEntity {
  readonly sheet: SheetModel;
  readonly row: number;
  readonly col: number;
}

const NOTES: TypeSpec = { name: "NoteCollection", scalars: {}, navs: [] };
const NOTE: TypeSpec = { name: "Note", scalars: { content: {} }, navs: [] };

export class NoteCollection extends ClientCollection {
  get _spec(): TypeSpec {
    return NOTES;
  }

  _sheet(exec: Exec): SheetModel {
    return this._require(exec) as SheetModel;
  }

  _entities(entity: unknown): unknown[] {
    const sheet = entity as SheetModel;
    return [...sheet.notes.keys()]
      .sort((a, b) => a - b)
      .map((key) => ({ sheet, row: keyRow(key), col: keyCol(key) }));
  }

  _item(entity: unknown): ClientObject {
    const note = entity as NoteEntity | null;
    const label = note ? formatArea(area(note.row, note.col)) : "";
    return new Note(this.context, `${this._path}.getItem(${JSON.stringify(label)})`, () => note);
  }

  /** `cellAddress`: a one-cell Range or an address on this sheet ("A1"). */
  add(cellAddress: Range | string, content: string): Note {
    this._sameContext(cellAddress);
    let created: NoteEntity | undefined;
    this._enqueue("add", [cellAddress, content], (exec) => {
      const sheet = this._sheet(exec);
      const ref = singleCell(rangeArgument(cellAddress, exec, sheet), "A note's cell");
      if (ref.sheet !== sheet) throw invalidArgument("The note's cell is on another worksheet.");
      if (typeof content !== "string") throw invalidArgument("A note's content must be a string.");
      checkFree(exec.wb, ref);
      sheet.notes.set(cellKey(ref.area.row, ref.area.col), content);
      created = { sheet, row: ref.area.row, col: ref.area.col };
    });
    return new Note(
      this.context,
      `${this._path}.add(${JSON.stringify(cellAddress instanceof ClientObject ? cellAddress._path : cellAddress)})`,
      () => {
        if (!created) throw itemNotFound("The note was not created.");
        return created;
      }
    );
  }

  getItemOrNullObject(key: string): Note {
    const path = `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`;
    return new Note(
      this.context,
      path,
      (exec) => {
        const sheet = this._sheet(exec);
        const ref = rangeArgument(key, exec, sheet);
        if (ref.sheet !== sheet || cellCount(ref.area) !== 1) return null;
        return sheet.notes.has(cellKey(ref.area.row, ref.area.col))
          ? { sheet, row: ref.area.row, col: ref.area.col }
          : null;
      },
      true
    )._enqueueResolve();
  }
}

export class Note extends ClientObject {
  get _spec(): TypeSpec {
    return NOTE;
  }

  _note(exec: Exec): NoteEntity {
    const note = this._require(exec) as NoteEntity;
    if (!note.sheet.notes.has(cellKey(note.row, note.col)))
      throw itemNotFound("The note has been deleted.");
    return note;
  }

  _read(entity: unknown): unknown {
    const note = entity as NoteEntity;
    return note.sheet.notes.get(cellKey(note.row, note.col)) ?? null;
  }

  override _write(_entity: unknown, _name: string, value: unknown, exec: Exec): void {
    if (typeof value !== "string") throw invalidArgument("A note's content must be a string.");
    const note = this._note(exec);
    note.sheet.notes.set(cellKey(note.row, note.col), value);
  }

  delete(): void {
    this._enqueue("delete", [], (exec) => {
      const note = this._note(exec);
      note.sheet.notes.delete(cellKey(note.row, note.col));
    });
  }

  getLocation(): Range {
    return new Range(this.context, `${this._path}.getLocation()`, (exec) => {
      const note = this._note(exec);
      return { sheet: note.sheet, area: area(note.row, note.col) };
    });
  }
}

const COMMENTS: TypeSpec = { name: "CommentCollection", scalars: {}, navs: [] };
const COMMENT: TypeSpec = {
  name: "Comment",
  scalars: { id: { readonly: true }, content: {} },
  navs: [],
};

export class CommentCollection extends ClientCollection {
  get _spec(): TypeSpec {
    return COMMENTS;
  }

  _entities(entity: unknown): unknown[] {
    return [...(entity as WorkbookModel).comments];
  }

  _item(entity: unknown): ClientObject {
    const comment = entity as CommentModel | null;
    return new Comment(
      this.context,
      `${this._path}.getItem(${JSON.stringify(comment?.id ?? "")})`,
      () => comment
    );
  }

  /** `cellAddress`: a one-cell Range, or an address with its sheet ("Sheet1!A1"). */
  add(cellAddress: Range | string, content: string, contentType?: string): Comment {
    this._sameContext(cellAddress);
    if (contentType !== undefined && contentType !== "Plain")
      throw invalidArgument(`Comment contentType "${contentType}" is not supported.`);
    let created: CommentModel | undefined;
    this._enqueue("add", [cellAddress, content], (exec) => {
      if (exec.env.limits.brokenComments) throw notImplemented("CommentCollection", "add");
      const ref = singleCell(rangeArgument(cellAddress, exec, null), "A comment's cell");
      if (typeof content !== "string")
        throw invalidArgument("A comment's content must be a string.");
      checkFree(exec.wb, ref);
      created = {
        id: exec.wb.newId("comment"),
        sheet: ref.sheet,
        row: ref.area.row,
        col: ref.area.col,
        content,
      };
      exec.wb.comments.push(created);
    });
    return new Comment(
      this.context,
      `${this._path}.add(${JSON.stringify(cellAddress instanceof ClientObject ? cellAddress._path : cellAddress)})`,
      () => {
        if (!created) throw itemNotFound("The comment was not created.");
        return created;
      }
    );
  }
}

export class Comment extends ClientObject {
  get _spec(): TypeSpec {
    return COMMENT;
  }

  _comment(exec: Exec): CommentModel {
    const comment = this._require(exec) as CommentModel;
    if (!exec.wb.comments.includes(comment)) throw itemNotFound("The comment has been deleted.");
    return comment;
  }

  _read(entity: unknown, name: string): unknown {
    const comment = entity as CommentModel;
    return name === "id" ? comment.id : comment.content;
  }

  override _write(_entity: unknown, _name: string, value: unknown, exec: Exec): void {
    if (typeof value !== "string") throw invalidArgument("A comment's content must be a string.");
    this._comment(exec).content = value;
  }

  delete(): void {
    this._enqueue("delete", [], (exec) => {
      const comment = this._comment(exec);
      exec.wb.comments = exec.wb.comments.filter((c) => c !== comment);
    });
  }

  getLocation(): Range {
    return new Range(this.context, `${this._path}.getLocation()`, (exec) => {
      const comment = this._comment(exec);
      return { sheet: comment.sheet, area: area(comment.row, comment.col) };
    });
  }
}
