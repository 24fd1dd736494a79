import { toChineseDate } from "../deadline";
import { singleSheetName, type ExistingSheet } from "../outputs/generatedNames";
import { COLORS, displayWidth, TITLE_FONT } from "../outputs/style";
import { rect } from "../patch/build";
import type {
  GeneratedMarker,
  ListValidation,
  PatchCell,
  RangeFormat,
  Rect,
  SheetOpInput,
} from "../patch/schema";
import type { Roster } from "../roster/schema";
import { validate } from "../rules";
import { buildSummarySheet, SUMMARY_SHEET, summarize } from "../summary";
import type { Table } from "../table/schema";
import type { CollectResult, Decision, SheetCell } from "./collect";
import { DECISION_HEADER, decisionCells, optionLabel } from "./decisionRows";
import type { Master } from "./master";

export const COLLECT_SHEET = "回收情况";

/**
 * The 回收情况 sheet of a workbook, where the user picks each conflict's 处理: the one 回收
 * generated, else one of that name.
 */
export function collectSheetName(
  sheets: readonly { name: string; generated: GeneratedMarker | null }[]
): string | null {
  return (
    sheets.find((s) => s.generated?.kind === "collect")?.name ??
    sheets.find((s) => s.name === COLLECT_SHEET)?.name ??
    null
  );
}

export interface CollectPatchOptions {
  /** The day the returns are taken in (YYYY-MM-DD): the 汇总 is dated on it. */
  checkDate: string;
  roster: Roster;
  /** The master's sheets, so generated sheets are reused and no user sheet is replaced. */
  existing: readonly ExistingSheet[];
}

/**
 * The option each decision takes, by index into decision.options (0, keep the master, when
 * left out).
 */
export type Choices = ReadonlyMap<Decision, number>;

/** The cells that end up written: the settled values, then the chosen options. */
export function finalWrites(
  result: CollectResult,
  choices: Choices
): { cell: SheetCell; value: string }[] {
  const out = result.writes.map((w) => ({ cell: w.cell, value: w.after }));
  for (const d of result.decisions) {
    const option = d.options[choices.get(d) ?? 0];
    if (d.cell && option && option.kind !== "master")
      out.push({ cell: d.cell, value: option.value });
  }
  return out;
}

/**
 * What 回收 writes into the master: the values (update ops, text as text), headers of columns it
 * added, the 回收情况 sheet, and a 汇总 counted on the new statuses. No other cell is touched.
 */
export function collectPatch(
  master: Master,
  result: CollectResult,
  choices: Choices,
  options: CollectPatchOptions
): SheetOpInput[] {
  const writes = finalWrites(result, choices);
  const bySheet = new Map<string, { row: number; col: number; values: PatchCell[][] }[]>();
  const put = (sheet: string, row: number, col: number, value: string) => {
    const list = bySheet.get(sheet) ?? [];
    list.push({ row, col, values: [[value]] });
    bySheet.set(sheet, list);
  };
  for (const c of result.newColumns) put(c.sheet, c.row, c.col, c.title);
  for (const w of writes) put(w.cell.sheet, w.cell.row, w.cell.col, w.value);
  const ops: SheetOpInput[] = [...bySheet].map(([sheet, values]) => ({
    sheet,
    mode: "update",
    values,
    columns: result.newColumns
      .filter((c) => c.sheet === sheet)
      .map((c) => ({ col: c.col, width: c.title === "完成状态" ? 10 : 30 })),
  }));

  const collectName = singleSheetName("collect", COLLECT_SHEET, options.existing);
  ops.push(collectSheet(collectName, result, choices, options.checkDate));
  const tables = updatedTables(master, writes);
  const summary = summarize(
    tables,
    validate(tables, {
      ...options,
      layouts: new Map(master.sheets.map((m, i) => [tables[i].id, m.layout])),
    }).issues,
    options
  );
  const summaryName = singleSheetName("summary", SUMMARY_SHEET, options.existing);
  ops.push({ ...buildSummarySheet(summary, summaryName), activate: true });
  return ops;
}

/** The master's tables with the written 完成状态 and 进展情况, for the 汇总. */
function updatedTables(master: Master, writes: { cell: SheetCell; value: string }[]): Table[] {
  return master.sheets.map(({ table, layout }) => {
    const at = new Map(
      writes
        .filter((w) => w.cell.sheet === layout.sheet)
        .map((w) => [`${w.cell.row},${w.cell.col}`, w.value])
    );
    if (at.size === 0) return table;
    const rows = table.rows.map((row, i) => {
      const fields = { ...row.fields };
      for (const field of ["status", "progress"] as const) {
        const col = layout.columnIndex[field];
        const value = col === undefined ? undefined : at.get(`${layout.rowIndex[i]},${col}`);
        if (value !== undefined) fields[field] = value;
      }
      return { ...row, fields };
    });
    return { ...table, rows };
  });
}

/** 回收情况's column widths (characters), and the lines of a merged list row. */
const WIDTHS = [14, 28, 12, 8, 8, 30, 12, 30, 30, 16];
const LINE_POINTS = 16;
const LIST_LINES = 20;

/** Names joined with 、 into rows of at most `room` display width each. */
function listRows(names: readonly string[], room: number): string[] {
  const rows: string[] = [];
  for (const name of names) {
    const last = rows.length - 1;
    if (last >= 0 && displayWidth(rows[last]) + displayWidth(name) + 2 <= room)
      rows[last] += `、${name}`;
    else rows.push(name);
  }
  return rows;
}

/**
 * 回收情况: the files read (unit, file, returned on, rows updated, decisions), the decisions with
 * the option taken, the units not yet returned, and the files skipped with why.
 */
function collectSheet(
  sheet: string,
  result: CollectResult,
  choices: Choices,
  checkDate: string
): SheetOpInput {
  const width = 10;
  const values: PatchCell[][] = [];
  const merges: Rect[] = [];
  const formats: RangeFormat[] = [];
  const validations: ListValidation[] = [];
  const line = (cells: PatchCell[]) =>
    values.push([...cells, ...Array<PatchCell>(width - cells.length).fill(null)]);
  const band = (text: string) => {
    merges.push(rect(values.length, 0, 1, width));
    formats.push({
      range: rect(values.length, 0, 1, width),
      fill: COLORS.sectionFill,
      font: { bold: true },
    });
    line([text]);
  };
  const header = (titles: string[]) => {
    formats.push({
      range: rect(values.length, 0, 1, titles.length),
      fill: COLORS.headerFill,
      font: { bold: true },
    });
    line(titles);
  };
  merges.push(rect(0, 0, 1, width));
  formats.push({ range: rect(0, 0, 1, width), font: TITLE_FONT });
  line([`回收情况（${toChineseDate(checkDate)}）`]);
  line([result.summary]);
  merges.push(rect(1, 0, 1, width));

  band(`一、已回收文件（${result.receipts.length}个）`);
  header(["单位", "文件", "回收日期", "事项行", "更新", "待确认", "按序号和文字对应", "说明"]);
  for (const r of result.receipts)
    line([
      r.unit,
      r.file,
      r.returnedOn ?? "",
      r.rows,
      r.updated,
      r.decisions,
      r.byFallback,
      r.notes.join("；"),
    ]);

  band(`二、待确认（${result.decisions.length}处，未选择的保留总表内容）`);
  header([...DECISION_HEADER]);
  result.decisions.forEach((d) => {
    const taken = d.options[choices.get(d) ?? 0] ?? d.options[0];
    const at = values.length;
    values.push(decisionCells(d, taken));
    if (d.options.length > 1)
      validations.push({
        range: rect(at, DECISION_HEADER.length - 1, 1, 1),
        list: d.options.map(optionLabel),
      });
  });

  band(`三、未回收单位（${result.notReturned.length}个）`);
  // Across the sheet's width, a row per screenful: a list of 500 names in one cell would be
  // cut off at Excel's tallest row. Merged cells are not fitted to their text, so each row
  // gets the height its lines need.
  const heights: { row: number; height: number }[] = [];
  const room = WIDTHS.reduce((a, b) => a + b, 0) - 2;
  for (const names of listRows(result.notReturned, room * LIST_LINES)) {
    const lines = Math.ceil(displayWidth(names) / room);
    heights.push({ row: values.length, height: lines * LINE_POINTS + 4 });
    merges.push(rect(values.length, 0, 1, width));
    line([names]);
  }
  band(`四、未能读取的文件（${result.skipped.length}个）`);
  for (const s of result.skipped) {
    merges.push(rect(values.length, 1, 1, width - 1));
    heights.push({
      row: values.length,
      height: Math.min(
        409,
        Math.ceil(displayWidth(s.reason) / (room - WIDTHS[0])) * LINE_POINTS + 4
      ),
    });
    line([s.file, s.reason]);
  }

  const wide = Math.max(width, ...values.map((r) => r.length));
  for (const r of values) while (r.length < wide) r.push(null);
  return {
    sheet,
    mode: "replace",
    generated: { kind: "collect", key: COLLECT_SHEET },
    tabColor: COLORS.tab,
    columns: WIDTHS.map((width, col) => ({ col, width })),
    rows: heights,
    values: [{ row: 0, col: 0, values }],
    formats: [
      ...formats,
      { range: rect(2, 0, values.length - 2, wide), wrap: true, vertical: "top" },
    ],
    merges,
    validations,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}
