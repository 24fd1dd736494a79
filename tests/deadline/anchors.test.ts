import { Anchors } from "../../src/core/deadline/anchors";

describe("Anchors", () => {
  const anchors = new Anchors(["月", "季度", "年底", "年末", "Q", "q", "持续", "常态化"]);
  const has = (text: string, ...names: string[]) =>
    (anchors.found(text) & anchors.mask(names)) !== 0;

  test("finds every anchor a seed phrase holds, and no other", () => {
    const text = "持续推进“放管服”改革，二季度完成，年底前全面建成";
    const found = anchors.found(text);
    expect(found).toBe(anchors.mask(["持续", "季度", "年底"]));
    expect(has(text, "月")).toBe(false);
  });

  test("a two-character anchor needs both characters in a row", () => {
    expect(has("年度目标任务", "年底", "年末")).toBe(false);
    expect(has("2022年底前", "年底")).toBe(true);
    expect(has("常态化开展", "常态化")).toBe(true);
    expect(has("常态开展", "常态化")).toBe(false);
  });

  test("an anchor at the very end and letters count too", () => {
    expect(has("完成时间：6月", "月")).toBe(true);
    expect(has("2022Q3", "Q")).toBe(true);
    expect(has("2022Q3", "q")).toBe(false);
  });

  test("anchors sharing a first character are each found", () => {
    const shared = new Anchors(["年底", "年末", "年内"]);
    expect(shared.found("年末完成，年内推进")).toBe(shared.mask(["年末", "年内"]));
  });

  test("a text without anchors gives 0", () => {
    expect(anchors.found("完善区级河长制组织体系")).toBe(0);
    expect(anchors.found("")).toBe(0);
  });

  test("duplicates share one bit; unknown or too many anchors are refused", () => {
    const twice = new Anchors(["月", "月", "季度"]);
    expect(twice.mask(["月"])).toBe(1);
    expect(twice.mask(["季度"])).toBe(2);
    expect(() => twice.mask(["年内"])).toThrow(RangeError);
    expect(() => new Anchors([""])).toThrow(RangeError);
    const many = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x4e00 + i));
    expect(() => new Anchors(many)).toThrow(RangeError);
    expect(() => new Anchors(many.slice(0, 31))).not.toThrow();
  });
});
