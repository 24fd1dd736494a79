import { compactText, foldAction, originalSpan } from "../../src/core/deadline/compactText";

/** The folding rules as first written, with regexes: the hand-written code comparison must agree. */
const DROPPED = /[\s\u200b-\u200d\ufeff]/;
const FOLDED = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff5e\uff0e\u2013-\u2015\u2212]/;

describe("foldAction", () => {
  test("agrees with /\\s/ and the fold list on every UTF-16 code unit", () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const expected = DROPPED.test(ch) ? 1 : FOLDED.test(ch) ? 2 : 0;
      if (foldAction(code) !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe("compactText", () => {
  test("a seed phrase without whitespace or full-width forms is returned as it is", () => {
    const text = "年底前完成津沽污水处理厂尾水处理";
    expect(compactText(text)).toEqual({ text, dropped: [] });
  });

  test("the full-width dash of 附件3 folds one for one", () => {
    const text = "打造“众创空间－孵化器－科技园区”全链条培育体系";
    const compact = compactText(text);
    expect(compact.text).toBe("打造“众创空间-孵化器-科技园区”全链条培育体系");
    expect(compact.dropped).toEqual([]);
    expect(originalSpan(compact, 7, 8)).toEqual({ index: 7, length: 1 });
  });

  test("spaces, a full-width space, a line break and a zero-width space are dropped", () => {
    const text = "计划 12 月底\n前完成，2022 年\u30006\u200b月开工";
    const compact = compactText(text);
    expect(compact.text).toBe("计划12月底前完成，2022年6月开工");
    // Before 12 (2), 月 (4), 前 (6), 年 (14), 6 (15) and 月 (16) of the compact text.
    expect(compact.dropped).toEqual([2, 4, 6, 14, 15, 16]);
  });

  test("spans of the compact text map back to the written text", () => {
    const text = "计划 12 月底\n前完成，2022 年\u3000６月开工";
    const compact = compactText(text);
    const at = (s: string) => {
      const start = compact.text.indexOf(s);
      const { index, length } = originalSpan(compact, start, start + s.length);
      return text.slice(index, index + length);
    };
    expect(at("12月底前")).toBe("12 月底\n前");
    expect(at("2022年6月")).toBe("2022 年\u3000６月");
    expect(at("计划")).toBe("计划");
    expect(at("开工")).toBe("开工");
  });

  test("whitespace at the ends leaves no trace in the span", () => {
    const text = "\u3000 6月底前完成 \n";
    const compact = compactText(text);
    expect(compact.text).toBe("6月底前完成");
    expect(originalSpan(compact, 0, 4)).toEqual({ index: 2, length: 4 });
  });
});
