import type ExcelJS from "exceljs";
import { columnLetter, rangeA1, rowsA1, quoteSheetName } from "../core/patch/address";
import { resolveCell } from "../core/patch/cells";
import {
  listTooLongMessage,
  MAX_LIST_CHARACTERS,
  validationErrorMessage,
  VALIDATION_ERROR_TITLE,
} from "../core/patch/messages";
import type { Font, HeaderFooterText, RangeFormat, Rect, SheetOp } from "../core/patch/schema";
import { shiftFormula } from "./formulaShift";
import { cellAt, fieldsOf } from "./internals";
import { parseRange, parseRangeList, intersects, subtract } from "./ranges";

/**
 * The parts of a SheetOp that land on one worksheet, carried out on ExcelJS's in-memory model.
 * Styles of loaded cells are shared between cells in ExcelJS, so a style is never changed in
 * place: every change assigns the cell a new style object.
 */

export function argb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

export function solidFill(color: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } };
}

type Style = Partial<ExcelJS.Style>;
/** What a fresh cell's style is keyed as: every unstyled cell shares it. */
const UNSTYLED: Style = {};
/** Styles made by restyle, by the style they were made from and the change's key. */
const derived = new WeakMap<Style, Map<unknown, Style>>();

export function isEmpty(style: Style): boolean {
  for (const _ in style) return false;
  return true;
}

/**
 * Gives the cell its style with a change applied, as an object shared by every cell that got
 * the same change (`key`: a value naming it) from the same style: a style per cell would cost
 * hundreds of bytes for each of the hundreds of thousands of cells a big check writes, and
 * ExcelJS reuses a style object's id when it saves. `change` is asked for once per style and
 * key, and may read the cell's current style. Shared styles are why no style is ever changed
 * in place.
 */
export function restyle(cell: ExcelJS.Cell, key: unknown, change: () => Style): void {
  const style: Style | undefined = cell.style;
  const base = !style || isEmpty(style) ? UNSTYLED : style;
  let made = derived.get(base);
  if (!made) derived.set(base, (made = new Map()));
  let next = made.get(key);
  if (!next) made.set(key, (next = { ...base, ...change() }));
  cell.style = next;
}

function eachCell(ws: ExcelJS.Worksheet, r: Rect, visit: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.row; row < r.row + r.rowCount; row++)
    for (let col = r.col; col < r.col + r.colCount; col++) visit(cellAt(ws, row, col));
}

/**
 * ExcelJS leaves a column of exactly its own default width (9) out of the file, where Excel then
 * shows its default 8.43: such a width is written a hair wider, the same on screen.
 */
const EXCELJS_DEFAULT_WIDTH = 9;

/** Column widths in characters (ExcelJS's unit too), hidden columns, row heights in points. */
export function writeLayout(ws: ExcelJS.Worksheet, op: SheetOp): void {
  for (const { col, width, hidden } of op.columns) {
    const column = ws.getColumn(col + 1);
    column.width = width === EXCELJS_DEFAULT_WIDTH ? width + 1e-6 : width;
    if (hidden !== undefined) column.hidden = hidden;
  }
  for (const { row, height } of op.rows) ws.getRow(row + 1).height = height;
}

/** The font of Excel's own Hyperlink style, so a link looks clickable as when Excel makes one. */
const LINK_STYLE = { font: { color: "#0563C1", underline: true } };

function restyleNumFmt(cell: ExcelJS.Cell, numFmt: string): void {
  restyle(cell, `numFmt ${numFmt}`, () => ({ numFmt }));
}

/**
 * An internal hyperlink target. The absolute address ($B$3) keeps ExcelJS 4.4 from also writing
 * it as a `location`, which next to the relationship it always writes would point Excel at
 * "#…##…" (exceljs#3027); a relationship target that starts with # is a jump within the file.
 */
function linkTarget(link: { sheet: string; row: number; col: number }): string {
  return `#${quoteSheetName(link.sheet)}!$${columnLetter(link.col)}$${link.row + 1}`;
}

/** Values with the number format resolveCell gives them: text is "@", so "+C18" stays text. */
export function writeValues(ws: ExcelJS.Worksheet, op: SheetOp): void {
  for (const block of op.values) {
    block.values.forEach((row, r) =>
      row.forEach((patchCell, c) => {
        const cell = cellAt(ws, block.row + r, block.col + c);
        const resolved = resolveCell(patchCell);
        if (resolved.link) {
          cell.value = { text: String(resolved.value), hyperlink: linkTarget(resolved.link) };
          restyleNumFmt(cell, resolved.numberFormat);
          restyle(cell, LINK_STYLE, () => formatChange(cell, LINK_STYLE));
        } else {
          cell.value = resolved.value === "" ? null : resolved.value;
          restyleNumFmt(cell, resolved.numberFormat);
        }
      })
    );
  }
}

function fontOf(
  base: Partial<ExcelJS.Font> | undefined,
  font: Font & { underline?: boolean }
): Partial<ExcelJS.Font> {
  const next: Partial<ExcelJS.Font> = { ...base };
  if (font.underline !== undefined) next.underline = font.underline;
  if (font.bold !== undefined) next.bold = font.bold;
  if (font.italic !== undefined) next.italic = font.italic;
  if (font.color) next.color = { argb: argb(font.color) };
  if (font.size) next.size = font.size;
  if (font.name) next.name = font.name;
  return next;
}

type StyleSpec = Omit<RangeFormat, "range" | "font"> & { font?: Parameters<typeof fontOf>[1] };

function formatChange(cell: ExcelJS.Cell, spec: StyleSpec): Partial<ExcelJS.Style> {
  const change: Partial<ExcelJS.Style> = {};
  if (spec.numberFormat !== undefined) change.numFmt = spec.numberFormat;
  if (spec.fill) change.fill = solidFill(spec.fill);
  if (spec.font) change.font = fontOf(cell.font, spec.font);
  if (spec.wrap !== undefined || spec.horizontal || spec.vertical) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (spec.wrap !== undefined) alignment.wrapText = spec.wrap;
    if (spec.horizontal) alignment.horizontal = spec.horizontal;
    if (spec.vertical) alignment.vertical = spec.vertical === "center" ? "middle" : spec.vertical;
    change.alignment = alignment;
  }
  if (spec.borders) {
    // Thin lines around and inside the rectangle: every cell gets all four edges.
    const line: Partial<ExcelJS.Border> = {
      style: "thin",
      color: { argb: argb(spec.borders.color) },
    };
    change.border = { top: line, left: line, bottom: line, right: line };
  }
  return change;
}

export function writeFormats(ws: ExcelJS.Worksheet, op: SheetOp): void {
  for (const spec of op.formats)
    eachCell(ws, spec.range, (cell) => restyle(cell, spec, () => formatChange(cell, spec)));
}

export function writeMerges(ws: ExcelJS.Worksheet, op: SheetOp): void {
  for (const r of op.merges) {
    if (r.rowCount === 1 && r.colCount === 1) continue;
    // Every cell keeps its own format, as in Excel (ExcelJS's mergeCells would copy the first's).
    ws.mergeCellsWithoutStyle(r.row + 1, r.col + 1, r.row + r.rowCount, r.col + r.colCount);
  }
}

/**
 * Removes conditional formats from the cleared ranges. A format reaching beyond them keeps the
 * rest of its range; its formulas are rewritten for the cell the rest now starts at.
 */
function clearConditionalFormats(ws: ExcelJS.Worksheet, cleared: Rect): void {
  const fields = fieldsOf(ws);
  fields.conditionalFormattings = fields.conditionalFormattings.flatMap((cf) => {
    const areas = parseRangeList(cf.ref);
    if (!areas.some((a) => intersects(a, cleared))) return [cf];
    const rest = areas.flatMap((a) => subtract(a, cleared));
    if (rest.length === 0) return [];
    const dRow = rest[0].row - areas[0].row;
    const dCol = rest[0].col - areas[0].col;
    const rules = cf.rules.map((rule) =>
      "formulae" in rule && rule.formulae
        ? {
            ...rule,
            formulae: rule.formulae.map((f: unknown) =>
              typeof f === "string" ? shiftFormula(f, dRow, dCol) : f
            ),
          }
        : rule
    );
    return [
      { ref: rest.map((a) => rangeA1(a.row, a.col, a.rowCount, a.colCount)).join(" "), rules },
    ];
  });
}

/**
 * Custom-formula conditional formats, after the cleared ranges. As Excel adds a rule on top of
 * the others, each new rule is evaluated before the sheet's existing ones and before the rules
 * listed ahead of it in the patch (lower priority numbers come first).
 */
export function writeConditionalFormats(ws: ExcelJS.Worksheet, op: SheetOp): void {
  for (const r of op.clearConditionalFormats) clearConditionalFormats(ws, r);
  const added = op.conditionalFormats.length;
  if (added === 0) return;
  const fields = fieldsOf(ws);
  fields.conditionalFormattings = fields.conditionalFormattings.map((cf) => ({
    ...cf,
    rules: cf.rules.map((rule) => ({ ...rule, priority: (rule.priority ?? 0) + added })),
  }));
  op.conditionalFormats.forEach((spec, i) => {
    const style: Partial<ExcelJS.Style> = {};
    // In a conditional format's style, a solid fill's colour is its background colour.
    if (spec.fill)
      style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(spec.fill) } };
    if (spec.fontColor) style.font = { color: { argb: argb(spec.fontColor) } };
    const r = spec.range;
    ws.addConditionalFormatting({
      ref: rangeA1(r.row, r.col, r.rowCount, r.colCount),
      rules: [
        { type: "expression", formulae: [spec.formula.slice(1)], style, priority: added - i },
      ],
    });
  });
}

const UNLOCKED: Style = { protection: { locked: false } };

/**
 * Drop-down lists. Validations the range already has are replaced, as Excel replaces them; a
 * validation reaching beyond the range keeps the rest.
 */
export function writeValidations(ws: ExcelJS.Worksheet, op: SheetOp, fallbacks: string[]): void {
  const model = fieldsOf(ws).dataValidations.model;
  for (const spec of op.validations) {
    const joined = spec.list.join(",");
    if (joined.length > MAX_LIST_CHARACTERS) {
      fallbacks.push(listTooLongMessage(op.sheet));
      continue;
    }
    const r = spec.range;
    for (const address of Object.keys(model)) {
      const area = parseRange(address);
      const validation = model[address];
      if (!validation || !intersects(area, r)) continue;
      delete model[address];
      for (const rest of subtract(area, r))
        model[rangeA1(rest.row, rest.col, rest.rowCount, rest.colCount)] = validation;
    }
    model[rangeA1(r.row, r.col, r.rowCount, r.colCount)] = {
      type: "list",
      allowBlank: true,
      formulae: [`"${joined.replace(/"/g, '""')}"`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: VALIDATION_ERROR_TITLE,
      error: validationErrorMessage(spec),
    };
  }
}

/** Freezes rows and columns; a freeze of nothing unfreezes. Other view settings stay. */
export function writeFreeze(ws: ExcelJS.Worksheet, op: SheetOp): void {
  const freeze = op.freeze;
  if (!freeze) return;
  const views = ws.views ?? [];
  const rest = { ...views[0] } as Record<string, unknown>;
  for (const key of ["state", "xSplit", "ySplit", "topLeftCell"]) delete rest[key];
  const view =
    freeze.rows > 0 || freeze.cols > 0
      ? {
          ...rest,
          state: "frozen",
          xSplit: freeze.cols,
          ySplit: freeze.rows,
          topLeftCell: rangeA1(freeze.rows, freeze.cols),
        }
      : { ...rest, state: "normal" };
  ws.views = [view as Partial<ExcelJS.WorksheetView>, ...views.slice(1)];
}

/** The file format's paper codes (ExcelJS declares its PaperSize enum in its typings only). */
const PAPER_SIZE = { A4: 9 as ExcelJS.PaperSize, A3: 8 as ExcelJS.PaperSize };

export function writeAutoFilter(ws: ExcelJS.Worksheet, op: SheetOp): void {
  const area = op.autoFilter;
  if (area) ws.autoFilter = rangeA1(area.row, area.col, area.rowCount, area.colCount);
}

export function writePrint(ws: ExcelJS.Worksheet, op: SheetOp): void {
  const print = op.print;
  if (!print) return;
  const setup: Partial<ExcelJS.PageSetup> = {
    ...ws.pageSetup,
    orientation: print.orientation,
    paperSize: PAPER_SIZE[print.paper],
    // One page wide, as many pages tall as needed (0 = no limit); or a stated scale.
    fitToPage: print.scale === undefined && print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    scale: print.scale ?? 100,
  };
  if (print.titleRows)
    setup.printTitlesRow = rowsA1(print.titleRows.first, print.titleRows.count).replace(/\$/g, "");
  ws.pageSetup = setup;
  if (print.header || print.footer)
    ws.headerFooter = {
      ...ws.headerFooter,
      oddHeader: headerFooterCode(print.header),
      oddFooter: headerFooterCode(print.footer),
    };
}

/** The file format's one-string header: &L left &C centre &R right. */
function headerFooterCode(text: HeaderFooterText | undefined): string | undefined {
  if (!text) return undefined;
  const parts = [
    ["&L", text.left],
    ["&C", text.center],
    ["&R", text.right],
  ].filter((p): p is [string, string] => Boolean(p[1]));
  return parts.map(([code, part]) => code + part).join("");
}

/**
 * Protects the sheet without a password, every cell locked but the editable ranges. Column
 * widths and row heights may still be changed (long 进展情况 text), and sorting and filtering
 * stay allowed where the patch says so.
 */
export function writeProtection(ws: ExcelJS.Worksheet, op: SheetOp): void {
  const protection = op.protection;
  if (!protection) return;
  for (const range of protection.editable)
    eachCell(ws, range, (cell) => restyle(cell, UNLOCKED, () => UNLOCKED));
  fieldsOf(ws).sheetProtection = {
    sheet: true,
    formatColumns: true,
    formatRows: true,
    sort: protection.allowSort,
    autoFilter: protection.allowSort,
  };
}

/** Shows or hides the sheet; "veryHidden" keeps it out of Excel's 取消隐藏 list. */
export function writeVisibility(ws: ExcelJS.Worksheet, op: SheetOp): void {
  if (op.visibility) ws.state = op.visibility;
}
