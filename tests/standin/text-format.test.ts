import { dateToSerial, formatText, serialToDate } from "../support/excel-standin/text-format";

describe("Range.text for numbers under a number format", () => {
  it("shows dates by their format, Chinese literals included", () => {
    const serial = dateToSerial(2022, 6, 30)!;
    expect(serial).toBe(44742);
    expect(formatText(serial, "yyyy-mm-dd")).toBe("2022-06-30");
    expect(formatText(serial, 'yyyy"年"m"月"d"日"')).toBe("2022年6月30日");
    expect(formatText(serial, "[$-zh-CN]yyyy年m月d日;@")).toBe("2022年6月30日");
    expect(formatText(serial, "yyyy/m/d")).toBe("2022/6/30");
    expect(formatText(serial + 0.5, "yyyy-mm-dd hh:mm")).toBe("2022-06-30 12:00");
  });

  it("keeps Excel's 1900 calendar, including its 29 February 1900", () => {
    expect(serialToDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(serialToDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(serialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(dateToSerial(1900, 3, 1)).toBe(61);
    expect(dateToSerial(2022, 2, 30)).toBeNull();
  });

  it("shows General numbers with up to ten significant digits, and fixed formats as written", () => {
    expect(formatText(542.8, "General")).toBe("542.8");
    expect(formatText(1 / 3, "General")).toBe("0.3333333333");
    expect(formatText(123456789012, "General")).toBe("1.23457E+11");
    expect(formatText(1400, "#,##0")).toBe("1,400");
    expect(formatText(0.2745, "0.00%")).toBe("27.45%");
    expect(formatText(7.7, "0.00")).toBe("7.70");
    expect(formatText(13, "@")).toBe("13");
    expect(formatText(true, "General")).toBe("TRUE");
    expect(formatText("年底前完成", "yyyy-mm-dd")).toBe("年底前完成");
  });
});
