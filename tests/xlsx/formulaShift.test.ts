import { shiftFormula } from "../../src/xlsx/formulaShift";

describe("shiftFormula moves a conditional format's formula to another anchor cell", () => {
  test("relative rows and columns move, absolute ones stay", () => {
    // The 超期 rule 导入 writes for its 截止日期 and 完成状态 columns.
    expect(shiftFormula('=AND(TRIM($H3)<>"已完成",$G3<>"",$G3<TODAY())', 10, 0)).toBe(
      '=AND(TRIM($H13)<>"已完成",$G13<>"",$G13<TODAY())'
    );
    expect(shiftFormula("=B$2+C3", 1, 2)).toBe("=D$2+E4");
    expect(shiftFormula("=$A$1", 5, 5)).toBe("=$A$1");
  });

  test("text in quotes, sheet names and function names are left alone", () => {
    expect(shiftFormula('=AND($C3="见A1",LOG10(D3)>1)', 2, 0)).toBe('=AND($C5="见A1",LOG10(D5)>1)');
    expect(shiftFormula("='区重点工作 A1'!B2+XYZ1", 1, 0)).toBe("='区重点工作 A1'!B3+XYZ1");
  });

  test("a reference moved off the sheet becomes #REF!", () => {
    expect(shiftFormula("=A3>0", -5, 0)).toBe("=#REF!>0");
  });
});
