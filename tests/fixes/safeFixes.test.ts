import { safeFixes } from "../../src/core/fixes/safeFixes";
import { parseSheetCell, sheetCellA1 } from "../../src/core/patch/address";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules/engine";
import { seedTables } from "../support/seeds";

const roster = defaultRoster();
const tables = seedTables();
const fixes = safeFixes(
  tables,
  validate(tables, { roster, checkDate: "2022-09-30" }).issues,
  roster
);
const fixAt = (table: string, row: number, column: string) =>
  fixes.find((f) => f.table === table && f.row === row && f.column === column);

describe("safe fixes for the seed tables", () => {
  test("fill in every lost 序号 of 附件3 from its neighbours", () => {
    const seqFixes = fixes.filter((f) => f.kind === "fill-seq");
    expect(seqFixes).toHaveLength(89);
    expect(fixAt("district", 15, "seq")).toMatchObject({
      before: "",
      after: "15",
      label: "补填序号 15",
    });
    expect(fixAt("district", 76, "seq")?.after).toBe("76"); // the row before the printed 77
    expect(fixAt("district", 106, "seq")?.after).toBe("106");
  });

  test("split run-together leaders with 、 and remove the spaces inside a name", () => {
    expect(fixAt("district", 1, "leader")).toMatchObject({
      kind: "split-names",
      before: "于瑞均薛  彤 罗振胜",
      after: "于瑞均、薛彤、罗振胜",
    });
    expect(fixAt("city", 8, "lead")?.after).toBe("会展经济区管委会、区住房建设委");
  });

  test("keep 附件3's short unit names while splitting, but correct real aliases", () => {
    expect(fixAt("district", 57, "coop")?.after).toMatch(
      /^农业农村委、工业和信息化局、商务局、住房建设委、/
    );
    expect(fixAt("city", 14, "lead")).toMatchObject({
      kind: "canonical-name",
      before: "区农业农村委\n区市场监管委",
      after: "区农业农村委\n区市场监管局",
      label: "把「区市场监管委」改为「区市场监管局」",
    });
  });

  test("offer one fix per cell and none that changes nothing", () => {
    const cells = fixes.map((f) => `${f.table}:${f.row}:${f.column}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(fixes.every((f) => f.after !== f.before)).toBe(true);
  });

  test("a cell continuing a merge is not rewritten on its own", () => {
    // 附件3 rows 2–5 repeat row 1's merged 分管领导: only row 1 gets the fix.
    expect(fixAt("district", 2, "leader")).toBeUndefined();
  });
});

test("cell addresses read back the way they are written", () => {
  expect(parseSheetCell(sheetCellA1("区重点工作", 11, 5))).toEqual({
    sheet: "区重点工作",
    row: 11,
    col: 5,
  });
  expect(parseSheetCell(sheetCellA1("O'Brien 表", 0, 27))).toEqual({
    sheet: "O'Brien 表",
    row: 0,
    col: 27,
  });
  expect(parseSheetCell("Sheet1!$B$3")).toEqual({ sheet: "Sheet1", row: 2, col: 1 });
  expect(() => parseSheetCell("B3")).toThrow(RangeError);
});
