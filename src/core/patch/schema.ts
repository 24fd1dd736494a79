import { z } from "zod";
import { MAX_COLUMN, MAX_ROW } from "./address";
import { sameSheetName, sheetNameProblem } from "./sheetName";

/**
 * A WorkbookPatch: what the core wants written into a workbook, declared as data. Adapters
 * (Office.js in Excel, ExcelJS for files) carry it out; they decide nothing about content.
 *
 * Host-neutral conventions:
 * - rows and columns are 0-based sheet coordinates; adapters turn them into A1 addresses;
 * - colours are "#RRGGBB";
 * - column widths are in characters (Excel's column-width unit), row heights in points;
 * - a date is an ISO date ("2022-09-30"), written as an Excel date serial with DATE_FORMAT;
 * - a string is always written as text (number format "@"), so "+C18" or "=…" never becomes a formula.
 */

/** Version of this format, stored in every generated sheet's marker. */
export const PATCH_VERSION = 1;

const Index = z.number().int().nonnegative();
const RowIndex = Index.max(MAX_ROW);
const ColIndex = Index.max(MAX_COLUMN);

export const Color = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { error: "颜色须写成 #RRGGBB" });
export type Color = z.infer<typeof Color>;

export const SheetName = z.string().superRefine((name, ctx) => {
  const problem = sheetNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A rectangle of cells; a single cell when the counts are left out. */
export const Rect = z.object({
  row: RowIndex,
  col: ColIndex,
  rowCount: z.number().int().positive().default(1),
  colCount: z.number().int().positive().default(1),
});
export type Rect = z.infer<typeof Rect>;

/** A date cell: an ISO date, written as a real Excel date. */
export const DateCell = z.object({ date: z.iso.date() });
export type DateCell = z.infer<typeof DateCell>;

/** A cell that shows `text` and links to a cell in this workbook (an internal hyperlink). */
export const LinkCell = z.object({
  text: z.string(),
  link: z.object({ sheet: SheetName, row: RowIndex, col: ColIndex }),
});
export type LinkCell = z.infer<typeof LinkCell>;

/** One cell of a value block. null is an empty cell (it clears what was there). */
export const PatchCell = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  DateCell,
  LinkCell,
]);
export type PatchCell = z.infer<typeof PatchCell>;

/** A rectangle of values whose top-left cell is (row, col). Every row has the same length. */
export const ValueBlock = z
  .object({ row: RowIndex, col: ColIndex, values: z.array(z.array(PatchCell)).min(1) })
  .refine((b) => b.values[0].length > 0 && b.values.every((r) => r.length === b.values[0].length), {
    error: "值块的每一行必须同样长，且不能为空",
  });
export type ValueBlock = z.infer<typeof ValueBlock>;

export const Font = z.object({
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  color: Color.optional(),
  size: z.number().positive().optional(),
  name: z.string().min(1).optional(),
});
export type Font = z.infer<typeof Font>;

/** Formatting of a rectangle. Every part is optional; what is left out is left as it is. */
export const RangeFormat = z.object({
  range: Rect,
  numberFormat: z.string().optional(),
  fill: Color.optional(),
  font: Font.optional(),
  wrap: z.boolean().optional(),
  horizontal: z.enum(["left", "center", "right"]).optional(),
  vertical: z.enum(["top", "center", "bottom"]).optional(),
  /** Thin lines around and inside the rectangle. */
  borders: z.object({ color: Color.default("#000000") }).optional(),
});
export type RangeFormat = z.infer<typeof RangeFormat>;

/**
 * Column width in characters (Excel's column-width unit; 8.43 is Excel's default). `hidden`
 * hides the column (bookkeeping columns of generated sheets, such as the last synced values).
 */
export const ColumnSpec = z.object({
  col: ColIndex,
  width: z.number().positive().max(255),
  hidden: z.boolean().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

/** Row height in points. */
export const RowSpec = z.object({ row: RowIndex, height: z.number().positive().max(409) });
export type RowSpec = z.infer<typeof RowSpec>;

/** Rows above and columns left of the split stay in view while scrolling. */
export const Freeze = z.object({ rows: Index.default(0), cols: Index.default(0) });
export type Freeze = z.infer<typeof Freeze>;

/**
 * A custom-formula conditional format. As in Excel, the formula is written for the range's
 * top-left cell and shifts over the range: on F2:G200, =AND($F2<>"",$F2<TODAY(),$G2<>"已完成").
 */
export const ConditionalFormat = z
  .object({
    range: Rect,
    formula: z.string().startsWith("=", { error: "条件格式的公式须以 = 开头" }),
    fill: Color.optional(),
    fontColor: Color.optional(),
  })
  .refine((c) => c.fill !== undefined || c.fontColor !== undefined, {
    error: "条件格式须至少给出填充色或字体颜色",
  });
export type ConditionalFormat = z.infer<typeof ConditionalFormat>;

/** A drop-down list on every cell of the range; other input is refused with `errorMessage`. */
export const ListValidation = z.object({
  range: Rect,
  list: z
    .array(
      z
        .string()
        .min(1)
        .refine((s) => !s.includes(","), { error: "下拉选项不能含英文逗号" })
    )
    .min(1),
  errorMessage: z.string().optional(),
});
export type ListValidation = z.infer<typeof ListValidation>;

/** A cell note (the classic yellow note). */
export const CellNote = z.object({ row: RowIndex, col: ColIndex, text: z.string().min(1) });
export type CellNote = z.infer<typeof CellNote>;

/** One line of a printed header or footer, in three parts. */
export const HeaderFooterText = z.object({
  left: z.string().optional(),
  center: z.string().optional(),
  right: z.string().optional(),
});
export type HeaderFooterText = z.infer<typeof HeaderFooterText>;

export const PrintSetup = z.object({
  orientation: z.enum(["landscape", "portrait"]).default("landscape"),
  paper: z.enum(["A4", "A3"]).default("A4"),
  /** Rows repeated at the top of every printed page. */
  titleRows: z.object({ first: RowIndex, count: z.number().int().positive() }).optional(),
  /** Shrink so all columns fit on one page width (pages run on downward as needed). */
  fitToWidth: z.boolean().default(true),
  /**
   * Print at this fixed percentage instead (fitToWidth is then ignored). LibreOffice fits some
   * sheets to far less than their columns need (校验结果 printed at 5.6 pt), so the core works
   * out the scale from the column widths it set and states it.
   */
  scale: z.number().int().min(10).max(400).optional(),
  /**
   * Text at the top and bottom of every printed page, left / centre / right, in Excel's
   * header codes (&P the page number, &N the page count).
   */
  header: HeaderFooterText.optional(),
  footer: HeaderFooterText.optional(),
});
export type PrintSetup = z.infer<typeof PrintSetup>;

/**
 * Sheet protection without a password: every cell is locked except `editable`, so a unit fills
 * in its columns and cannot break the structure by accident (anyone may lift it, on purpose).
 */
export const Protection = z.object({
  editable: z.array(Rect).default([]),
  /** Sorting and filtering stay allowed: units reorder their list; 回收 matches rows by key. */
  allowSort: z.boolean().default(true),
});
export type Protection = z.infer<typeof Protection>;

/** hidden sheets are listed in 取消隐藏; veryHidden ones are not (bookkeeping sheets). */
export const SheetVisibility = z.enum(["visible", "hidden", "veryHidden"]);
export type SheetVisibility = z.infer<typeof SheetVisibility>;

/**
 * A highlight on a cell of an existing sheet: a fill, and optionally a note with the message.
 * The core cannot know the cell's fill before marking; the adapter records it so that
 * clearing marks restores it.
 */
export const Mark = z.object({
  row: RowIndex,
  col: ColIndex,
  fill: Color,
  note: z.string().min(1).optional(),
});
export type Mark = z.infer<typeof Mark>;

export const GeneratedKind = z.enum([
  "import",
  "unit",
  "leader",
  "issues",
  "summary",
  "roster",
  /** 下发: a unit's file, and the hidden sheet saying which master and rows it came from. */
  "distribute",
  /** 回收情况: what came back from the units. */
  "collect",
]);
export type GeneratedKind = z.infer<typeof GeneratedKind>;

/** Says a sheet was made by the add-in, so it may later be replaced; user sheets never carry it. */
export const GeneratedMarker = z.object({
  kind: GeneratedKind,
  version: z.number().int().positive().default(PATCH_VERSION),
  /** Stable identity within the kind, e.g. a table id or a unit's canonical name. */
  key: z.string().optional(),
});
export type GeneratedMarker = z.infer<typeof GeneratedMarker>;

/**
 * - create: a new sheet; fails if a sheet of that name exists.
 * - replace: a sheet the add-in generated is rebuilt from nothing (or created if missing);
 *   fails, before anything is written, if the existing sheet is not marked as generated.
 * - update: an existing sheet (a user's, or a generated one) gets the listed changes only.
 */
export const SheetMode = z.enum(["create", "replace", "update"]);
export type SheetMode = z.infer<typeof SheetMode>;

export const SheetOp = z
  .object({
    sheet: SheetName,
    mode: SheetMode,
    generated: GeneratedMarker.optional(),
    /** 0-based tab position; beyond the last tab means last. */
    position: Index.optional(),
    tabColor: Color.optional(),
    activate: z.boolean().default(false),
    columns: z.array(ColumnSpec).default([]),
    rows: z.array(RowSpec).default([]),
    values: z.array(ValueBlock).default([]),
    formats: z.array(RangeFormat).default([]),
    merges: z.array(Rect).default([]),
    freeze: Freeze.optional(),
    /** Filter buttons on the header row of this range (its first row). */
    autoFilter: Rect.optional(),
    /** Ranges whose conditional formats are removed before `conditionalFormats` are added. */
    clearConditionalFormats: z.array(Rect).default([]),
    conditionalFormats: z.array(ConditionalFormat).default([]),
    validations: z.array(ListValidation).default([]),
    notes: z.array(CellNote).default([]),
    /** Where notes (ExcelApi 1.18) are missing: use comments (1.10), or leave the text out. */
    noteFallback: z.enum(["comment", "skip"]).default("comment"),
    print: PrintSetup.optional(),
    protection: Protection.optional(),
    visibility: SheetVisibility.optional(),
    /** Remove this sheet's earlier marks first, restoring each cell's original fill. */
    clearMarks: z.boolean().default(false),
    marks: z.array(Mark).default([]),
  })
  .superRefine((op, ctx) => {
    if (op.mode !== "update" && !op.generated) {
      ctx.addIssue({
        code: "custom",
        path: ["generated"],
        message: `新建或替换的工作表「${op.sheet}」必须带有生成标记`,
      });
    }
    const key = (c: { row: number; col: number }): string => `${c.row},${c.col}`;
    const markCells = op.marks.map(key);
    const textCells = [...op.marks.filter((m) => m.note), ...op.notes].map(key);
    if (
      new Set(markCells).size !== markCells.length ||
      new Set(textCells).size !== textCells.length
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["marks"],
        message: `工作表「${op.sheet}」的同一单元格有多个标记或说明，请合并为一条`,
      });
    }
    if (op.mode !== "update" && (op.marks.length > 0 || op.clearMarks)) {
      ctx.addIssue({
        code: "custom",
        path: ["marks"],
        message: `标记只能加在已有的工作表上（「${op.sheet}」）`,
      });
    }
  });
export type SheetOp = z.infer<typeof SheetOp>;
export type SheetOpInput = z.input<typeof SheetOp>;

export const WorkbookPatch = z.object({ sheets: z.array(SheetOp) }).superRefine((patch, ctx) => {
  patch.sheets.forEach((op, i) => {
    if (patch.sheets.findIndex((other) => sameSheetName(other.sheet, op.sheet)) !== i) {
      ctx.addIssue({
        code: "custom",
        path: ["sheets", i, "sheet"],
        message: `工作表「${op.sheet}」在写入计划中出现了两次`,
      });
    }
  });
  if (patch.sheets.filter((op) => op.activate).length > 1) {
    ctx.addIssue({ code: "custom", path: ["sheets"], message: "写入计划只能激活一个工作表" });
  }
});
export type WorkbookPatch = z.infer<typeof WorkbookPatch>;
export type WorkbookPatchInput = z.input<typeof WorkbookPatch>;
