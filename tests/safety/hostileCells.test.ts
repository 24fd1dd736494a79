import ExcelJS from "exceljs";
import { readGridTable } from "../../src/core/grid/gridTable";
import type { CellValue } from "../../src/core/grid/schema";
import { generateSheets } from "../../src/core/outputs/generate";
import { MAX_NOTE_TEXT } from "../../src/core/outputs/validationSheets";
import { MAX_CELL_TEXT } from "../../src/core/patch/cells";
import { defaultRoster } from "../../src/core/roster";
import { FINDINGS_PER_RULE_PER_CELL } from "../../src/core/rules/engine";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { applyPatchToWorkbook, loadXlsx, writeXlsx } from "../../src/xlsx";
import { STORE_SHEET } from "../../src/xlsx/store";
import { seedTable } from "../support/seeds";

/**
 * Issue 18: one 32,760-character cell of repeated words gave 4,141 warnings, a 192,000-character
 * note and a 196,000-character record cell; #REF! in a unit column became 单位-#REF!.
 */

const district = seedTable("district");
const HEADER = ["序号", "重点工作", "工作明细及完成时限", "分管领导", "牵头单位"];
/** Doubled words over and over, as a runaway paste makes them, up to Excel's cell limit. */
const LONG = "年底前完成完成".repeat(Math.floor(32_760 / 7));

function grid(rows: CellValue[][]) {
  const values = [HEADER, ...rows];
  return {
    sheet: "区重点工作",
    top: 0,
    left: 0,
    values,
    numberFormats: values.map((r) => r.map(() => "General")),
    merges: [],
    hiddenColumns: [],
  };
}

const seedRow = (i: number): CellValue[] => {
  const f = district.rows[i].fields;
  return [i + 1, f.task ?? null, f.detail ?? null, f.leader ?? null, f.lead ?? null];
};

function run(rows: CellValue[][]) {
  const read = readGridTable(grid(rows));
  if (!read.table) throw new Error(read.problems.map((p) => p.message).join("\n"));
  const placed = [{ table: read.table, layout: read.layout }];
  return generateSheets({
    placed,
    roster: defaultRoster(),
    tracking: { checkDate: "2022-09-30", reference: "checkDate" },
    existing: [{ name: "区重点工作", generated: null }],
    parts: { check: true, units: "unit", summary: true },
  });
}

describe("a cell of 32,760 characters of doubled words", () => {
  const generated = run([
    seedRow(0),
    [2, district.rows[1].fields.task!, LONG, "李　旭", "区商务局"],
    seedRow(2),
  ]);

  test("gives one finding per rule, with the count", () => {
    const onCell = generated.result!.issues.filter((i) => i.row === 2 && i.column === "detail");
    const byRule = new Map<string, number>();
    for (const i of onCell) byRule.set(i.rule, (byRule.get(i.rule) ?? 0) + 1);
    expect([...byRule.values()].every((n) => n === FINDINGS_PER_RULE_PER_CELL)).toBe(true);
    expect(FINDINGS_PER_RULE_PER_CELL).toBe(1);
    const doubled = onCell.filter((i) => i.rule === "text.doubled");
    expect(doubled).toHaveLength(1);
    expect(doubled[0].message).toMatch(/此单元格共 \d,\d{3} 处同类问题/);
  });

  test("its note, and every cell written, stays under Excel's cell limit", () => {
    const marks = generated.sheets.flatMap((op) => op.marks ?? []);
    expect(Math.max(...marks.map((m) => m.note?.length ?? 0))).toBeLessThanOrEqual(MAX_NOTE_TEXT);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("区重点工作");
    sheet.addRows(grid([seedRow(0), [2, "任务", LONG, "李　旭", "区商务局"], seedRow(2)]).values);
    applyPatchToWorkbook(workbook, { sheets: generated.sheets });
    let longest = 0;
    for (const ws of workbook.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          longest = Math.max(longest, String(cell.value ?? "").length);
        })
      );
    expect(longest).toBeLessThanOrEqual(MAX_CELL_TEXT);
    const record = workbook.getWorksheet(STORE_SHEET)!;
    let recordLongest = 0;
    record.eachRow((row) =>
      row.eachCell((cell) => {
        recordLongest = Math.max(recordLongest, String(cell.value ?? "").length);
      })
    );
    expect(recordLongest).toBeLessThan(2 * MAX_NOTE_TEXT + 1000);
  });

  test("saved as check -o saves it (cells written sheet by sheet), no cell or note passes the limit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "duban-hostile-"));
    try {
      const workbook = new ExcelJS.Workbook();
      workbook
        .addWorksheet("区重点工作")
        .addRows(grid([seedRow(0), [2, "任务", LONG, "李　旭", "区商务局"], seedRow(2)]).values);
      applyPatchToWorkbook(workbook, { sheets: generated.sheets }, { deferCells: true });
      const file = join(dir, "checked.xlsx");
      await writeXlsx(workbook, file);
      const saved = await loadXlsx(file);
      const lengths: number[] = [];
      for (const ws of saved.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            lengths.push(String(cell.value ?? "").length);
            if (typeof cell.note === "string") lengths.push(cell.note.length);
          })
        );
      expect(saved.getWorksheet(STORE_SHEET)).toBeDefined();
      expect(Math.max(...lengths)).toBeGreaterThan(30_000);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_CELL_TEXT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.each(["#REF!", "#N/A", "#VALUE!"])(
  "%s in the lead unit column is a finding, never a unit",
  (error) => {
    const generated = run([
      seedRow(0),
      [2, district.rows[1].fields.task!, district.rows[1].fields.detail!, "李　旭", error],
      seedRow(2),
    ]);
    expect(generated.units!.placed.map((p) => p.key)).not.toContain(error);
    expect(generated.sheets.map((s) => s.sheet).filter((n) => n.includes("#"))).toEqual([]);
    const residue = generated.result!.issues.find(
      (i) => i.row === 2 && i.column === "lead" && i.rule === "text.residue"
    );
    expect(residue?.evidence).toBe(error);
  }
);
