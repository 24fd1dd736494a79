import { interpretInput } from "../excel-standin/cell-input";
import { subtract } from "../../../src/xlsx/ranges";
import { type Area, SHEET_ROWS, a1Of, cellsOf, inside, overlaps, parseAddress } from "./address";
import {
  type EtCell,
  type EtFormatCondition,
  EtSheetModel,
  type EtWorkbookModel,
  cellUsed,
} from "./model";
import { type CallStats, EtError, strict } from "./strict";

/**
 * ET constants the stand-in knows (the same numbers as Excel's object model). Written out here
 * from the documentation, not taken from src/wps, so a wrong constant there fails the tests.
 */
export const XL = {
  none: -4142,
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  expression: 2,
  validateList: 3,
  continuous: 1,
  thin: 2,
  white: 0xffffff,
  cellTypeComments: -4144,
} as const;

/** Cells one call may touch: a guard against a whole column written cell by cell in memory. */
const MAX_TOUCH = 2_000_000;

export interface Context {
  stats: CallStats;
  book: EtWorkbookModel;
  app: { displayAlerts: boolean };
}

function uniform<T>(values: T[]): T | null {
  if (values.length === 0) return null;
  return values.every((v) => v === values[0]) ? values[0] : null;
}

function checkColor(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 0xffffff)
    throw new EtError(`颜色须为 0–16777215 的整数（BGR），不是 ${JSON.stringify(value)}`);
  return value;
}

function wrap<T extends object>(ctx: Context, kind: string, target: T): T {
  return strict(kind, target, ctx.stats);
}

class Count {
  constructor(private readonly _n: number) {}
  get Count(): number {
    return this._n;
  }
}

/** A sheet's notes, 1-based, in row-major order (the adapter relies on no order). */
class Comments {
  constructor(
    private readonly _ctx: Context,
    private readonly _sheet: EtSheetModel
  ) {}
  private _at(): Area[] {
    return [...this._sheet.cells.entries()]
      .filter(([, c]) => c.comment !== null)
      .map(([key]) => key.split(",").map(Number))
      .sort((p, q) => p[0] - q[0] || p[1] - q[1])
      .map(([row, col]) => ({ row, col, rowCount: 1, colCount: 1 }));
  }
  get Count(): number {
    return this._at().length;
  }
  Item(index: unknown): Comment {
    const at = this._at();
    if (!Number.isInteger(index) || (index as number) < 1 || (index as number) > at.length)
      throw new EtError(`下标越界：没有第 ${String(index)} 个批注`);
    return wrap(
      this._ctx,
      "Comment",
      new Comment(this._ctx, this._sheet, at[(index as number) - 1])
    );
  }
}

export class Range {
  constructor(
    readonly _ctx: Context,
    readonly _sheet: EtSheetModel,
    readonly _areas: Area[]
  ) {}

  private _cells(): EtCell[] {
    const n = this._areas.reduce((s, a) => s + a.rowCount * a.colCount, 0);
    if (n > MAX_TOUCH) throw new EtError(`区域过大（${n} 个单元格）`);
    // `this` is the counting proxy: read the sheet once, not through it for every cell.
    const sheet = this._sheet;
    return this._areas.flatMap((a) => cellsOf(a).map(([r, c]) => sheet.touch(r, c)));
  }

  private _peek(): Array<EtCell | undefined> {
    const n = this._areas.reduce((s, a) => s + a.rowCount * a.colCount, 0);
    if (n > MAX_TOUCH) throw new EtError(`区域过大（${n} 个单元格）`);
    const sheet = this._sheet;
    return this._areas.flatMap((a) => cellsOf(a).map(([r, c]) => sheet.cellAt(r, c)));
  }

  _write(): void {
    if (this._sheet.protected) throw new EtError(`工作表「${this._sheet.name}」受保护，不能修改`);
  }

  private get _first(): Area {
    return this._areas[0];
  }

  private _single(what: string): Area {
    const a = this._first;
    if (this._areas.length !== 1 || a.rowCount !== 1 || a.colCount !== 1)
      throw new EtError(`${what} 只能用于单个单元格`);
    return a;
  }

  private _read(formula: boolean): unknown {
    const a = this._first;
    if (a.rowCount * a.colCount > MAX_TOUCH) throw new EtError("区域过大，无法读取值");
    const sheet = this._sheet;
    const at = (r: number, c: number) => {
      const cell = sheet.cellAt(r, c);
      if (!cell) return formula ? "" : undefined;
      if (formula) return cell.formula ?? (cell.value === null ? "" : cell.value);
      return cell.value === null ? undefined : cell.value;
    };
    if (a.rowCount === 1 && a.colCount === 1) return at(a.row, a.col);
    return Array.from({ length: a.rowCount }, (_, r) =>
      Array.from({ length: a.colCount }, (_, c) => at(a.row + r, a.col + c))
    );
  }

  private _assign(input: unknown, via: "values" | "formulas"): void {
    this._write();
    const own = this._sheet;
    const book = this._ctx.book;
    const lookup = (sheet: string | null, r: number, c: number) => {
      const s = sheet === null ? own : book.find(sheet);
      const v = s?.cellAt(r, c)?.value;
      return v === null || v === undefined ? undefined : v;
    };
    const put = (r: number, c: number, v: unknown) => {
      const cell = own.touch(r, c);
      if (v === null || v === undefined || v === "") {
        cell.value = null;
        cell.formula = null;
        return;
      }
      const stored = interpretInput(v, cell.numberFormat, lookup, via);
      if (!stored) return;
      cell.value = stored.value === "" ? null : stored.value;
      cell.formula = stored.formula;
      if (stored.impliedFormat && cell.numberFormat === "General")
        cell.numberFormat = stored.impliedFormat;
    };
    if (Array.isArray(input)) {
      if (this._areas.length !== 1) throw new EtError("多区域不能用二维数组赋值");
      const a = this._first;
      if (
        input.length !== a.rowCount ||
        !input.every((row) => Array.isArray(row) && row.length === a.colCount)
      )
        throw new EtError(`二维数组的大小须为 ${a.rowCount}×${a.colCount}（区域 ${a1Of(a)}）`);
      (input as unknown[][]).forEach((row, r) =>
        row.forEach((v, c) => put(a.row + r, a.col + c, v))
      );
      return;
    }
    for (const a of this._areas) for (const [r, c] of cellsOf(a)) put(r, c, input);
  }

  get Value2(): unknown {
    return this._read(false);
  }
  set Value2(value: unknown) {
    this._assign(value, "values");
  }
  get Formula(): unknown {
    return this._read(true);
  }
  set Formula(value: unknown) {
    this._assign(value, "formulas");
  }

  get NumberFormat(): string | null {
    return uniform(this._peek().map((c) => c?.numberFormat ?? "General"));
  }
  set NumberFormat(format: unknown) {
    this._write();
    if (typeof format !== "string") throw new EtError("NumberFormat 须为文本（不接受数组）");
    for (const cell of this._cells()) cell.numberFormat = format;
  }

  get Interior(): Interior {
    return wrap(this._ctx, "Interior", new Interior(this));
  }
  get Font(): Font {
    return wrap(this._ctx, "Font", new Font(this));
  }
  get Borders(): Borders {
    return wrap(this._ctx, "Borders", new Borders(this));
  }

  _each(set: (cell: EtCell) => void): void {
    this._write();
    for (const cell of this._cells()) set(cell);
  }
  _uniform<T>(get: (cell: EtCell | undefined) => T): T | null {
    return uniform(this._peek().map(get));
  }

  get WrapText(): boolean | null {
    return this._uniform((c) => c?.wrap ?? false);
  }
  set WrapText(v: unknown) {
    if (typeof v !== "boolean") throw new EtError("WrapText 须为 true 或 false");
    this._each((c) => (c.wrap = v));
  }
  get HorizontalAlignment(): number | null {
    return this._uniform((c) => c?.horizontal ?? 1);
  }
  set HorizontalAlignment(v: unknown) {
    if (![-4131, -4108, -4152, 1].includes(v as number))
      throw new EtError(`无效的水平对齐 ${String(v)}`);
    this._each((c) => (c.horizontal = v as number));
  }
  get VerticalAlignment(): number | null {
    return this._uniform((c) => c?.vertical ?? -4107);
  }
  set VerticalAlignment(v: unknown) {
    if (![-4160, -4108, -4107].includes(v as number))
      throw new EtError(`无效的垂直对齐 ${String(v)}`);
    this._each((c) => (c.vertical = v as number));
  }
  get Locked(): boolean | null {
    return this._uniform((c) => c?.locked ?? true);
  }
  set Locked(v: unknown) {
    if (typeof v !== "boolean") throw new EtError("Locked 须为 true 或 false");
    for (const cell of this._cells()) cell.locked = v;
  }

  get MergeCells(): boolean | null {
    const merges = this._sheet.merges;
    const covered = (r: number, c: number) =>
      merges.some((m) => overlaps(m, { row: r, col: c, rowCount: 1, colCount: 1 }));
    const cells = this._areas.flatMap((a) => cellsOf(a));
    return uniform(cells.map(([r, c]) => covered(r, c)));
  }
  Merge(): void {
    this._write();
    for (const a of this._areas) {
      if (this._sheet.merges.some((m) => overlaps(m, a)))
        throw new EtError(`${a1Of(a)} 与已合并的单元格重叠`);
      const sheet = this._sheet;
      const cells = cellsOf(a).map(([r, c]) => sheet.cellAt(r, c));
      const valued = cells.filter((c) => c && c.value !== null).length;
      const first = this._sheet.cellAt(a.row, a.col);
      if (valued > (first?.value !== null && first ? 1 : 0) || valued > 1) {
        if (this._ctx.app.displayAlerts)
          throw new EtError("合并含多个值的单元格会弹出确认框（DisplayAlerts 未关闭）");
        for (const cell of cells.slice(1)) if (cell) ((cell.value = null), (cell.formula = null));
      }
      this._sheet.merges.push(a);
    }
  }

  get ColumnWidth(): number | null {
    const cols = this._areas.flatMap((a) =>
      Array.from({ length: a.colCount }, (_, i) => a.col + i)
    );
    return uniform(cols.map((c) => this._sheet.columnWidths.get(c) ?? 8.38));
  }
  set ColumnWidth(v: unknown) {
    this._write();
    if (typeof v !== "number" || v < 0 || v > 255)
      throw new EtError(`列宽须在 0–255 之间，不是 ${String(v)}`);
    for (const a of this._areas)
      for (let c = a.col; c < a.col + a.colCount; c++) this._sheet.columnWidths.set(c, v);
  }
  get RowHeight(): number | null {
    const rows = this._areas.flatMap((a) =>
      Array.from({ length: Math.min(a.rowCount, MAX_TOUCH) }, (_, i) => a.row + i)
    );
    return uniform(rows.map((r) => this._sheet.rowHeights.get(r) ?? 13.5));
  }
  set RowHeight(v: unknown) {
    this._write();
    if (typeof v !== "number" || v < 0 || v > 409)
      throw new EtError(`行高须在 0–409 磅之间，不是 ${String(v)}`);
    for (const a of this._areas)
      for (let r = a.row; r < a.row + a.rowCount; r++) this._sheet.rowHeights.set(r, v);
  }

  get EntireColumn(): Range {
    const areas = this._areas.map((a) => ({
      row: 0,
      col: a.col,
      rowCount: SHEET_ROWS,
      colCount: a.colCount,
    }));
    return wrap(this._ctx, "Range", new Range(this._ctx, this._sheet, areas));
  }
  private _columnsOnly(): number[] {
    if (!this._areas.every((a) => a.row === 0 && a.rowCount === SHEET_ROWS))
      throw new EtError("Hidden 只能用于整列（EntireColumn）");
    return this._areas.flatMap((a) => Array.from({ length: a.colCount }, (_, i) => a.col + i));
  }
  get Hidden(): boolean | null {
    return uniform(this._columnsOnly().map((c) => this._sheet.hiddenColumns.has(c)));
  }
  set Hidden(v: unknown) {
    this._write();
    if (typeof v !== "boolean") throw new EtError("Hidden 须为 true 或 false");
    for (const c of this._columnsOnly()) {
      if (v) this._sheet.hiddenColumns.add(c);
      else this._sheet.hiddenColumns.delete(c);
    }
  }

  AddComment(text: unknown): Comment {
    this._write();
    const a = this._single("AddComment");
    if (typeof text !== "string") throw new EtError("批注内容须为文本");
    const cell = this._sheet.touch(a.row, a.col);
    if (cell.comment !== null) throw new EtError(`${a1Of(a)} 已有批注`);
    cell.comment = text;
    return wrap(this._ctx, "Comment", new Comment(this._ctx, this._sheet, a));
  }
  get Comment(): Comment | null {
    const a = this._single("Comment");
    const cell = this._sheet.cellAt(a.row, a.col);
    return cell?.comment != null
      ? wrap(this._ctx, "Comment", new Comment(this._ctx, this._sheet, a))
      : null;
  }
  ClearComments(): void {
    this._each((c) => (c.comment = null));
  }
  /**
   * SpecialCells(xlCellTypeComments): the range's cells that hold a note. As in Excel, a one-cell
   * range stands for the whole sheet, and finding none is an error. Other types are not modelled.
   */
  SpecialCells(type: unknown): Range {
    if (type !== XL.cellTypeComments)
      throw new EtError(`ET 替身只模拟 SpecialCells(xlCellTypeComments)，不是 ${String(type)}`);
    const a = this._first;
    const areas = this._areas;
    const sheetWide = areas.length === 1 && a.rowCount === 1 && a.colCount === 1;
    const noted = [...this._sheet.cells.entries()]
      .filter(([, c]) => c.comment !== null)
      .map(([key]) => {
        const [row, col] = key.split(",").map(Number);
        return { row, col, rowCount: 1, colCount: 1 };
      })
      .filter((cell) => sheetWide || areas.some((area) => inside(area, cell)))
      .sort((p, q) => p.row - q.row || p.col - q.col);
    if (noted.length === 0) throw new EtError("未找到单元格");
    return wrap(this._ctx, "Range", new Range(this._ctx, this._sheet, noted));
  }

  get Row(): number {
    return this._first.row + 1;
  }
  get Column(): number {
    return this._first.col + 1;
  }
  get Rows(): Count {
    return wrap(this._ctx, "Rows", new Count(this._first.rowCount));
  }
  get Columns(): Count {
    return wrap(this._ctx, "Columns", new Count(this._first.colCount));
  }
  get Address(): string {
    return this._areas.map(a1Of).join(",");
  }

  get FormatConditions(): FormatConditions {
    return wrap(this._ctx, "FormatConditions", new FormatConditions(this));
  }
  get Validation(): Validation {
    return wrap(this._ctx, "Validation", new Validation(this));
  }

  AutoFilter(): void {
    this._write();
    this._sheet.autoFilter = this._sheet.autoFilter ? null : this._first;
  }

  Select(): void {
    if (this._ctx.book.sheets[this._ctx.book.active] !== this._sheet)
      throw new EtError("只能选择活动工作表上的单元格");
    this._sheet.selection = { row: this._first.row, col: this._first.col };
  }

  get MergeArea(): Range {
    const a = this._single("MergeArea");
    const merge = this._sheet.merges.find((m) => overlaps(m, a)) ?? a;
    return wrap(this._ctx, "Range", new Range(this._ctx, this._sheet, [merge]));
  }
}

class Interior {
  constructor(private readonly _range: Range) {}
  get Color(): number | null {
    return this._range._uniform((c) => c?.fill ?? XL.white);
  }
  set Color(v: unknown) {
    const color = checkColor(v);
    this._range._each((c) => (c.fill = color));
  }
  get ColorIndex(): number | null {
    return this._range._uniform((c) => (c?.fill == null ? XL.none : 0)) === XL.none
      ? XL.none
      : null;
  }
  set ColorIndex(v: unknown) {
    if (v !== XL.none) throw new EtError("替身只支持 ColorIndex = xlColorIndexNone（-4142）");
    this._range._each((c) => (c.fill = null));
  }
}

class Font {
  constructor(private readonly _range: Range) {}
  private _get<K extends keyof EtCell["font"]>(key: K, fallback: EtCell["font"][K]) {
    return this._range._uniform((c) => c?.font[key] ?? fallback);
  }
  private _set<K extends keyof EtCell["font"]>(key: K, value: EtCell["font"][K]) {
    this._range._each((c) => (c.font = { ...c.font, [key]: value }));
  }
  get Bold() {
    return this._get("bold", false);
  }
  set Bold(v: unknown) {
    if (typeof v !== "boolean") throw new EtError("Bold 须为 true 或 false");
    this._set("bold", v);
  }
  get Italic() {
    return this._get("italic", false);
  }
  set Italic(v: unknown) {
    if (typeof v !== "boolean") throw new EtError("Italic 须为 true 或 false");
    this._set("italic", v);
  }
  get Color() {
    return this._get("color", 0);
  }
  set Color(v: unknown) {
    this._set("color", checkColor(v));
  }
  get Size() {
    return this._get("size", 11);
  }
  set Size(v: unknown) {
    if (typeof v !== "number" || v <= 0 || v > 409) throw new EtError(`字号无效：${String(v)}`);
    this._set("size", v);
  }
  get Name() {
    return this._get("name", "宋体");
  }
  set Name(v: unknown) {
    if (typeof v !== "string" || v === "") throw new EtError("字体名须为文本");
    this._set("name", v);
  }
}

/** Range.Borders without an index: every edge of every cell of the range. */
class Borders {
  constructor(private readonly _range: Range) {}
  set LineStyle(v: unknown) {
    if (v !== XL.continuous && v !== XL.none)
      throw new EtError(`替身只支持实线或无边框，不是 ${String(v)}`);
    this._range._each((c) => {
      if (v === XL.none) delete c.border;
      else c.border = { ...c.border, lineStyle: XL.continuous };
    });
  }
  get LineStyle(): number | null {
    return this._range._uniform((c) => c?.border?.lineStyle ?? XL.none);
  }
  set Weight(v: unknown) {
    if (v !== XL.thin && v !== 1 && v !== -4138 && v !== 4)
      throw new EtError(`边框粗细无效：${String(v)}`);
    this._range._each(
      (c) =>
        (c.border = {
          lineStyle: c.border?.lineStyle ?? XL.continuous,
          ...c.border,
          weight: v as number,
        })
    );
  }
  set Color(v: unknown) {
    const color = checkColor(v);
    this._range._each(
      (c) => (c.border = { lineStyle: c.border?.lineStyle ?? XL.continuous, ...c.border, color })
    );
  }
}

class Comment {
  constructor(
    private readonly _ctx: Context,
    private readonly _sheet: EtSheetModel,
    private readonly _at: Area
  ) {}
  /** The cell the note is on (Excel's Comment.Parent). */
  get Parent(): Range {
    return wrap(this._ctx, "Range", new Range(this._ctx, this._sheet, [this._at]));
  }
  Text(): string {
    return this._sheet.cellAt(this._at.row, this._at.col)?.comment ?? "";
  }
  Delete(): void {
    if (this._sheet.protected) throw new EtError("工作表受保护");
    const cell = this._sheet.cellAt(this._at.row, this._at.col);
    if (cell) cell.comment = null;
  }
}

class FormatCondition {
  constructor(
    private readonly _ctx: Context,
    private readonly _cf: { fill?: number; fontColor?: number }
  ) {}
  get Interior(): { Color: number } {
    const cf = this._cf;
    return wrap(this._ctx, "FormatCondition.Interior", {
      set Color(v: number) {
        cf.fill = checkColor(v);
      },
      get Color() {
        return cf.fill ?? XL.white;
      },
    });
  }
  get Font(): { Color: number } {
    const cf = this._cf;
    return wrap(this._ctx, "FormatCondition.Font", {
      set Color(v: number) {
        cf.fontColor = checkColor(v);
      },
      get Color() {
        return cf.fontColor ?? 0;
      },
    });
  }
}

class FormatConditions {
  constructor(private readonly _range: Range) {}
  get Count(): number {
    return this._range._sheet.formatConditions.filter((f) =>
      this._range._areas.some((a) => overlaps(a, f.area))
    ).length;
  }
  Add(type: unknown, _operator?: unknown, formula1?: unknown): FormatCondition {
    this._range._write();
    if (type !== XL.expression) throw new EtError("替身只支持公式条件格式（xlExpression = 2）");
    if (typeof formula1 !== "string" || !formula1.startsWith("="))
      throw new EtError("条件格式的公式须为以 = 开头的文本");
    if (this._range._areas.length !== 1) throw new EtError("替身的条件格式只用于单个区域");
    // As in Excel, relative references are read from the active cell: kept to check it was the top-left.
    const cf: EtFormatCondition = {
      area: this._range._areas[0],
      formula: formula1,
      anchor: { ...this._range._sheet.selection },
    };
    // Like Excel, a new rule goes first.
    this._range._sheet.formatConditions.unshift(cf);
    return wrap(this._range._ctx, "FormatCondition", new FormatCondition(this._range._ctx, cf));
  }
  Delete(): void {
    this._range._write();
    const sheet = this._range._sheet;
    sheet.formatConditions = sheet.formatConditions.flatMap((f) =>
      this._range._areas
        .reduce((parts, a) => parts.flatMap((p) => subtract(p, a)), [f.area])
        .map((area) => ({ ...f, area }))
    );
  }
}

class Validation {
  constructor(private readonly _range: Range) {}
  private _mine() {
    return this._range._sheet.validations.filter((v) =>
      this._range._areas.some((a) => inside(a, v.area))
    );
  }
  Add(type: unknown, _alert?: unknown, _operator?: unknown, formula1?: unknown): void {
    this._range._write();
    const sheet = this._range._sheet;
    if (type !== XL.validateList) throw new EtError("替身只支持序列有效性（xlValidateList = 3）");
    if (typeof formula1 !== "string" || formula1.length === 0 || formula1.length > 255)
      throw new EtError("序列来源须为 1–255 个字符的文本");
    for (const a of this._range._areas) {
      if (sheet.validations.some((v) => overlaps(v.area, a)))
        throw new EtError(`${a1Of(a)} 已有数据有效性，须先 Delete`);
      sheet.validations.push({ area: a, type: XL.validateList, formula1 });
    }
  }
  Delete(): void {
    this._range._write();
    const sheet = this._range._sheet;
    sheet.validations = sheet.validations.flatMap((v) =>
      this._range._areas
        .reduce((parts, a) => parts.flatMap((p) => subtract(p, a)), [v.area])
        .map((area) => ({ ...v, area }))
    );
  }
  set ErrorTitle(v: string) {
    for (const x of this._mine()) x.errorTitle = v;
  }
  set ErrorMessage(v: string) {
    for (const x of this._mine()) x.errorMessage = v;
  }
  set ShowError(v: boolean) {
    for (const x of this._mine()) x.showError = v;
  }
}

class PageSetup {
  constructor(private readonly _sheet: EtSheetModel) {}
  private get _p() {
    return this._sheet.pageSetup;
  }
  set Orientation(v: number) {
    if (v !== 1 && v !== 2) throw new EtError("Orientation 须为 1（纵向）或 2（横向）");
    this._p.orientation = v;
  }
  set PaperSize(v: number) {
    if (!Number.isInteger(v)) throw new EtError("PaperSize 无效");
    this._p.paperSize = v;
  }
  set Zoom(v: number | false) {
    this._p.zoom = v;
  }
  set FitToPagesWide(v: number | false) {
    this._p.fitToPagesWide = v;
  }
  set FitToPagesTall(v: number | false) {
    this._p.fitToPagesTall = v;
  }
  set PrintTitleRows(v: string) {
    if (typeof v !== "string" || (v !== "" && !/^\$\d+:\$\d+$/.test(v)))
      throw new EtError(`PrintTitleRows 无效：${v}`);
    this._p.printTitleRows = v;
  }
  set LeftHeader(v: string) {
    this._p.headers.LeftHeader = v;
  }
  set CenterHeader(v: string) {
    this._p.headers.CenterHeader = v;
  }
  set RightHeader(v: string) {
    this._p.headers.RightHeader = v;
  }
  set LeftFooter(v: string) {
    this._p.headers.LeftFooter = v;
  }
  set CenterFooter(v: string) {
    this._p.headers.CenterFooter = v;
  }
  set RightFooter(v: string) {
    this._p.headers.RightFooter = v;
  }
}

export class Worksheet {
  constructor(
    readonly _ctx: Context,
    readonly _model: EtSheetModel
  ) {}
  private _alive(): EtSheetModel {
    if (!this._ctx.book.sheets.includes(this._model)) throw new EtError("工作表已被删除");
    return this._model;
  }
  get Name(): string {
    return this._alive().name;
  }
  set Name(v: string) {
    const sheet = this._alive();
    sheet.name = this._ctx.book.checkName(v, sheet);
  }
  get Index(): number {
    return this._ctx.book.sheets.indexOf(this._alive()) + 1;
  }
  get Visible(): number {
    return this._alive().visible;
  }
  set Visible(v: unknown) {
    const sheet = this._alive();
    if (v !== -1 && v !== 0 && v !== 2 && v !== true && v !== false)
      throw new EtError(
        `Visible 须为 xlSheetVisible/xlSheetHidden/xlSheetVeryHidden，不是 ${String(v)}`
      );
    const value = v === true ? -1 : v === false ? 0 : (v as -1 | 0 | 2);
    if (
      value !== -1 &&
      this._ctx.book.sheets.filter((s) => s.visible === -1 && s !== sheet).length === 0
    )
      throw new EtError("不能隐藏最后一个可见的工作表");
    sheet.visible = value;
  }
  Range(address: unknown): Range {
    return wrap(this._ctx, "Range", new Range(this._ctx, this._alive(), parseAddress(address)));
  }
  get UsedRange(): Range {
    const sheet = this._alive();
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of sheet.cells) {
      if (!cellUsed(cell)) continue;
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    const area =
      bottom < 0
        ? { row: 0, col: 0, rowCount: 1, colCount: 1 }
        : { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
    return wrap(this._ctx, "Range", new Range(this._ctx, sheet, [area]));
  }
  Delete(): void {
    const sheet = this._alive();
    const book = this._ctx.book;
    if (this._ctx.app.displayAlerts)
      throw new EtError("删除工作表会弹出确认框（DisplayAlerts 未关闭）");
    if (sheet.visible === -1 && book.sheets.filter((s) => s.visible === -1).length === 1)
      throw new EtError("不能删除最后一个可见的工作表");
    const activeSheet = book.sheets[book.active];
    book.sheets.splice(book.sheets.indexOf(sheet), 1);
    const still = book.sheets.indexOf(activeSheet);
    book.active =
      still >= 0
        ? still
        : Math.max(
            0,
            book.sheets.findIndex((s) => s.visible === -1)
          );
  }
  Activate(): void {
    const sheet = this._alive();
    if (sheet.visible !== -1) throw new EtError("不能激活隐藏的工作表");
    this._ctx.book.active = this._ctx.book.sheets.indexOf(sheet);
  }
  Move(before?: Worksheet, after?: Worksheet): void {
    const sheet = this._alive();
    const book = this._ctx.book;
    const activeSheet = book.sheets[book.active];
    const anchor = (before ?? after)?._model;
    if (!anchor || !book.sheets.includes(anchor))
      throw new EtError("Move 须给出 Before 或 After 工作表");
    book.sheets.splice(book.sheets.indexOf(sheet), 1);
    const at = book.sheets.indexOf(anchor) + (before ? 0 : 1);
    book.sheets.splice(at, 0, sheet);
    book.active = book.sheets.indexOf(activeSheet);
  }
  get Tab(): { Color: number } {
    const sheet = this._alive();
    return wrap(this._ctx, "Tab", {
      get Color() {
        return sheet.tabColor ?? 0;
      },
      set Color(v: number) {
        sheet.tabColor = checkColor(v);
      },
    });
  }
  get PageSetup(): PageSetup {
    return wrap(this._ctx, "PageSetup", new PageSetup(this._alive()));
  }
  get Comments(): Comments {
    return wrap(this._ctx, "Comments", new Comments(this._ctx, this._alive()));
  }
  get Hyperlinks(): { Add: (...args: unknown[]) => void } {
    const sheet = this._alive();
    return wrap(this._ctx, "Hyperlinks", {
      Add(anchor: unknown, address: unknown, subAddress?: unknown, _tip?: unknown, text?: unknown) {
        const range = anchor as Range;
        if (!(range && range._areas && range._sheet === sheet))
          throw new EtError("Hyperlinks.Add 的 Anchor 须为本表的区域");
        if (sheet.protected) throw new EtError("工作表受保护");
        const a = range._areas[0];
        const cell = sheet.touch(a.row, a.col);
        const shown = typeof text === "string" ? text : String(subAddress ?? address);
        cell.hyperlink = {
          address: String(address ?? ""),
          subAddress: String(subAddress ?? ""),
          text: shown,
        };
        cell.value = shown;
        cell.formula = null;
      },
    });
  }
  Protect(...args: unknown[]): void {
    const sheet = this._alive();
    sheet.protected = true;
    (sheet as unknown as { protectOptions: unknown[] }).protectOptions = args;
  }
  Unprotect(): void {
    this._alive().protected = false;
  }
  get ProtectContents(): boolean {
    return this._alive().protected;
  }
  get AutoFilterMode(): boolean {
    return this._alive().autoFilter !== null;
  }
}

export class Worksheets {
  constructor(private readonly _ctx: Context) {}
  _sheet(model: EtSheetModel): Worksheet {
    return wrap(this._ctx, "Worksheet", new Worksheet(this._ctx, model));
  }
  get Count(): number {
    return this._ctx.book.sheets.length;
  }
  Item(index: unknown): Worksheet {
    const book = this._ctx.book;
    if (typeof index === "number") {
      const sheet = book.sheets[index - 1];
      if (!Number.isInteger(index) || !sheet)
        throw new EtError(`下标越界：没有第 ${index} 个工作表（共 ${book.sheets.length} 个）`);
      return this._sheet(sheet);
    }
    if (typeof index === "string") {
      const sheet = book.find(index);
      if (!sheet) throw new EtError(`下标越界：没有名为「${index}」的工作表`);
      return this._sheet(sheet);
    }
    throw new EtError("Item 须给出序号（从 1 起）或名称");
  }
  Add(before?: Worksheet, after?: Worksheet): Worksheet {
    const book = this._ctx.book;
    let n = book.sheets.length + 1;
    while (book.find(`Sheet${n}`)) n++;
    const sheet = new EtSheetModel(`Sheet${n}`);
    const anchor = (before ?? after)?._model;
    const at = anchor ? book.sheets.indexOf(anchor) + (before ? 0 : 1) : book.active; // Excel: before the active sheet
    if (anchor && !book.sheets.includes(anchor))
      throw new EtError("Add 的 Before/After 工作表不存在");
    book.sheets.splice(at, 0, sheet);
    book.active = at;
    return this._sheet(sheet);
  }
}
