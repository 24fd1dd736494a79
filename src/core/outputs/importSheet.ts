import { IsoDate } from "../deadline";
import { dateCell, rect } from "../patch/build";
import type { GridLayout } from "../grid/gridTable";
import type { PatchCell, RangeFormat, Rect, SheetOpInput } from "../patch/schema";
import { defaultHeaderVocabulary, type HeaderVocabulary } from "../parse/vocabulary";
import type { Column, Row, Table } from "../table/schema";
import {
  carriedProgress,
  deadlineNote,
  statusValidation,
  withTrackingColumns,
} from "../tracking/columns";
import {
  QUARTER_KEYS,
  hasQuarterGoals,
  rowDeadline,
  unreadableDeadline,
} from "../tracking/deadline";
import { trackingFormats } from "../tracking/formulas";
import { TrackingOptions, type TrackingOptionsInput } from "../tracking/schema";
import {
  HEADER_ROW,
  importHeaderRows,
  importLines,
  importSheetName,
  TITLE_ROW,
} from "./importLayout";
import { laidOutForPrint, MARK_LEGEND, titleRowLegend, TRACKING_LEGEND } from "./print";
import { COLORS, HEAD_FONT, TITLE_FONT, fittedWidth } from "./style";

export { importSheetName };

/** A table's 导入 sheet, and where each of its rows and fields lands in it. */
export interface ImportedSheet {
  op: SheetOpInput;
  layout: GridLayout;
}

/**
 * 导入 with tracking: 截止日期, 完成状态 and 进展情况 columns at the right, coloured by conditional
 * formats (超期, 即将到期, 已完成, 无截止日期). `previous` is the table read back from the sheet
 * this one replaces: what users typed into 完成状态 and 进展情况 there is kept, row by row.
 */
export interface ImportTracking extends TrackingOptionsInput {
  previous?: Table | null;
}

/**
 * 导入: one sheet per table, formatted for people. The title sits on top; the header (two rows
 * when columns are grouped, as 阶段性目标 over 一季度…四季度) is bold, shaded and frozen;
 * section rows (一、…) and 涉及领域 rows (2．…) are set apart as full-width bands, as the
 * printed tables group them; cells continuing a merged cell are grey; the table's note goes
 * under it. Prints on A4 landscape with the header repeated on every page.
 */
export function buildImportSheet(
  table: Table,
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary(),
  tracking?: ImportTracking
): ImportedSheet {
  const options = tracking ? TrackingOptions.parse(tracking) : null;
  const own = table.columns.filter((c) => c.key !== "domain");
  const columns = options ? withTrackingColumns(own) : own;
  const rows = options ? trackedRows(table, tracking?.previous, options.checkDate) : table.rows;
  const width = columns.length;
  const grouped = columns.some((c) => c.group !== null);
  const headerRows = importHeaderRows(table);
  const legend = titleRowLegend(
    TITLE_ROW,
    columns.map((_, i) => i),
    options ? [...MARK_LEGEND, ...TRACKING_LEGEND] : MARK_LEGEND
  );
  const titleRow: PatchCell[] = [table.title, ...blank(width - 1)];
  for (const { col, text } of legend.values) titleRow[col] = text;
  const values: PatchCell[][] = [titleRow];
  const merges: Rect[] = [rect(TITLE_ROW, 0, 1, legend.titleSpan)];
  const formats: RangeFormat[] = [
    {
      range: rect(TITLE_ROW, 0, 1, legend.titleSpan),
      font: TITLE_FONT,
      vertical: "center",
      wrap: true,
    },
    ...legend.formats,
  ];
  const rowIndex: number[] = [];

  values.push(...headerValues(columns, grouped, merges));
  formats.push({
    range: rect(HEADER_ROW, 0, headerRows, width),
    fill: COLORS.headerFill,
    font: HEAD_FONT,
    wrap: true,
    horizontal: "center",
    vertical: "center",
  });

  const merged = verticalMerges();
  const bandFill = { section: COLORS.sectionFill, domain: COLORS.domainFill };
  for (const line of importLines(table, rows)) {
    const at = values.length;
    if (!("row" in line)) {
      values.push([line.band, ...blank(width - 1)]);
      merges.push(rect(at, 0, 1, width));
      formats.push({
        range: rect(at, 0, 1, width),
        fill: bandFill[line.kind],
        font: { bold: true },
        wrap: true,
      });
      continue;
    }
    const { row } = line;
    const follows = rowIndex[rowIndex.length - 1] === at - 1;
    rowIndex.push(at);
    values.push(
      columns.map((c, i) => {
        if (!follows || !row.merged.includes(c.key)) return cellOf(row, c);
        merged.extend(i, at);
        return null;
      })
    );
  }
  merges.push(...merged.rects());
  const bodyStart = HEADER_ROW + headerRows;
  if (values.length > bodyStart) {
    formats.push({
      range: rect(bodyStart, 0, values.length - bodyStart, width),
      wrap: true,
      vertical: "top",
    });
  }
  formats.push({
    range: rect(HEADER_ROW, 0, values.length - HEADER_ROW, width),
    borders: { color: "#808080" },
  });
  if (table.note) {
    const at = values.length + 1;
    values.push(blank(width), [table.note, ...blank(width - 1)]);
    merges.push(rect(at, 0, 1, width));
    formats.push({ range: rect(at, 0, 1, width), wrap: true });
  }

  const sheet = importSheetName(table, vocabulary);
  const columnIndex: GridLayout["columnIndex"] = {};
  columns.forEach((c, i) => (columnIndex[c.key] = i));
  const op: SheetOpInput = {
    sheet,
    mode: "replace",
    generated: { kind: "import", key: table.id },
    tabColor: COLORS.tab,
    columns: columns.map((c, i) => ({ col: i, width: columnWidth(c, rows, i === 0) })),
    rows: [{ row: TITLE_ROW, height: 36 }],
    values: [{ row: 0, col: 0, values }],
    formats,
    merges,
    freeze: { rows: bodyStart, cols: 0 },
    print: { titleRows: { first: HEADER_ROW, count: headerRows } },
  };
  if (options && rowIndex.length > 0) {
    const col = (key: Column["key"]) => columns.findIndex((c) => c.key === key);
    // Colours and the drop-down cover the data rows only, not the note under the table.
    const rowCount = rowIndex[rowIndex.length - 1] + 1 - bodyStart;
    const quarterCols = QUARTER_KEYS.map(col);
    op.conditionalFormats = trackingFormats(
      {
        firstRow: bodyStart,
        rowCount,
        deadlineCol: col("deadline"),
        statusCol: col("status"),
        quarters:
          hasQuarterGoals(table) && table.planYear !== null && quarterCols.every((c) => c >= 0)
            ? { cols: quarterCols, planYear: table.planYear, mixed: false }
            : undefined,
      },
      options
    );
    op.validations = [statusValidation(bodyStart, col("status"), rowCount)];
    op.notes = [deadlineNote(HEADER_ROW, col("deadline"), hasQuarterGoals(table), options)];
    // A 截止日期 left empty because its date is not on a calendar says so on the cell.
    rows.forEach((row, i) => {
      const reason = unreadableDeadline(table, row, options.checkDate);
      if (reason) op.notes?.push({ row: rowIndex[i], col: col("deadline"), text: reason });
    });
  }
  const headerRowIndexes = Array.from({ length: headerRows }, (_, i) => HEADER_ROW + i);
  const printed = laidOutForPrint(op, { title: table.title, checkDate: options?.checkDate });
  return { op: printed, layout: { sheet, headerRows: headerRowIndexes, rowIndex, columnIndex } };
}

/**
 * A cell the source table merged over several rows (分管领导 of 区重点工作 #1–#5) is merged over
 * the same rows here, as printed, so reading the sheet back finds one value, not five: 校验 of
 * the sheet then counts what 校验 of the text counts.
 */
function verticalMerges() {
  const all: Rect[] = [];
  const open = new Map<number, Rect>();
  return {
    /** The cell at (row, col) continues the one above it. */
    extend(col: number, row: number): void {
      const run = open.get(col);
      if (run && run.row + run.rowCount === row) run.rowCount++;
      else {
        const started = { ...rect(row - 1, col), rowCount: 2 };
        open.set(col, started);
        all.push(started);
      }
    },
    rects: (): Rect[] => all,
  };
}

/** Rows with their tracking fields: the deadline on the check date, status and progress carried over. */
function trackedRows(table: Table, previous: Table | null | undefined, checkDate: string): Row[] {
  const carried = carriedProgress(table, previous);
  return table.rows.map((row, i) => ({
    ...row,
    fields: {
      ...row.fields,
      deadline: rowDeadline(table, row, checkDate) ?? "",
      status: carried[i].status,
      progress: carried[i].progress,
    },
  }));
}

function headerValues(columns: Column[], grouped: boolean, merges: Rect[]): PatchCell[][] {
  if (!grouped) return [columns.map((c) => c.title)];
  const top: PatchCell[] = [];
  const bottom: PatchCell[] = [];
  columns.forEach((c, i) => {
    const startsGroup = c.group !== null && columns[i - 1]?.group !== c.group;
    if (c.group === null) {
      top.push(c.title);
      bottom.push(null);
      merges.push(rect(HEADER_ROW, i, 2, 1));
    } else {
      top.push(startsGroup ? c.group : null);
      bottom.push(c.title);
      if (startsGroup) {
        const span = columns.slice(i).findIndex((o) => o.group !== c.group);
        const count = span < 0 ? columns.length - i : span;
        if (count > 1) merges.push(rect(HEADER_ROW, i, 1, count));
      }
    }
  });
  return [top, bottom];
}

function cellOf(row: Row, column: Column): PatchCell {
  if (column.key === "seq") return row.seq;
  // The add-in's own 截止日期 is a real date, so the colouring formulas can compare it.
  const deadline = IsoDate.safeParse(row.fields.deadline);
  if (column.key === "deadline" && deadline.success) return dateCell(deadline.data);
  return row.fields[column.key] ?? "";
}

/** Widest a column gets before its text wraps: prose is read in long lines, names in short ones. */
const CEILING: Partial<Record<Column["key"], number>> = {
  task: 40,
  detail: 40,
  q1: 40,
  q2: 40,
  q3: 40,
  q4: 40,
  progress: 40,
  leader: 12,
  lead: 16,
  coop: 16,
  cityUnit: 16,
  category: 16,
};

function columnWidth(column: Column, rows: readonly Row[], first: boolean): number {
  if (column.key === "seq") return 6;
  if (column.key === "deadline") return 12;
  if (column.key === "status") return 10;
  const texts = rows.map((r) => r.fields[column.key] ?? "");
  // Long prose columns wrap at a comfortable reading width; short ones fit their content.
  return fittedWidth(
    [column.title, ...texts],
    column.key === "progress" ? 20 : first ? 10 : 8,
    CEILING[column.key] ?? 24
  );
}

function blank(count: number): PatchCell[] {
  return Array.from({ length: Math.max(0, count) }, () => null);
}
