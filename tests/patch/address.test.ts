import {
  a1,
  cellKey,
  columnLetter,
  quoteSheetName,
  rangeA1,
  rowsA1,
  sheetCellA1,
} from "../../src/core/patch/address";
import { sheetNameProblem } from "../../src/core/patch/sheetName";
import { columnWidthPoints, excelDateSerial, isoDateOfSerial } from "../../src/core/patch/units";

describe("A1 addresses from 0-based coordinates", () => {
  test("column letters across the one-, two- and three-letter boundaries", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(() => columnLetter(16384)).toThrow(RangeError);
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });

  test("cells, ranges and print-title rows", () => {
    expect(a1(0, 0)).toBe("A1");
    expect(a1(17, 2)).toBe("C18");
    expect(rangeA1(1, 1)).toBe("B2");
    expect(rangeA1(1, 0, 100, 7)).toBe("A2:G101");
    expect(rowsA1(1, 2)).toBe("$2:$3");
  });

  test("sheet names are always quoted, apostrophes doubled", () => {
    expect(quoteSheetName("区重点工作")).toBe("'区重点工作'");
    expect(sheetCellA1("O'Neil 表", 2, 1)).toBe("'O''Neil 表'!B3");
  });
});

describe("sheet names as Excel checks them", () => {
  test("the names the add-in makes pass", () => {
    for (const name of ["区重点工作", "校验结果", "汇总", "区发展改革委"])
      expect(sheetNameProblem(name)).toBeNull();
  });

  test("each rule gives a Chinese reason that names the sheet", () => {
    expect(sheetNameProblem("  ")).toBe("工作表名称不能为空");
    expect(
      sheetNameProblem(
        "津南区人民政府关于切实做好2022年市政府重点工作及关键任务（涉及津南区工作）和2022年区政府重点工作的通知"
      )
    ).toContain("超过 31 个字符");
    expect(sheetNameProblem("市发展改革委/区发展改革委")).toContain("「/」");
    expect(sheetNameProblem("[附件1]")).toContain("「[」");
    expect(sheetNameProblem("'汇总")).toContain("单引号");
    expect(sheetNameProblem("history")).toContain("保留名称");
  });
});

describe("units", () => {
  test("cell keys differ for every cell, the last column of a row and the next row's first too", () => {
    const cells = [
      [0, 0],
      [0, 16383],
      [1, 0],
      [1, 16383],
      [1048575, 16383],
    ];
    expect(new Set(cells.map(([r, c]) => cellKey(r, c))).size).toBe(cells.length);
    expect(cellKey(1048575, 16383)).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  test("ISO dates become the serials Excel stores", () => {
    // 2022-01-01 is serial 44562 in Excel's 1900 date system.
    expect(excelDateSerial("2022-01-01")).toBe(44562);
    expect(excelDateSerial("2022-09-30")).toBe(44834);
    expect(excelDateSerial("2022-12-31")).toBe(44926);
    expect(() => excelDateSerial("2022年9月30日")).toThrow(RangeError);
  });

  test("serials read back as ISO dates, across leap days and centuries, time of day dropped", () => {
    const dates = ["1900-03-01", "2000-02-29", "2022-09-30", "2100-03-01", "9999-12-31"];
    expect(dates.map((d) => isoDateOfSerial(excelDateSerial(d)))).toEqual(dates);
    expect(isoDateOfSerial(44834.75)).toBe("2022-09-30");
    expect(isoDateOfSerial(45000)).toBe("2023-03-15");
  });

  test("column widths in characters become points as Excel sizes them", () => {
    expect(columnWidthPoints(8.43)).toBe(48); // Excel's default column: 64 px
    expect(columnWidthPoints(10)).toBe(56.25); // 75 px
  });
});
