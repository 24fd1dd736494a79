import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { COLORS } from "../../src/core/outputs/style";
import { SheetOp } from "../../src/core/patch/schema";
import type { Table } from "../../src/core/table/schema";
import { rowDeadline } from "../../src/core/tracking/deadline";
import { dateLiteral } from "../../src/core/tracking/formulas";
import { trackState } from "../../src/core/tracking/state";
import type { TrackState } from "../../src/core/tracking/schema";
import { fillsAt } from "../support/cfFormula";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTable } from "../support/seeds";

const FILL: Record<TrackState, string | null> = {
  done: COLORS.done,
  overdue: COLORS.overdue,
  dueSoon: COLORS.dueSoon,
  noDate: COLORS.noDate,
  open: null,
};

/** The table with some statuses typed in, as a user would after 导入. */
function withStatuses(table: Table): Table {
  const statuses = ["已完成", "推进中", "", "已延期", " 已完成", "未启动"];
  return {
    ...table,
    rows: table.rows.map((r, i) => ({
      ...r,
      fields: { ...r.fields, status: statuses[i % statuses.length] },
    })),
  };
}

describe("the colouring written into 导入 sheets", () => {
  test.each([
    ["district", "2022-03-31"],
    ["district", "2022-09-30"],
    ["district", "2022-12-31"],
    ["district", "2023-01-10"],
    ["minxin", "2022-03-31"],
    ["minxin", "2022-04-01"],
    ["minxin", "2022-09-20"],
    ["minxin", "2022-12-31"],
    ["minxin", "2023-01-10"],
    ["minxin", "2021-12-20"],
  ])(
    "on %s, opened on %s, agrees with the add-in's own judgement, one colour at most",
    (id, today) => {
      const table = withStatuses(seedTable(id));
      // Generated on another day: the TODAY() formulas must not depend on it.
      const { op, layout } = buildImportSheet(table, undefined, {
        checkDate: "2022-06-01",
        dueSoonDays: 15,
      });
      const parsed = SheetOp.parse(op);
      const grid = gridOfSheetOp(op);
      const deadlineCol = layout.columnIndex.deadline ?? -1;
      const statusCol = layout.columnIndex.status ?? -1;
      const seen = new Set<TrackState>();
      table.rows.forEach((row, i) => {
        const sheetRow = layout.rowIndex[i];
        const expected = trackState(rowDeadline(table, row, today), row.fields.status, today, 15);
        seen.add(expected);
        for (const col of [deadlineCol, statusCol]) {
          const fills = fillsAt(parsed.conditionalFormats, grid, sheetRow, col, today);
          expect({ row: row.row, fills }).toEqual({
            row: row.row,
            fills: FILL[expected] ? [FILL[expected]] : [],
          });
        }
      });
      expect(seen.has("done")).toBe(true);
    }
  );

  test("a fixed 检查日期 is written as DATE(…), and the sheet is judged on it whatever the day", () => {
    const table = withStatuses(seedTable("district"));
    const { op, layout } = buildImportSheet(table, undefined, {
      checkDate: "2022-09-30",
      reference: "checkDate",
    });
    const formulas = (op.conditionalFormats ?? []).map((f) => f.formula);
    expect(formulas.join("")).not.toContain("TODAY()");
    expect(formulas.some((f) => f.includes("DATE(2022,9,30)"))).toBe(true);
    const parsed = SheetOp.parse(op);
    const grid = gridOfSheetOp(op);
    table.rows.forEach((row, i) => {
      const expected = trackState(
        rowDeadline(table, row, "2022-09-30"),
        row.fields.status,
        "2022-09-30",
        15
      );
      const fills = fillsAt(
        parsed.conditionalFormats,
        grid,
        layout.rowIndex[i],
        layout.columnIndex.status ?? -1,
        "2030-01-01"
      );
      expect(fills).toEqual(FILL[expected] ? [FILL[expected]] : []);
    });
  });

  test("formulas stay within Excel's 255 characters for conditional formats", () => {
    for (const id of ["city", "district", "minxin"]) {
      const { op } = buildImportSheet(seedTable(id), undefined, {
        checkDate: "2022-09-30",
        dueSoonDays: 100,
      });
      for (const f of op.conditionalFormats ?? [])
        expect(f.formula.length).toBeLessThanOrEqual(255);
    }
  });

  test("date literals", () => {
    expect(dateLiteral("2022-09-30")).toBe("DATE(2022,9,30)");
    expect(dateLiteral("2023-01-05")).toBe("DATE(2023,1,5)");
  });
});
