import { buildImportSheet } from "../../src/core/outputs/importSheet";
import {
  buildIssueSheet,
  buildMarkOps,
  ISSUE_SHEET,
  placeIssues,
  validationSummary,
  type PlacedTable,
} from "../../src/core/outputs/validationSheets";
import { SheetOp } from "../../src/core/patch/schema";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules/engine";
import { seedTables } from "../support/seeds";

const placed: PlacedTable[] = seedTables().map((table) => ({
  table,
  layout: buildImportSheet(table).layout,
}));
const result = validate(
  placed.map((p) => p.table),
  { roster: defaultRoster(), checkDate: "2022-09-30" }
);
const issues = placeIssues(result.issues, placed);

describe("校验 outputs", () => {
  test("every issue is placed on a cell of its table's sheet", () => {
    expect(issues).toHaveLength(result.issues.length);
    const residue = issues.find((i) => i.rule === "text.residue");
    // 附件1 #13's 工作明细 holds "+C18": the 13th row of 市重点工作, third column.
    expect(residue).toMatchObject({
      table: "city",
      row: 13,
      sheet: "市重点工作",
      address: "'市重点工作'!C15",
    });
  });

  test("marks paint errors red and warnings yellow, with the messages as a note, and leave 提示 unpainted", () => {
    const ops = buildMarkOps(placed, issues);
    expect(ops.map((op) => op.sheet)).toEqual(["市重点工作", "关键任务", "区重点工作", "民心工程"]);
    for (const op of ops) expect(() => SheetOp.parse(op)).not.toThrow();
    expect(ops.every((op) => op.mode === "update" && op.clearMarks)).toBe(true);
    const city = ops[0].marks!;
    const residue = city.find((m) => m.row === 14 && m.col === 2);
    expect(residue?.fill).toBe("#FFC7CE");
    expect(residue?.note).toContain("【错误】");
    const painted = ops.flatMap((op) => op.marks!).length;
    const cellsWithErrorsOrWarnings = new Set(
      issues
        .filter((i) => i.severity !== "info")
        .map((i) => `${i.sheet}!${i.sheetRow},${i.sheetCol}`)
    ).size;
    expect(painted).toBe(cellsWithErrorsOrWarnings);
    expect(
      ops.flatMap((op) => op.marks!).every((m) => m.fill === "#FFC7CE" || m.fill === "#FFEB9C")
    ).toBe(true);
  });

  test("the 校验结果 sheet lists every issue with a link to its cell", () => {
    const op = buildIssueSheet(result, issues, "2022-09-30");
    expect(() => SheetOp.parse(op)).not.toThrow();
    expect(op.sheet).toBe(ISSUE_SHEET);
    const rows = op.values![0].values;
    expect(rows[1][0]).toBe(`${validationSummary(result)}检查日期：2022-09-30。`);
    expect(rows).toHaveLength(3 + issues.length);
    // Rules by their Chinese names, tables by their sheet names.
    const residueRow = rows.find((r) => r[9] === "电子表格残留")!;
    expect(residueRow[1]).toBe("错误");
    expect(residueRow[3]).toEqual({
      text: "市重点工作!C15",
      link: { sheet: "市重点工作", row: 14, col: 2 },
    });
    expect(residueRow[4]).toBe("市重点工作");
    expect(rows.slice(3).some((r) => /^[a-z]+\.[a-z-]+$/.test(String(r[9])))).toBe(false);
    // Errors first, then warnings, then 提示; within each, by sheet and row.
    const rank = { 错误: 0, 警告: 1, 提示: 2 } as Record<string, number>;
    const ranks = rows.slice(3).map((r) => rank[String(r[1])]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(op.autoFilter).toEqual({ row: 2, col: 0, rowCount: issues.length + 1, colCount: 10 });
  });

  test("the summary sentence counts rows and issues by severity", () => {
    const { error, warning, info } = result.totals;
    expect(validationSummary(result)).toBe(
      `校验完成：共 170 行，错误 ${error} 处，警告 ${warning} 处，提示 ${info} 处。`
    );
    expect(error + warning + info).toBe(result.issues.length);
  });
});
