import { daysInMonth, isoDate } from "../../src/core/deadline";

/** An independent spelling of the same date (UTC, so that no time zone moves the day). */
const viaDate = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

describe("isoDate keeps the dates it has spelled", () => {
  test("every day from 1990 to 2049, spelled twice (more days than it keeps), is right both times", () => {
    for (let round = 0; round < 2; round++) {
      const wrong: string[] = [];
      for (let y = 1990; y < 2050; y++) {
        for (let m = 1; m <= 12; m++) {
          for (let d = 1; d <= daysInMonth(y, m); d++) {
            if (isoDate(y, m, d) !== viaDate(y, m, d)) wrong.push(`${y}-${m}-${d}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    }
  });

  test("years below 1000 are padded, impossible days still throw after a valid one was kept", () => {
    expect(isoDate(999, 1, 5)).toBe("0999-01-05");
    expect(isoDate(2022, 2, 28)).toBe("2022-02-28");
    expect(() => isoDate(2022, 2, 29)).toThrow(RangeError);
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
  });
});
