import { VALIDATION_ERROR_TITLE, validationErrorMessage } from "../core/patch/messages";
import { rowsA1, sheetCellA1 } from "../core/patch/address";
import { type ResolvedCell, resolveCell } from "../core/patch/cells";
import type { Rect, SheetOp } from "../core/patch/schema";
import { columnWidthPoints } from "../core/patch/units";
import { type RequestBatcher, rowRuns } from "./batch";
import { stepBytes, utf8Length } from "./wire";
import type { Capabilities } from "./capabilities";

/** What every queue function needs: the request, the batcher, what this Excel can do. */
export interface Writer {
  context: Excel.RequestContext;
  batcher: RequestBatcher;
  caps: Capabilities;
  budget: number;
  /** Chinese notes on features this Excel lacked, for the report. */
  fallbacks: string[];
}

function rangeOf(worksheet: Excel.Worksheet, r: Rect): Excel.Range {
  return worksheet.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount);
}

function fill2d<T>(rowCount: number, colCount: number, value: T): T[][] {
  return Array.from({ length: rowCount }, () => new Array<T>(colCount).fill(value));
}

/** Excel's spelling of an alignment: "left" → "Left". */
function capitalized<T extends string>(word: T): Capitalize<T> {
  return (word.charAt(0).toUpperCase() + word.slice(1)) as Capitalize<T>;
}

export async function queueLayout(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  for (const { col, width, hidden } of op.columns) {
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 1, actions: 2, data: [width, hidden] }),
      op.sheet,
      () => {
        // A range's column width and visibility are those of its whole columns.
        const column = worksheet.getRangeByIndexes(0, col, 1, 1);
        column.format.columnWidth = columnWidthPoints(width);
        if (hidden !== undefined) column.columnHidden = hidden;
      }
    );
  }
  for (const { row, height } of op.rows) {
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 1, actions: 1, data: [height] }),
      op.sheet,
      () => {
        worksheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = height;
      }
    );
  }
}

/**
 * Values go in row runs sized to the payload budget. Each run sets the number formats first —
 * "@" on text — and then the values, so text that starts with =, + or - stays text.
 */
export async function queueValues(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  for (const block of op.values) {
    const resolved: ResolvedCell[][] = block.values.map((row) => row.map(resolveCell));
    const values = resolved.map((row) => row.map((cell) => cell.value));
    const formats = resolved.map((row) => row.map((cell) => cell.numberFormat));
    const rowBytes = values.map(
      (row, i) => utf8Length(JSON.stringify(row)) + utf8Length(JSON.stringify(formats[i]))
    );
    for (const run of rowRuns(rowBytes, w.budget / 2)) {
      const runValues = values.slice(run.start, run.start + run.count);
      const runFormats = formats.slice(run.start, run.start + run.count);
      await w.batcher.add(
        stepBytes({ ranges: 1, actions: 2, data: [runValues, runFormats] }),
        op.sheet,
        () => {
          const range = worksheet.getRangeByIndexes(
            block.row + run.start,
            block.col,
            run.count,
            runValues[0].length
          );
          range.numberFormat = runFormats;
          range.values = runValues;
        }
      );
    }
    for (const [r, row] of resolved.entries()) {
      for (const [c, cell] of row.entries()) {
        const link = cell.link;
        if (!link) continue;
        const hyperlink = {
          documentReference: sheetCellA1(link.sheet, link.row, link.col),
          textToDisplay: String(cell.value),
        };
        await w.batcher.add(
          stepBytes({ ranges: 1, actions: 1, data: [hyperlink] }),
          op.sheet,
          () => {
            worksheet.getRangeByIndexes(block.row + r, block.col + c, 1, 1).hyperlink = hyperlink;
          }
        );
      }
    }
  }
}

const OUTER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

export async function queueFormats(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  for (const spec of op.formats) {
    const { range: r, numberFormat, ...style } = spec;
    if (numberFormat !== undefined) {
      const rowBytes = new Array<number>(r.rowCount).fill(
        r.colCount * (utf8Length(JSON.stringify(numberFormat)) + 1)
      );
      for (const run of rowRuns(rowBytes, w.budget / 2)) {
        const formats = fill2d(run.count, r.colCount, numberFormat);
        await w.batcher.add(stepBytes({ ranges: 1, actions: 1, data: [formats] }), op.sheet, () => {
          worksheet.getRangeByIndexes(
            r.row + run.start,
            r.col,
            run.count,
            r.colCount
          ).numberFormat = formats;
        });
      }
    }
    const edges: Array<(typeof OUTER_EDGES)[number] | "InsideHorizontal" | "InsideVertical"> =
      style.borders ? [...OUTER_EDGES] : [];
    // Inside lines exist only where the range has more than one row or column.
    if (style.borders && r.rowCount > 1) edges.push("InsideHorizontal");
    if (style.borders && r.colCount > 1) edges.push("InsideVertical");
    // The range and its format; the fill, the font, the border collection and each border used.
    const shape = {
      ranges: 1,
      proxies:
        1 + Number(!!style.fill) + Number(!!style.font) + (edges.length > 0 ? 1 + edges.length : 0),
      actions: Object.keys(style).length + Object.keys(style.font ?? {}).length + 3 * edges.length,
      data: [style, edges],
    };
    await w.batcher.add(stepBytes(shape), op.sheet, () => {
      const format = rangeOf(worksheet, r).format;
      if (style.fill) format.fill.color = style.fill;
      if (style.font?.bold !== undefined) format.font.bold = style.font.bold;
      if (style.font?.italic !== undefined) format.font.italic = style.font.italic;
      if (style.font?.color) format.font.color = style.font.color;
      if (style.font?.size) format.font.size = style.font.size;
      if (style.font?.name) format.font.name = style.font.name;
      if (style.wrap !== undefined) format.wrapText = style.wrap;
      if (style.horizontal) format.horizontalAlignment = capitalized(style.horizontal);
      if (style.vertical) format.verticalAlignment = capitalized(style.vertical);
      for (const edge of edges) {
        const border = format.borders.getItem(edge);
        border.style = "Continuous";
        border.weight = "Thin";
        border.color = style.borders!.color;
      }
    });
  }
}

export async function queueMerges(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  for (const r of op.merges) {
    await w.batcher.add(stepBytes({ ranges: 1, actions: 1 }), op.sheet, () =>
      rangeOf(worksheet, r).merge(false)
    );
  }
}

export async function queueConditionalFormats(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  for (const r of op.clearConditionalFormats) {
    await w.batcher.add(stepBytes({ ranges: 1, proxies: 1, actions: 1 }), op.sheet, () =>
      rangeOf(worksheet, r).conditionalFormats.clearAll()
    );
  }
  for (const spec of op.conditionalFormats) {
    // The range, its collection, the rule, .custom, .rule, .format, .fill and .font.
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 7, actions: 4, data: [spec] }),
      op.sheet,
      () => {
        const custom = rangeOf(worksheet, spec.range).conditionalFormats.add("Custom").custom;
        custom.rule.formula = spec.formula;
        if (spec.fill) custom.format.fill.color = spec.fill;
        if (spec.fontColor) custom.format.font.color = spec.fontColor;
      }
    );
  }
}

export async function queueValidations(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  if (op.validations.length === 0) return;
  if (!w.caps.dataValidation) {
    w.fallbacks.push(
      `此版本 Excel 不支持数据验证（需 ExcelApi 1.8），工作表「${op.sheet}」的下拉列表未设置，可直接输入。`
    );
    return;
  }
  for (const spec of op.validations) {
    await w.batcher.add(
      stepBytes({ ranges: 1, proxies: 1, actions: 3, data: [spec, spec] }),
      op.sheet,
      () => {
        const validation = rangeOf(worksheet, spec.range).dataValidation;
        // Excel refuses a new rule on cells that already have one.
        validation.clear();
        validation.rule = { list: { inCellDropDown: true, source: spec.list.join(",") } };
        validation.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: VALIDATION_ERROR_TITLE,
          message: validationErrorMessage(spec),
        };
      }
    );
  }
}

export async function queueFreeze(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  const freeze = op.freeze;
  if (!freeze) return;
  await w.batcher.add(stepBytes({ proxies: 1, actions: 1, data: [freeze] }), op.sheet, () => {
    if (freeze.rows > 0) worksheet.freezePanes.freezeRows(freeze.rows);
    else worksheet.freezePanes.unfreeze();
  });
  if (freeze.cols > 0) {
    w.fallbacks.push(
      `工作表「${op.sheet}」只冻结了前 ${freeze.rows} 行，前 ${freeze.cols} 列未冻结（督办助手在 Excel 中暂不冻结列）。`
    );
  }
}

/** Filter buttons on 校验结果's header (AutoFilter, ExcelApi 1.9 as page layout). */
export async function queueAutoFilter(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  const area = op.autoFilter;
  if (!area || !w.caps.pageLayout) return;
  await w.batcher.add(
    stepBytes({ ranges: 1, proxies: 1, actions: 1, data: [area] }),
    op.sheet,
    () => {
      worksheet.autoFilter.apply(
        worksheet.getRangeByIndexes(area.row, area.col, area.rowCount, area.colCount)
      );
    }
  );
}

export async function queuePrint(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  const print = op.print;
  if (!print) return;
  if (!w.caps.pageLayout) {
    w.fallbacks.push(
      `此版本 Excel 不支持页面设置（需 ExcelApi 1.9），工作表「${op.sheet}」未设置打印格式，请在「页面布局」中手动设置纸张与标题行。`
    );
    return;
  }
  await w.batcher.add(stepBytes({ proxies: 1, actions: 4, data: [print, print] }), op.sheet, () => {
    const layout = worksheet.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = print.paper;
    if (print.titleRows)
      layout.setPrintTitleRows(rowsA1(print.titleRows.first, print.titleRows.count));
    // One page wide, as many pages tall as needed (0 = no limit, as in the file format).
    if (print.scale !== undefined) layout.zoom = { scale: print.scale };
    else if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const pages = layout.headersFooters.defaultForAllPages;
    if (print.header) {
      pages.leftHeader = print.header.left ?? "";
      pages.centerHeader = print.header.center ?? "";
      pages.rightHeader = print.header.right ?? "";
    }
    if (print.footer) {
      pages.leftFooter = print.footer.left ?? "";
      pages.centerFooter = print.footer.center ?? "";
      pages.rightFooter = print.footer.right ?? "";
    }
  });
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/**
 * Protection without a password, every cell locked but the editable ranges (ExcelApi 1.2), and
 * the sheet's visibility. Both are part of the files 下发 makes; kept here so a patch means the
 * same in Excel as in a file.
 */
export async function queueProtection(
  w: Writer,
  worksheet: Excel.Worksheet,
  op: SheetOp
): Promise<void> {
  const protection = op.protection;
  if (protection) {
    for (const range of protection.editable)
      await w.batcher.add(stepBytes({ ranges: 1, actions: 1 }), op.sheet, () => {
        rangeOf(worksheet, range).format.protection.locked = false;
      });
    await w.batcher.add(stepBytes({ proxies: 1, actions: 1, data: [protection] }), op.sheet, () =>
      worksheet.protection.protect({
        allowFormatColumns: true,
        allowFormatRows: true,
        allowSort: protection.allowSort,
        allowAutoFilter: protection.allowSort,
      })
    );
  }
  const visibility = op.visibility;
  if (visibility)
    await w.batcher.add(stepBytes({ proxies: 1, actions: 1, data: [visibility] }), op.sheet, () => {
      worksheet.visibility = VISIBILITY[visibility] as Excel.SheetVisibility;
    });
}
