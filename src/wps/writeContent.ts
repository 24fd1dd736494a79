import { a1, columnLetter, quoteSheetName, rowsA1 } from "../core/patch/address";
import { type ResolvedCell, resolveCell } from "../core/patch/cells";
import {
  listTooLongMessage,
  MAX_LIST_CHARACTERS,
  notesOccupiedMessage,
  VALIDATION_ERROR_TITLE,
  validationErrorMessage,
} from "../core/patch/messages";
import type { HeaderFooterText, SheetOp } from "../core/patch/schema";
import { GENERAL_FORMAT } from "../core/patch/units";
import { type EtApplication, type EtWorksheet, XL, bgr } from "./et";
import { formatRects } from "./formatRuns";
import { addressOf, BLOCK_CELLS, rowBlocks } from "./ranges";

/**
 * The parts of a SheetOp that land on one worksheet, carried out with the ET object model.
 * Every call crosses into WPS: values go as 2-D blocks, formats and widths as rectangles and
 * runs of columns or rows, so the calls a sheet costs follow its columns and its formatting
 * specs, not its rows.
 */

/** Runs of consecutive indexes that share a key: [first, last, item]. */
function runs<T>(
  items: T[],
  index: (t: T) => number,
  key: (t: T) => string
): Array<[number, number, T]> {
  const sorted = [...items].sort((a, b) => index(a) - index(b));
  const out: Array<[number, number, T]> = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && index(item) === last[1] + 1 && key(item) === key(last[2])) last[1] = index(item);
    else out.push([index(item), index(item), item]);
  }
  return out;
}

/** Column widths in characters (ET's ColumnWidth unit too), hidden columns, row heights in points. */
export function writeLayout(sheet: EtWorksheet, op: SheetOp): void {
  for (const [first, last, spec] of runs(
    op.columns,
    (c) => c.col,
    (c) => `${c.width}|${c.hidden}`
  )) {
    const columns = sheet.Range(`${columnLetter(first)}:${columnLetter(last)}`);
    columns.ColumnWidth = spec.width;
    if (spec.hidden !== undefined) columns.Hidden = spec.hidden;
  }
  for (const [first, last, spec] of runs(
    op.rows,
    (r) => r.row,
    (r) => String(r.height)
  ))
    sheet.Range(rowsA1(first, last - first + 1)).RowHeight = spec.height;
}

/** A string as a formula literal; null when ET would refuse it (over 255 characters). */
function literal(text: string): string | null {
  return text.length > 255 ? null : `"${text.replace(/"/g, '""')}"`;
}

/** An internal link as a HYPERLINK formula: one Formula write for a run of link cells. */
function linkFormula(cell: ResolvedCell): string | null {
  const link = cell.link!;
  const target = literal(`#${quoteSheetName(link.sheet)}!${a1(link.row, link.col)}`);
  const text = literal(String(cell.value));
  return target && text ? `=HYPERLINK(${target},${text})` : null;
}

/**
 * Values with the number formats resolveCell gives them, formats first: a text cell is "@"
 * before its value arrives, so "+C18" or "=…" stays text. Internal links are HYPERLINK
 * formulas, written a column run at a time; a link too long for a formula gets Hyperlinks.Add.
 */
export function writeValues(sheet: EtWorksheet, op: SheetOp): void {
  const fresh = op.mode !== "update";
  for (const block of op.values) {
    const resolved = block.values.map((row) => row.map(resolveCell));
    const formats = resolved.map((row, r) =>
      row.map((cell, c) => {
        if (cell.link) return GENERAL_FORMAT;
        // On a new sheet an empty cell's format is free: it joins its column's run.
        return fresh && block.values[r][c] === null ? null : cell.numberFormat;
      })
    );
    for (const { rect, format } of formatRects(formats, block)) {
      if (fresh && format === GENERAL_FORMAT) continue; // a new sheet's cells are General already
      sheet.Range(addressOf(rect)).NumberFormat = format;
    }
    const values = resolved.map((row) => row.map((cell) => (cell.link ? "" : cell.value)));
    const area = {
      row: block.row,
      col: block.col,
      rowCount: values.length,
      colCount: values[0].length,
    };
    for (const part of rowBlocks(area)) {
      const slice = values.slice(part.row - area.row, part.row - area.row + part.rowCount);
      sheet.Range(addressOf(part)).Value2 = slice;
    }
    writeLinks(sheet, resolved, block);
  }
}

function writeLinks(
  sheet: EtWorksheet,
  resolved: ResolvedCell[][],
  origin: { row: number; col: number }
): void {
  const cells = resolved.flatMap((row, r) =>
    row.flatMap((cell, c) =>
      cell.link ? [{ row: origin.row + r, col: origin.col + c, cell }] : []
    )
  );
  const byColumn = new Map<number, typeof cells>();
  for (const item of cells) byColumn.set(item.col, [...(byColumn.get(item.col) ?? []), item]);
  for (const [col, items] of byColumn) {
    const formulas = items.map((item) => ({ ...item, formula: linkFormula(item.cell) }));
    for (const [first, last] of runs(
      formulas,
      (f) => f.row,
      (f) => (f.formula ? "f" : "x")
    )) {
      const run = formulas.filter((f) => f.row >= first && f.row <= last);
      if (run[0].formula === null) {
        for (const { row, cell } of run) {
          const link = cell.link!;
          sheet.Hyperlinks.Add(
            sheet.Range(a1(row, col)),
            "",
            `${quoteSheetName(link.sheet)}!${a1(link.row, link.col)}`,
            undefined,
            String(cell.value)
          );
        }
        continue;
      }
      for (let start = 0; start < run.length; start += BLOCK_CELLS) {
        const part = run.slice(start, start + BLOCK_CELLS);
        sheet.Range(
          addressOf({ row: part[0].row, col, rowCount: part.length, colCount: 1 })
        ).Formula = part.map((f) => [f.formula]);
      }
    }
  }
}

const HORIZONTAL = { left: XL.left, center: XL.center, right: XL.right } as const;
const VERTICAL = { top: XL.top, center: XL.center, bottom: XL.bottom } as const;

export function writeFormats(sheet: EtWorksheet, op: SheetOp): void {
  for (const spec of op.formats) {
    const range = sheet.Range(addressOf(spec.range));
    if (spec.numberFormat !== undefined) range.NumberFormat = spec.numberFormat;
    if (spec.fill) range.Interior.Color = bgr(spec.fill);
    if (spec.font) {
      const font = range.Font;
      const f = spec.font;
      if (f.bold !== undefined) font.Bold = f.bold;
      if (f.italic !== undefined) font.Italic = f.italic;
      if (f.color) font.Color = bgr(f.color);
      if (f.size) font.Size = f.size;
      if (f.name) font.Name = f.name;
    }
    if (spec.wrap !== undefined) range.WrapText = spec.wrap;
    if (spec.horizontal) range.HorizontalAlignment = HORIZONTAL[spec.horizontal];
    if (spec.vertical) range.VerticalAlignment = VERTICAL[spec.vertical];
    if (spec.borders) {
      // Range.Borders without an index: every edge of every cell, inside lines too.
      const borders = range.Borders;
      borders.LineStyle = XL.continuous;
      borders.Weight = XL.thin;
      borders.Color = bgr(spec.borders.color);
    }
  }
}

export function writeMerges(sheet: EtWorksheet, op: SheetOp): void {
  for (const r of op.merges)
    if (r.rowCount > 1 || r.colCount > 1) sheet.Range(addressOf(r)).Merge();
}

/**
 * Conditional formats. ET, like Excel, reads a new rule's relative references from the active
 * cell, so the rule's top-left cell is selected (on the active sheet) before each rule is added.
 */
export function writeConditionalFormats(sheet: EtWorksheet, op: SheetOp): void {
  for (const r of op.clearConditionalFormats) sheet.Range(addressOf(r)).FormatConditions.Delete();
  if (op.conditionalFormats.length === 0) return;
  sheet.Activate();
  // Added last first: ET puts each new rule on top, so the patch's first rule ends up first.
  for (const spec of [...op.conditionalFormats].reverse()) {
    sheet.Range(a1(spec.range.row, spec.range.col)).Select();
    const rule = sheet
      .Range(addressOf(spec.range))
      .FormatConditions.Add(XL.expression, undefined, spec.formula);
    if (spec.fill) rule.Interior.Color = bgr(spec.fill);
    if (spec.fontColor) rule.Font.Color = bgr(spec.fontColor);
  }
}

/** Drop-down lists, replacing the range's earlier validations (ET refuses to add over one). */
export function writeValidations(sheet: EtWorksheet, op: SheetOp, fallbacks: string[]): void {
  for (const spec of op.validations) {
    const joined = spec.list.join(",");
    if (joined.length > MAX_LIST_CHARACTERS) {
      fallbacks.push(listTooLongMessage(op.sheet));
      continue;
    }
    const range = sheet.Range(addressOf(spec.range));
    if (op.mode === "update") range.Validation.Delete();
    const validation = range.Validation;
    validation.Add(XL.validateList, XL.validAlertStop, XL.between, joined);
    validation.ErrorTitle = VALIDATION_ERROR_TITLE;
    validation.ErrorMessage = validationErrorMessage(spec);
    validation.ShowError = true;
  }
}

/**
 * ET adds notes one call at a time, so a command writes at most this many: past it, the texts
 * stay in the listing (校验结果) and the pane says so. It keeps 校验 of 10,000 rows within a
 * couple of thousand calls however many cells it marks.
 */
export const MAX_NOTES = 200;

/** Notes a command may still write, and how many it left out. */
export interface NoteBudget {
  left: number;
  skipped: number;
}

export function noteBudgetMessage(skipped: number): string {
  return `WPS 中批注须逐个写入，本次只在前 ${MAX_NOTES} 个单元格写入了说明，其余 ${skipped} 处的说明未写入单元格，请在「校验结果」中查看。`;
}

/**
 * Notes (ET's 批注) on one sheet: never over one already on the cell (the user's), unless this op
 * removed it (an earlier mark's). A sheet with no note costs nothing to look at; one with fewer
 * notes than this op writes is looked at note by note (Comments.Item(i).Parent.Address, three
 * calls each), otherwise cell by cell as notes are written (Range.Comment, one call more each).
 */
export class NoteWriter {
  private occupied = 0;
  readonly freed = new Set<string>();
  /** Cells holding a note before this op, when they were listed; null: ask each cell. */
  private readonly noted: Set<string> | null;

  constructor(
    private readonly sheet: EtWorksheet,
    private readonly op: SheetOp,
    private readonly budget: NoteBudget
  ) {
    const count = op.mode === "update" ? sheet.Comments.Count : 0;
    const writing = Math.min(budget.left, op.marks.filter((m) => m.note).length);
    if (count === 0) this.noted = new Set();
    else if (count > writing) this.noted = null;
    else {
      const comments = sheet.Comments;
      this.noted = new Set();
      for (let i = 1; i <= count; i++)
        this.noted.add(comments.Item(i).Parent.Address.replace(/\$/g, ""));
    }
  }

  add(row: number, col: number, text: string): boolean {
    if (this.budget.left <= 0) {
      this.budget.skipped++;
      return false;
    }
    const address = a1(row, col);
    const range = this.sheet.Range(address);
    const taken =
      !this.freed.has(address) && (this.noted ? this.noted.has(address) : range.Comment !== null);
    if (taken) {
      this.occupied++;
      return false;
    }
    range.AddComment(text);
    this.budget.left--;
    return true;
  }

  /** A note an earlier mark left that says what this op would write: it counts as written. */
  keep(): void {
    this.budget.left--;
  }

  messages(): string[] {
    return this.occupied > 0 ? [notesOccupiedMessage(this.op.sheet, this.occupied)] : [];
  }
}

/** Freezes rows and columns on the sheet's window (it must be the active sheet); none unfreezes. */
export function writeFreeze(app: EtApplication, sheet: EtWorksheet, op: SheetOp): void {
  const freeze = op.freeze;
  if (!freeze) return;
  sheet.Activate();
  const window = app.ActiveWindow;
  window.FreezePanes = false;
  if (freeze.rows === 0 && freeze.cols === 0) return;
  window.SplitRow = freeze.rows;
  window.SplitColumn = freeze.cols;
  window.FreezePanes = true;
}

const HEADER_PARTS = [
  ["left", "LeftHeader", "LeftFooter"],
  ["center", "CenterHeader", "CenterFooter"],
  ["right", "RightHeader", "RightFooter"],
] as const;

export function writePrint(sheet: EtWorksheet, op: SheetOp): void {
  const print = op.print;
  if (!print) return;
  const setup = sheet.PageSetup;
  setup.Orientation = print.orientation === "landscape" ? XL.landscape : XL.portrait;
  setup.PaperSize = print.paper === "A4" ? XL.paperA4 : XL.paperA3;
  if (print.scale !== undefined) {
    setup.Zoom = print.scale;
  } else if (print.fitToWidth) {
    // One page wide, as many pages tall as needed.
    setup.Zoom = false;
    setup.FitToPagesWide = 1;
    setup.FitToPagesTall = false;
  }
  if (print.titleRows) setup.PrintTitleRows = rowsA1(print.titleRows.first, print.titleRows.count);
  const parts = (text: HeaderFooterText | undefined, at: 1 | 2) => {
    if (!text) return;
    for (const part of HEADER_PARTS) {
      const value = text[part[0]];
      if (value) setup[part[at]] = value;
    }
  };
  parts(print.header, 1);
  parts(print.footer, 2);
}

export function writeAutoFilter(sheet: EtWorksheet, op: SheetOp): void {
  // AutoFilter() switches the buttons on and off: only called where there are none.
  if (op.autoFilter && !sheet.AutoFilterMode) sheet.Range(addressOf(op.autoFilter)).AutoFilter();
}

/**
 * Protects the sheet without a password, every cell locked but the editable ranges; widths and
 * heights may still change, sorting and filtering as the patch says. Protect's arguments, in
 * order: Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells,
 * AllowFormattingColumns, AllowFormattingRows, AllowInsertingColumns, AllowInsertingRows,
 * AllowInsertingHyperlinks, AllowDeletingColumns, AllowDeletingRows, AllowSorting, AllowFiltering.
 */
export function writeProtection(sheet: EtWorksheet, op: SheetOp): void {
  const protection = op.protection;
  if (!protection) return;
  for (const r of protection.editable) sheet.Range(addressOf(r)).Locked = false;
  const sort = protection.allowSort;
  sheet.Protect(
    "",
    true,
    true,
    true,
    false,
    false,
    true,
    true,
    false,
    false,
    false,
    false,
    false,
    sort,
    sort
  );
}

const VISIBILITY = {
  visible: XL.sheetVisible,
  hidden: XL.sheetHidden,
  veryHidden: XL.sheetVeryHidden,
} as const;

export function writeVisibility(sheet: EtWorksheet, op: SheetOp): void {
  if (op.visibility) sheet.Visible = VISIBILITY[op.visibility];
}
