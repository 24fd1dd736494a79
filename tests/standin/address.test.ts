import {
  columnIndex,
  columnLetters,
  formatAddress,
  parseAddress,
} from "../support/excel-standin/address";

describe("A1 addresses", () => {
  it.each([
    ["A1", null, { row: 0, col: 0, rowCount: 1, colCount: 1 }],
    ["$C$3:a1", null, { row: 0, col: 0, rowCount: 3, colCount: 3 }],
    ["Sheet1!A1:B2", "Sheet1", { row: 0, col: 0, rowCount: 2, colCount: 2 }],
    ["'单位 表'!A1", "单位 表", { row: 0, col: 0, rowCount: 1, colCount: 1 }],
    ["'牵头单位''s'!B2", "牵头单位's", { row: 1, col: 1, rowCount: 1, colCount: 1 }],
    ["区重点工作!XFD1048576", "区重点工作", { row: 1048575, col: 16383, rowCount: 1, colCount: 1 }],
    ["A:C", null, { row: 0, col: 0, rowCount: 1048576, colCount: 3 }],
    ["$1:$3", null, { row: 0, col: 0, rowCount: 3, colCount: 16384 }],
  ])("parses %s", (text, sheet, area) => {
    expect(parseAddress(text)).toEqual({ sheet, area });
  });

  it.each(["", "A0", "XFE1", "A1048577", "A1:B2:C3", "Sheet1!", "1A", "A1,B2"])(
    "refuses %j",
    (text) => {
      expect(() => parseAddress(text)).toThrow(
        expect.objectContaining({ code: "InvalidArgument" })
      );
    }
  );

  it("writes addresses as Excel does, quoting names that are not plain identifiers", () => {
    const one = { row: 4, col: 2, rowCount: 1, colCount: 1 };
    expect(formatAddress("区重点工作", one)).toBe("区重点工作!C5");
    expect(formatAddress("单位 表", one)).toBe("'单位 表'!C5");
    expect(formatAddress("2022", one)).toBe("'2022'!C5");
    expect(formatAddress("A1", one)).toBe("'A1'!C5");
    expect(formatAddress("附件1（续）", one)).toBe("'附件1（续）'!C5");
    expect(formatAddress("Sheet1", { row: 0, col: 0, rowCount: 1048576, colCount: 2 })).toBe(
      "Sheet1!A:B"
    );
  });

  it("converts column letters both ways", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(["A", "z", "AA", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 16383]);
  });
});
