import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { join } from "path";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { columnLetter } from "../../src/core/patch/address";
import type { Rect, SheetOpInput, WorkbookPatchInput } from "../../src/core/patch/schema";
import { columnWidthPoints } from "../../src/core/patch/units";
import { applyPatch } from "../../src/excel/applyPatch";
import { loadXlsx } from "../../src/xlsx/loadWorkbook";
import { plainValue } from "../../src/xlsx/cellValue";
import { writeXlsx } from "../../src/xlsx/saveWorkbook";
import { intersects, parseRangeList } from "../../src/xlsx/ranges";
import { STORE_SHEET } from "../../src/xlsx/store";
import { applyPatchToWorkbook } from "../../src/xlsx/writePatch";
import { installStandIn, type WorkbookSnapshot } from "../support/excel-standin";
import { seedTable, seedTables } from "../support/seeds";
import { buildUnitSheets } from "../../src/core/outputs/unitSheets";
import {
  ISSUE_SHEET,
  buildIssueSheet,
  buildMarkOps,
  placeIssues,
} from "../../src/core/outputs/validationSheets";
import { validate } from "../../src/core/rules/engine";
import { defaultRoster } from "../../src/core/roster";
import { fillOf, useTempDir } from "./support";

/**
 * The same patches through the Office.js adapter (on the Excel stand-in) and through the .xlsx
 * adapter (saved and loaded between patches, as the command line does), then the two workbooks
 * compared: sheet names and order, every cell's value, number format and fill, notes, merged
 * areas — and, each in its host's unit, column widths and frozen rows.
 *
 * Where the two must differ, a test says so:
 * - the file has one more sheet, 督办助手记录, very hidden, holding markers and marks; Excel
 *   keeps them in worksheet custom properties and the document settings;
 * - the file stores a height for each row of wrapped text (LibreOffice does not fit rows to
 *   their text); Excel fits such rows itself and stores none;
 * - a link is a hyperlink to "#'sheet'!$B$3" in the file, a documentReference "'sheet'!B3" in
 *   Excel: compared as the cell they lead to.
 */

const dir = useTempDir();

const district = seedTable("district");
const USER_SHEET = "我的台账";
const USER_VALUES = [
  ["序号", "重点工作", "牵头单位", "备注"],
  ...district.rows
    .slice(0, 3)
    .map((r) => [r.seq ?? "", r.fields.task ?? "", r.fields.lead ?? "", ""]),
];

interface Cell {
  value: string | number | boolean | null;
  numberFormat: string;
  fill: string | null;
  note: string | null;
  /** Where a link goes, as "'sheet'!B5". */
  link: string | null;
  /** Custom conditional formats covering the cell, first evaluated first: "formula fill". */
  rules: string[];
  /** A drop-down list: its choices and alert message. */
  list: string | null;
}
interface Sheet {
  cells: Record<string, Cell>;
  merges: string[];
  /** Column widths in points, as Excel reports them. */
  columnWidths: Record<string, number>;
  frozenRows: number;
  rowHeights: Record<string, number>;
}
interface Book {
  sheetNames: string[];
  sheets: Record<string, Sheet>;
}

/** A cell worth comparing: one with a value, a number format, a fill, a note or a link. */
function keep(cell: Cell): boolean {
  return (
    cell.value !== null ||
    cell.numberFormat !== "General" ||
    cell.fill !== null ||
    cell.note !== null ||
    cell.link !== null ||
    cell.rules.length > 0 ||
    cell.list !== null
  );
}

/** The file's custom-formula rules, each with its areas, first evaluated first. */
function rulesOf(ws: ExcelJS.Worksheet): { areas: Rect[]; text: string }[] {
  const { conditionalFormattings } = ws as unknown as {
    conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  };
  return conditionalFormattings
    .flatMap((cf) => cf.rules.map((rule) => ({ areas: parseRangeList(cf.ref), rule })))
    .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0))
    .map(({ areas, rule }) => {
      const formula = (rule as ExcelJS.ExpressionRuleType).formulae?.[0] as string;
      const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
      return {
        areas,
        text: `=${formula} ${fill?.bgColor?.argb ? `#${fill.bgColor.argb.slice(2)}` : null}`,
      };
    });
}

/** The rules over a cell, as the stand-in reports them. */
function rulesAt(rules: { areas: Rect[]; text: string }[], row: number, col: number): string[] {
  const here = { row, col, rowCount: 1, colCount: 1 };
  return rules.filter((r) => r.areas.some((area) => intersects(area, here))).map((r) => r.text);
}

function listAt(ws: ExcelJS.Worksheet, address: string): string | null {
  const { dataValidations } = ws as unknown as {
    dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  };
  const validation = dataValidations.model[address];
  return validation ? `${String(validation.formulae[0]).slice(1, -1)} ${validation.error}` : null;
}

function fromStandIn(snapshot: WorkbookSnapshot): Book {
  const sheets: Record<string, Sheet> = {};
  for (const name of snapshot.sheetNames) {
    const sheet = snapshot.sheets[name];
    const cells: Record<string, Cell> = {};
    for (const [address, c] of Object.entries(sheet.cells)) {
      const cell: Cell = {
        value: c.value === "" ? null : c.value,
        numberFormat: c.numberFormat,
        fill: c.fill,
        note: c.note,
        link: c.hyperlink?.documentReference ?? null,
        rules: c.conditionalFormats.map((cf) => `${cf.formula} ${cf.fill}`),
        list: c.dataValidation
          ? `${(c.dataValidation.rule.list as { source: string }).source} ${c.dataValidation.errorAlert.message}`
          : null,
      };
      if (keep(cell)) cells[address] = cell;
    }
    sheets[name] = {
      cells,
      merges: sheet.merges,
      columnWidths: sheet.columnWidths,
      frozenRows: sheet.frozenRows,
      rowHeights: sheet.rowHeights,
    };
  }
  return { sheetNames: snapshot.sheetNames, sheets };
}

function fromFile(workbook: ExcelJS.Workbook): Book {
  const sheets: Record<string, Sheet> = {};
  for (const ws of workbook.worksheets) {
    const cells: Record<string, Cell> = {};
    const rules = rulesOf(ws);
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const note = c.note;
        const cell: Cell = {
          value: c.type === ExcelJS.ValueType.Merge ? null : plainValue(c.value),
          numberFormat: c.numFmt ?? "General",
          fill: fillOf(c),
          note: typeof note === "string" ? note : null,
          link: c.hyperlink ? c.hyperlink.replace(/^#/, "").replace(/\$/g, "") : null,
          rules: rulesAt(rules, Number(c.row) - 1, Number(c.col) - 1),
          list: listAt(ws, c.address),
        };
        if (keep(cell)) cells[c.address] = cell;
      })
    );
    const columnWidths: Record<string, number> = {};
    (ws.columns ?? []).forEach((column, i) => {
      if (column.width !== undefined)
        columnWidths[columnLetter(i)] = columnWidthPoints(column.width);
    });
    const rowHeights: Record<string, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height) rowHeights[String(n)] = row.height;
    });
    const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
    sheets[ws.name] = {
      cells,
      merges: [...ws.model.merges].sort(),
      columnWidths,
      frozenRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
      rowHeights,
    };
  }
  return { sheetNames: workbook.worksheets.map((ws) => ws.name), sheets };
}

async function throughExcel(patches: WorkbookPatchInput[]): Promise<Book> {
  const excel = installStandIn({ sheets: [USER_SHEET] });
  try {
    excel.workbook.sheet(USER_SHEET).setValues("A1", USER_VALUES).setFill("C2", "#FFFF00");
    for (const patch of patches) await applyPatch(patch);
    return fromStandIn(excel.workbook.snapshot());
  } finally {
    excel.uninstall();
  }
}

async function throughFile(patches: WorkbookPatchInput[]): Promise<Book> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(USER_SHEET).addRows(USER_VALUES);
  workbook.getWorksheet(USER_SHEET)!.getCell("C2").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: "FFFFFF00" },
  };
  const folder = mkdtempSync(join(dir(), "run-"));
  let file = join(folder, "0.xlsx");
  await workbook.xlsx.writeFile(file);
  for (const [i, patch] of patches.entries()) {
    const loaded = await loadXlsx(file);
    applyPatchToWorkbook(loaded, patch);
    const next = join(folder, `${i + 1}.xlsx`);
    await writeXlsx(loaded, next, { inputs: [file] });
    file = next;
  }
  return fromFile(await loadXlsx(file));
}

/**
 * A book without the record sheet: both hosts keep one, but the file's entries carry the file's
 * sheet ids, which Office.js cannot see (src/core/patch/record.ts).
 */
function withoutRecord(book: Book): Book {
  const sheets = { ...book.sheets };
  delete sheets[STORE_SHEET];
  return { sheetNames: book.sheetNames.filter((n) => n !== STORE_SHEET), sheets };
}

function compared(book: Book) {
  return {
    sheetNames: book.sheetNames,
    sheets: Object.fromEntries(
      Object.entries(book.sheets).map(([name, s]) => [
        name,
        {
          cells: s.cells,
          merges: s.merges,
          columnWidths: s.columnWidths,
          frozenRows: s.frozenRows,
        },
      ])
    ),
  };
}

const AT = { checkDate: "2022-09-30" };
const imports = (): SheetOpInput[] =>
  seedTables().map((t) => buildImportSheet(t, undefined, AT).op);

/** 生成单位表 for the seed tables: a sheet per lead unit, every row linked to its 导入 row. */
function unitSheets(): SheetOpInput[] {
  const masters = seedTables().map((table) => ({
    table,
    layout: buildImportSheet(table, undefined, AT).layout,
  }));
  return buildUnitSheets(masters, { ...AT, roster: defaultRoster() }).sheets;
}

const marks: SheetOpInput = {
  sheet: USER_SHEET,
  mode: "update",
  marks: [
    { row: 1, col: 2, fill: "#FFC7CE", note: "牵头单位「发展改革委」与名册写法不一致" },
    { row: 2, col: 2, fill: "#FFEB9C" },
  ],
};

describe("the Office.js and the .xlsx adapter carry out the same patches alike", () => {
  test("the four seed tables' 导入 sheets with tracking, next to the user's sheet", async () => {
    const patches = [{ sheets: imports() }];
    const excel = await throughExcel(patches);
    const file = await throughFile(patches);
    expect(compared(withoutRecord(file))).toEqual(compared(withoutRecord(excel)));

    // The named differences.
    expect(file.sheetNames.at(-1)).toBe(STORE_SHEET);
    expect(excel.sheetNames).toContain(STORE_SHEET);
    expect(excel.sheets["区重点工作"].rowHeights).toEqual({ "1": 36 });
    expect(Object.keys(file.sheets["区重点工作"].rowHeights).length).toBeGreaterThan(50);
  });

  test("marks with a note, then 清除标记 restoring the user's yellow", async () => {
    const patches = [{ sheets: [marks] }];
    const marked = await throughFile(patches);
    expect(compared(withoutRecord(marked))).toEqual(
      compared(withoutRecord(await throughExcel(patches)))
    );
    expect(marked.sheets[USER_SHEET].cells.C2).toMatchObject({
      fill: "#FFC7CE",
      note: "牵头单位「发展改革委」与名册写法不一致",
    });

    const cleared = [
      ...patches,
      { sheets: [{ sheet: USER_SHEET, mode: "update" as const, clearMarks: true }] },
    ];
    const file = await throughFile(cleared);
    expect(compared(withoutRecord(file))).toEqual(
      compared(withoutRecord(await throughExcel(cleared)))
    );
    expect(file.sheets[USER_SHEET].cells.C2).toMatchObject({ fill: "#FFFF00", note: null });
  });

  test("unit sheets with links back to the 导入 rows", async () => {
    const patches = [{ sheets: imports() }, { sheets: unitSheets() }];
    const file = await throughFile(patches);
    expect(compared(withoutRecord(file))).toEqual(
      compared(withoutRecord(await throughExcel(patches)))
    );
    const links = Object.values(file.sheets["单位-区科技局"].cells).filter((c) => c.link);
    expect(links.length).toBeGreaterThan(3);
    expect(links[0].link).toMatch(/^'(市重点工作|关键任务|区重点工作|民心工程)'![A-Z]+\d+$/);
  });

  test("校验 twice: marks on the 导入 sheets, the 校验结果 sheet with links to the cells", async () => {
    const placed = seedTables().map((table) => ({
      table,
      layout: buildImportSheet(table, undefined, AT).layout,
    }));
    const result = validate(
      placed.map((p) => p.table),
      { ...AT, roster: defaultRoster() }
    );
    const issues = placeIssues(result.issues, placed);
    const check = {
      sheets: [...buildMarkOps(placed, issues), buildIssueSheet(result, issues, AT.checkDate)],
    };
    const patches = [{ sheets: imports() }, check, check];
    const file = await throughFile(patches);
    expect(compared(withoutRecord(file))).toEqual(
      compared(withoutRecord(await throughExcel(patches)))
    );
    // 附件1 #13's "+C18", marked and linked from the listing.
    expect(file.sheets["市重点工作"].cells.C15.fill).not.toBeNull();
    expect(Object.values(file.sheets[ISSUE_SHEET].cells).map((c) => c.link)).toContain(
      "'市重点工作'!C15"
    );
  });

  test("replacing the 导入 sheets a second time", async () => {
    const patches = [{ sheets: imports() }, { sheets: imports().slice(2) }];
    expect(compared(withoutRecord(await throughFile(patches)))).toEqual(
      compared(withoutRecord(await throughExcel(patches)))
    );
  });
});
