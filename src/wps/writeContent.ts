import { a1, columnLetter, quoteSheetName, rowsA1 } from "../core/patch/address";
import { type ResolvedCell, resolveCell } from "../core/patch/cells";
import {
  listTooLongMessage,
  MAX_LIST_CHARACTERS,
  notesOccupiedMessage,
  VALIDATION_ERROR_TITLE,
  validationErrorMessage,
} from "../core/patch/messages";
import type { HeaderFooterText, Rect, SheetOp } from "../core/patch/schema";
import { GENERAL_FORMAT } from "../core/patch/units";
import { type EtApplication, type EtRange, type EtWorksheet, XL, bgr } from "./et";
import { formatRects } from "./formatRuns";
import type { ActiveSheet, Alerts } from "./session";
import {
  addressGroups,
  addressOf,
  areaOfAddress,
  BLOCK_CELLS,
  joinAddresses,
  rowBlocks,
  type Spot,
  unionAddresses,
} from "./ranges";

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

/** Entries alike (the same `key`), their addresses joined: one Range of many areas takes a setting once. */
function alike<T>(
  items: readonly T[],
  key: (item: T) => string,
  address: (item: T) => string
): Array<{ item: T; addresses: string[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()].map((group) => ({
    item: group[0],
    addresses: joinAddresses(group.map(address)),
  }));
}

/**
 * Column widths in characters (ET's ColumnWidth unit too), hidden columns, row heights in points;
 * columns or rows of one size take one Range of several areas ("E:E,G:G").
 */
export function writeLayout(sheet: EtWorksheet, op: SheetOp): void {
  const columns = runs(
    op.columns,
    (c) => c.col,
    (c) => `${c.width}|${c.hidden}`
  );
  for (const { item, addresses } of alike(
    columns,
    ([, , spec]) => `${spec.width}|${spec.hidden}`,
    ([first, last]) => `${columnLetter(first)}:${columnLetter(last)}`
  )) {
    const spec = item[2];
    for (const address of addresses) {
      const range = sheet.Range(address);
      range.ColumnWidth = spec.width;
      if (spec.hidden !== undefined) range.Hidden = spec.hidden;
    }
  }
  const rows = runs(
    op.rows,
    (r) => r.row,
    (r) => String(r.height)
  );
  for (const { item, addresses } of alike(
    rows,
    ([, , spec]) => String(spec.height),
    ([first, last]) => rowsA1(first, last - first + 1)
  ))
    for (const address of addresses) sheet.Range(address).RowHeight = item[2].height;
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
    const rects = formatRects(formats, block).filter(
      // A new sheet's cells are General already.
      ({ format }) => !(fresh && format === GENERAL_FORMAT)
    );
    for (const { item, addresses } of alike(
      rects,
      (r) => r.format,
      (r) => addressOf(r.rect)
    ))
      for (const address of addresses) sheet.Range(address).NumberFormat = item.format;
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

/** The values `op` writes into the cells of `rect`. */
function valuesIn(op: SheetOp, rect: Rect): number {
  let count = 0;
  for (const block of op.values) {
    const bottom = Math.min(rect.row + rect.rowCount, block.row + block.values.length);
    for (let r = Math.max(rect.row, block.row); r < bottom; r++) {
      const row = block.values[r - block.row];
      const right = Math.min(rect.col + rect.colCount, block.col + row.length);
      for (let c = Math.max(rect.col, block.col); c < right; c++)
        if (row[c - block.col] !== null) count++;
    }
  }
  return count;
}

export function writeMerges(sheet: EtWorksheet, op: SheetOp, alerts: Alerts): void {
  const areas = op.merges.filter((r) => r.rowCount > 1 || r.colCount > 1);
  if (areas.length === 0) return;
  // Merging cells of several values asks first. A new sheet holds only the patch's values.
  if (op.mode === "update" || areas.some((r) => valuesIn(op, r) > 1)) alerts.off();
  // A Range of several areas merges each area on its own, as in Excel.
  for (const address of unionAddresses(areas)) sheet.Range(address).Merge();
}

/**
 * Conditional formats. ET, like Excel, reads a new rule's relative references from the active
 * cell, so the rule's top-left cell is selected (on the active sheet) before a rule is added there;
 * rules on one range share its selection and its FormatConditions.
 */
export function writeConditionalFormats(
  sheet: EtWorksheet,
  op: SheetOp,
  active: ActiveSheet
): void {
  for (const r of op.clearConditionalFormats) sheet.Range(addressOf(r)).FormatConditions.Delete();
  if (op.conditionalFormats.length === 0) return;
  active.activate(sheet);
  let selected = "";
  let conditions = null as { address: string; list: EtRange["FormatConditions"] } | null;
  // Added last first: ET puts each new rule on top, so the patch's first rule ends up first.
  for (const spec of [...op.conditionalFormats].reverse()) {
    const anchor = a1(spec.range.row, spec.range.col);
    if (anchor !== selected) sheet.Range(anchor).Select();
    selected = anchor;
    const address = addressOf(spec.range);
    if (conditions?.address !== address)
      conditions = { address, list: sheet.Range(address).FormatConditions };
    const rule = conditions.list.Add(XL.expression, undefined, spec.formula);
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

/** The cells of `range` that hold a note, as "C12". SpecialCells finds none by failing, as Excel's does. */
function notedCells(range: EtRange): string[] {
  let found: EtRange | null | undefined;
  try {
    found = range.SpecialCells(XL.cellTypeComments);
  } catch {
    return [];
  }
  if (!found) return [];
  return found.Address.split(",").flatMap((address) => {
    const area = areaOfAddress(address);
    return Array.from({ length: area.rowCount * area.colCount }, (_, k) =>
      a1(area.row + Math.floor(k / area.colCount), area.col + (k % area.colCount))
    );
  });
}

/**
 * Notes (ET's 批注) on one sheet: never over one already on the cell (the user's), unless this op
 * removed it (an earlier mark's). The cells this op notes are asked together, through Ranges of
 * many cells (SpecialCells(xlCellTypeComments)): the Ranges the marks' fills are read through
 * when they hold such cells (one call more each), and for the rest one Range of many.
 */
export class NoteWriter {
  private occupied = 0;
  readonly freed = new Set<string>();
  /** Cells to be noted whose notes were not asked about yet. */
  private readonly pending = new Set<string>();
  /** Cells that held a note before this op, of those asked about. */
  private readonly noted = new Set<string>();

  constructor(
    private readonly sheet: EtWorksheet,
    private readonly op: SheetOp,
    private readonly budget: NoteBudget
  ) {
    if (op.mode !== "update") return;
    const cells = [...op.marks.filter((m) => m.note), ...op.notes].slice(0, budget.left);
    for (const cell of cells) this.pending.add(a1(cell.row, cell.col));
  }

  /** Asks `range` (holding `cells`) for its notes, when it holds a cell to be noted. */
  probe(range: EtRange, cells: readonly Spot[]): void {
    const asked = cells.flatMap((c) => {
      const address = a1(c.row, c.col);
      return this.pending.has(address) && (c.rowCount ?? 1) * (c.colCount ?? 1) === 1
        ? [address]
        : [];
    });
    if (asked.length === 0) return;
    for (const cell of notedCells(range)) this.noted.add(cell);
    for (const address of asked) this.pending.delete(address);
  }

  add(row: number, col: number, text: string): boolean {
    if (this.budget.left <= 0) {
      this.budget.skipped++;
      return false;
    }
    if (this.pending.size > 0) {
      const rest = [...this.pending].map((address) => areaOfAddress(address));
      for (const group of addressGroups(rest))
        this.probe(this.sheet.Range(group.address), group.spots);
    }
    const address = a1(row, col);
    if (!this.freed.has(address) && this.noted.has(address)) {
      this.occupied++;
      return false;
    }
    this.sheet.Range(address).AddComment(text);
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

/**
 * Freezes rows and columns on the sheet's window (it must be the active sheet); none unfreezes.
 * A new sheet's window has no split and no frozen panes to undo.
 */
export function writeFreeze(
  app: EtApplication,
  sheet: EtWorksheet,
  op: SheetOp,
  active: ActiveSheet
): void {
  const freeze = op.freeze;
  if (!freeze) return;
  const fresh = op.mode !== "update";
  if (fresh && freeze.rows === 0 && freeze.cols === 0) return;
  active.activate(sheet);
  const window = app.ActiveWindow;
  if (!fresh) window.FreezePanes = false;
  if (freeze.rows === 0 && freeze.cols === 0) return;
  if (!fresh || freeze.rows > 0) window.SplitRow = freeze.rows;
  if (!fresh || freeze.cols > 0) window.SplitColumn = freeze.cols;
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
  // AutoFilter() switches the buttons on and off: only called where there are none (a new sheet has none).
  if (op.autoFilter && (op.mode !== "update" || !sheet.AutoFilterMode))
    sheet.Range(addressOf(op.autoFilter)).AutoFilter();
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
