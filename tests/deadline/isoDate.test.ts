import {
  daysInMonth,
  isoDate,
  monthEnd,
  parseIsoDate,
  quarterEnd,
  quarterOf,
  toChineseDate,
} from "../../src/core/deadline";

describe("ISO date helpers", () => {
  test("quarterEnd gives each quarter's last day", () => {
    expect([1, 2, 3, 4].map((q) => quarterEnd(2022, q as 1 | 2 | 3 | 4))).toEqual([
      "2022-03-31",
      "2022-06-30",
      "2022-09-30",
      "2022-12-31",
    ]);
  });

  test("quarterOf reads the quarter at its boundaries", () => {
    expect(
      [
        "2022-01-01",
        "2022-03-31",
        "2022-04-01",
        "2022-06-30",
        "2022-07-01",
        "2022-09-30",
        "2022-10-01",
        "2022-12-31",
      ].map(quarterOf)
    ).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  test("toChineseDate writes dates as in a 督查通报", () => {
    expect(toChineseDate("2022-09-30")).toBe("2022年9月30日");
    expect(toChineseDate("2023-01-05")).toBe("2023年1月5日");
  });

  test("month lengths and leap years", () => {
    expect(daysInMonth(2022, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(monthEnd(2022, 4)).toBe("2022-04-30");
    expect(monthEnd(2022, 12)).toBe("2022-12-31");
  });

  test("impossible dates are refused, not rolled over", () => {
    expect(isoDate(2022, 7, 1)).toBe("2022-07-01");
    expect(() => isoDate(2022, 2, 29)).toThrow(RangeError);
    expect(() => isoDate(2022, 13, 1)).toThrow(RangeError);
    expect(() => parseIsoDate("2022-02-30")).toThrow(RangeError);
    expect(() => parseIsoDate("2022/02/01")).toThrow(RangeError);
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
