import { normaliseName } from "../../src/core/roster/normalise";
import { seedNameCells } from "./seedCells";

describe("normaliseName", () => {
  it.each([
    ["薛　彤", "U+3000 ideographic space"],
    ["薛  彤", "two ASCII spaces"],
    ["薛\u00a0彤", "no-break space"],
    ["薛\u200b彤", "zero-width space"],
    ["薛\u2002彤", "en space"],
    ["薛\u202f彤", "narrow no-break space"],
    ["薛\ufeff彤", "byte-order mark"],
    ["薛\u2060彤", "word joiner"],
    ["薛\t彤", "tab"],
    ["薛\r\n彤", "line break"],
    [" 薛彤\u3000", "outer spaces"],
  ])("removes whitespace inside a name: %j (%s)", (written) => {
    expect(normaliseName(written)).toBe("薛彤");
  });

  it("folds full-width letters and digits to half-width", () => {
    expect(normaliseName("ＡＢＣ１２３")).toBe("ABC123");
    expect(normaliseName("１２个招商主体")).toBe(normaliseName("12个招商主体"));
  });

  it("keeps parentheses in one form, full-width, whichever way they were typed", () => {
    expect(normaliseName("区委宣传部(区文明办)")).toBe("区委宣传部（区文明办）");
    expect(normaliseName("区委宣传部\n（区文明办）")).toBe("区委宣传部（区文明办）");
    expect(normaliseName("区委宣传部（区文明办)")).toBe("区委宣传部（区文明办）");
  });

  it("leaves Chinese punctuation that is part of a name alone", () => {
    expect(normaliseName("“一站式”服务各成员单位")).toBe("“一站式”服务各成员单位");
  });

  it("makes the spellings of 薛彤 and 魏胤 that occur in the seeds equal", () => {
    const leaderText = seedNameCells()
      .filter((c) => c.field === "leader")
      .map((c) => c.text)
      .join("\n");
    // The seeds write 薛彤 with an ideographic space (附件1, 附件2) and with two ASCII spaces (附件3).
    expect(leaderText).toContain("薛\u3000彤");
    expect(leaderText).toContain("薛  彤");
    expect(leaderText).toContain("魏  胤");
    expect(normaliseName("薛\u3000彤")).toBe(normaliseName("薛  彤"));
    expect(normaliseName("魏  胤")).toBe("魏胤");
  });
});
