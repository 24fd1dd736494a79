import { formatMessage, RULE_CATALOGUE } from "../../src/core/rules";

describe("formatMessage", () => {
  test("fills every placeholder of every catalogue message, each time it occurs", () => {
    for (const { message } of RULE_CATALOGUE) {
      const names = [...message.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);
      const params = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
      const filled = formatMessage(message, params);
      expect(filled).not.toMatch(/\{[A-Za-z]+\}/);
      for (const n of names) expect(filled).toContain(`<${n}>`);
      // Formatted twice (the template is split once and kept), the same text.
      expect(formatMessage(message, params)).toBe(filled);
    }
  });

  test("a placeholder used twice, numbers, text around and $ signs are kept as written", () => {
    expect(
      formatMessage("「{name}」与「{name}」：{n}处，$&{tail}", { name: "薛彤", n: 3, tail: "完" })
    ).toBe("「薛彤」与「薛彤」：3处，$&完");
    expect(formatMessage("无占位符", {})).toBe("无占位符");
    expect(formatMessage("{a}{b}", { a: "甲", b: "乙" })).toBe("甲乙");
  });

  test("refuses a missing placeholder by name, also after the template was used", () => {
    expect(formatMessage("{phrase}（{date}）", { phrase: "年底前", date: "2022年12月31日" })).toBe(
      "年底前（2022年12月31日）"
    );
    expect(() => formatMessage("{phrase}（{date}）", { phrase: "年底前" })).toThrow(
      "Message placeholder {date} not given"
    );
  });
});
