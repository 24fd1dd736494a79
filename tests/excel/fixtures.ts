import { readFileSync } from "fs";
import { join } from "path";
import { readGridTable } from "../../src/core/grid/gridTable";
import { rect } from "../../src/core/patch/build";
import { RECORD_SHEET, type WorkbookRecord, parseRecord } from "../../src/core/patch/record";
import type { PatchCell, SheetOpInput } from "../../src/core/patch/schema";
import { parseSeedText } from "../../src/core/parse/seedText";
import { readGrid } from "../../src/excel/readGrid";
import { createExcelActions } from "../../src/excel/workflows";
import type { Table } from "../../src/core/table/schema";
import { type StandInHandle, type StandInOptions, installStandIn } from "../support/excel-standin";

const SEEDS = join(__dirname, "..", "..", "seeds");

/** The 区政府重点工作 table (附件3) of the notice, as the parser reads it. */
export function districtTable(): Table {
  const text = readFileSync(join(SEEDS, "000_867c357d3391b2e7.txt"), "utf8");
  const table = parseSeedText(text, "000_867c357d3391b2e7.txt").tables.find(
    (t) => t.id === "district"
  );
  if (!table) throw new Error("the district table is missing from the seed");
  return table;
}

export const DISTRICT_HEADER = [
  "序号",
  "涉及领域",
  "重点工作",
  "工作明细及完成时限",
  "分管领导",
  "牵头单位",
  "配合单位",
];

/** The table's rows as sheet text, repeated (with running 序号) until there are `count`. */
export function districtRows(count: number): string[][] {
  const rows = districtTable().rows.map((r) => [
    r.seq ?? "",
    r.fields.domain ?? "",
    r.fields.task ?? "",
    r.fields.detail ?? "",
    r.fields.leader ?? "",
    r.fields.lead ?? "",
    r.fields.coop ?? "",
  ]);
  return Array.from({ length: count }, (_, i) => {
    const row = [...rows[i % rows.length]];
    if (i >= rows.length) row[0] = String(i + 1);
    return row;
  });
}

/** 完成状态 as the drop-down offers it. */
export const STATUSES = ["未启动", "推进中", "已完成", "已延期"];
export const OVERDUE = '=AND($H2<>"",$H2<TODAY(),$I2<>"已完成")';

/**
 * A generated breakdown sheet as 导入 or 生成单位表 would write it: header, `count` rows of the
 * district table, 截止日期 as dates and an empty 完成状态, formatted, frozen and set up to print.
 */
export function breakdownSheetOp(sheet: string, count: number): SheetOpInput {
  const header: PatchCell[] = [...DISTRICT_HEADER, "截止日期", "完成状态"];
  const body: PatchCell[][] = districtRows(count).map((row) => [
    ...row,
    { date: "2022-12-31" },
    null,
  ]);
  const width = header.length;
  return {
    sheet,
    mode: "replace",
    generated: { kind: "import", key: "district" },
    columns: [6, 12, 30, 50, 10, 16, 24, 12, 10].map((w, col) => ({ col, width: w })),
    rows: [{ row: 0, height: 30 }],
    values: [{ row: 0, col: 0, values: [header, ...body] }],
    formats: [
      {
        range: rect(0, 0, 1, width),
        fill: "#D9E1F2",
        font: { bold: true },
        horizontal: "center",
        vertical: "center",
      },
      { range: rect(1, 3, count, 1), wrap: true },
      { range: rect(0, 0, count + 1, width), borders: { color: "#808080" } },
    ],
    freeze: { rows: 1, cols: 0 },
    conditionalFormats: [
      { range: rect(1, 0, count, width), formula: OVERDUE, fill: "#FFC7CE", fontColor: "#9C0006" },
    ],
    validations: [{ range: rect(1, 8, count, 1), list: STATUSES }],
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: { first: 0, count: 1 },
      fitToWidth: true,
    },
  };
}

/** Runs `body` with the stand-in installed as Office.js, and removes it afterwards. */
export async function withStandIn<T>(
  options: StandInOptions,
  body: (excel: StandInHandle) => Promise<T>
): Promise<T> {
  const excel = installStandIn(options);
  try {
    return await body(excel);
  } finally {
    excel.uninstall();
  }
}

/** The sheets a user sees in the tab bar or can unhide: the very hidden record sheet left out. */
export function userSheetNames(excel: StandInHandle): string[] {
  return excel.workbook
    .sheetNames()
    .filter((name) => excel.workbook.sheet(name).snapshot().visibility !== "VeryHidden");
}

/** The workbook's record as its very hidden sheet holds it (empty when there is no such sheet). */
export function recordOf(excel: StandInHandle): WorkbookRecord {
  if (!excel.workbook.sheetNames().includes(RECORD_SHEET)) return parseRecord([]);
  expect(excel.workbook.sheet(RECORD_SHEET).snapshot().visibility).toBe("VeryHidden");
  return parseRecord(excel.workbook.toGrid(RECORD_SHEET));
}

/** The recorded marks of one sheet, or the generated marker of each sheet, by name. */
export function recordedMarksOf(excel: StandInHandle, sheet: string): unknown[] | undefined {
  return recordOf(excel).marks.find((e) => e.sheet === sheet)?.value;
}

export function recordedMarkers(excel: StandInHandle): Record<string, unknown> {
  return Object.fromEntries(recordOf(excel).markers.map((e) => [e.sheet, e.value]));
}

/** For a test file: installs the stand-in for one test, and removes it after each test. */
export function standInPerTest(): (options: StandInOptions) => StandInHandle {
  let current: StandInHandle | undefined;
  afterEach(() => {
    current?.uninstall();
    current = undefined;
  });
  return (options) => (current = installStandIn(options));
}

/**
 * For a test file of 导入分解表: setUp() opens a fresh workbook holding only the user's own sheet
 * and gives the Excel actions on it; the stand-in is removed after each test.
 */
export function importBench() {
  let excel: StandInHandle | undefined;
  afterEach(() => {
    excel?.uninstall();
    excel = undefined;
  });
  const open = () => {
    if (!excel) throw new Error("setUp() first");
    return excel;
  };
  return {
    setUp() {
      excel?.uninstall();
      excel = ledgerWorkbook();
      return createExcelActions();
    },
    excel: open,
    /** Every sheet's contents and formats, to show a refused file changed nothing. */
    state: () => workbookState(open()),
    /** The table a 导入 sheet holds, read back as 校验 reads it. */
    tableOn: (sheet: string) => importedTable(sheet),
  };
}

/** The user's own sheet beside which 导入 writes; its `+C18` must stay text. */
export const LEDGER = "我的台账";

/** A workbook holding only the user's own sheet, as 导入分解表 finds one. */
export function ledgerWorkbook(): StandInHandle {
  const excel = installStandIn({ sheets: [LEDGER] });
  excel.workbook.sheet(LEDGER).setValues("A1", [["自己记的", "+C18"]]);
  return excel;
}

/** Every sheet's contents and formats, to show a refused file changed nothing. */
export function workbookState(excel: StandInHandle): unknown[] {
  return excel.workbook.sheetNames().map((name) => [name, excel.workbook.sheet(name).snapshot()]);
}

/** The table a 导入 sheet holds, read back as 校验 reads it: values, formats and merged areas. */
export async function importedTable(sheet: string): Promise<Table> {
  return readGridTable(await readGrid(sheet)).table!;
}
