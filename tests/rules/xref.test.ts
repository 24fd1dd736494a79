import { compareTexts } from "../../src/core/rules/xref/compare";
import { diffChars } from "../../src/core/rules/xref/diff";
import { parseItemList, parseNoteReference } from "../../src/core/rules/xref/note";
import { seedTable } from "../support/seeds";
import { check, CLEAN_KEYS, cleanRow, craftTable, ofRule, seedValidation, where } from "./craft";

const { issues } = seedValidation();

describe("the key table's note", () => {
  test("is read as items 2, 8, 13 and 26 of 重点工作责任分解表", () => {
    expect(parseNoteReference(seedTable("key").note)).toEqual({
      target: "重点工作责任分解表",
      items: [2, 8, 13, 26],
    });
  });

  test("item lists in other forms", () => {
    expect(parseItemList("2、8、13、26")).toEqual([2, 8, 13, 26]);
    expect(parseItemList("3-5、9和十一")).toEqual([3, 4, 5, 9, 11]);
    expect(parseItemList("1至3")).toEqual([1, 2, 3]);
    expect(parseNoteReference("注：分别对应附件1第２、８项。")).toEqual({
      target: "附件1",
      items: [2, 8],
    });
    expect(parseNoteReference("注：此表为专项推动关键任务使用。")).toBeNull();
    expect(parseNoteReference(null)).toBeNull();
  });

  test("resolves to 附件1 (the city's table), although 附件3's title contains the same name", () => {
    // Both titles contain 重点工作责任分解表; only 附件1's items 2, 8, 13, 26 carry the key tasks.
    expect(seedTable("city").title).toContain("重点工作责任分解表");
    expect(seedTable("district").title).toContain("重点工作责任分解表");
    expect(where(issues, "xref.text-differs")).toEqual(["key:2", "key:3"]);
    expect(where(issues, "xref.item-missing")).toEqual([]);
    expect(where(issues, "xref.target-missing")).toEqual([]);
    expect(where(issues, "xref.count-mismatch")).toEqual([]);
  });
});

describe("xref.text-differs", () => {
  test("附件2 #3 against 附件1 #13: the +C18 fragment is quoted, not the whole cell", () => {
    const found = ofRule(issues, "xref.text-differs").find((i) => i.row === 3);
    expect(found?.severity).toBe("error");
    expect(found?.column).toBe("detail");
    expect(found?.message).toBe(
      "本表第3项与「重点工作责任分解表」第13项的「津南区工作明细及完成时限」文字不同：" +
        "本表为「…极与市水务局、河系处协调，争取充…」，「重点工作责任分解表」为「…极与市水务局+C18协调，争取充…」。请核对哪一处有误，改为一致。"
    );
  });

  test("附件2 #2 against 附件1 #8: one added word (并做好 / 做好) is a word difference", () => {
    const found = ofRule(issues, "xref.text-differs").find((i) => i.row === 2);
    expect(found?.evidence).toBe("…展实施意见，并做好兑现工作…");
    expect(found?.message).toContain("「重点工作责任分解表」为「…展实施意见，做好兑现工作…」");
  });

  test("items 1 and 4 are identical in both tables and raise nothing", () => {
    expect(
      ofRule(issues, "xref.text-differs")
        .concat(ofRule(issues, "xref.spacing-differs"))
        .some((i) => i.row === 1 || i.row === 4)
    ).toBe(false);
  });
});

describe("xref.spacing-differs", () => {
  test("names broken over lines in 附件2 but run together or spaced in 附件1 are hints", () => {
    expect(
      ofRule(issues, "xref.spacing-differs").map((i) => [i.row, i.column, i.severity])
    ).toEqual([
      [2, "leader", "info"],
      [2, "lead", "info"],
      [3, "leader", "info"],
    ]);
    const leader2 = ofRule(issues, "xref.spacing-differs")[0];
    expect(leader2.message).toContain("（本表「薛　彤↵胡永梅」，对方「薛　彤胡永梅」）");
  });
});

describe("cross-references on crafted tables", () => {
  const source = craftTable(
    CLEAN_KEYS,
    [cleanRow(1), cleanRow(2, { task: "第二项任务。" }), cleanRow(3, { task: "第三项任务。" })],
    {
      id: "city",
      title: "2022年市政府重点工作责任分解表",
    }
  );
  const keyTable = (note: string, rows = [cleanRow(1, { task: "第三项任务。" })]) =>
    craftTable(CLEAN_KEYS, rows, { id: "key", title: "2022年市政府工作关键任务", note });

  test("a referenced table that was not loaded is one warning", () => {
    const found = ofRule(
      check([keyTable("注：对应重点工作责任分解表第3项。")]).issues,
      "xref.target-missing"
    );
    expect(found.map((i) => i.message)).toEqual([
      "表注说本表各项对应「重点工作责任分解表」第3项，但该表没有一同载入，无法核对。请把它和本表一起校验。",
    ]);
  });

  test("a table without a 序号 column still names the column it points at in Chinese", () => {
    const table = craftTable(["task", "detail", "leader", "lead"], [cleanRow(1)], {
      note: "注：对应重点工作责任分解表第3项。",
    });
    expect(
      ofRule(check([table]).issues, "xref.target-missing").map((i) => [i.column, i.columnTitle])
    ).toEqual([["seq", "序号"]]);
  });

  test("an item the other table does not have is an error", () => {
    const found = ofRule(
      check([source, keyTable("注：对应重点工作责任分解表第9项。")]).issues,
      "xref.item-missing"
    );
    expect(found.map((i) => i.message)).toEqual([
      "表注说本表第1项对应「重点工作责任分解表」第9项，但该表没有第9项，请核对表注或补上该项。",
    ]);
  });

  test("a note listing more items than the table has rows cannot be followed item by item", () => {
    const found = check([source, keyTable("注：对应重点工作责任分解表第2、3项。")]).issues;
    expect(where(found, "xref.count-mismatch")).toEqual(["key:1"]);
    expect(where(found, "xref.text-differs")).toEqual([]);
  });

  test("附件N is the Nth table of the same file", () => {
    const found = check([
      source,
      keyTable("注：对应附件1第3项。", [cleanRow(1, { task: "第三项任务。", lead: "区科技局" })]),
    ]).issues;
    expect(ofRule(found, "xref.text-differs").map((i) => [i.column, i.evidence])).toEqual([
      ["lead", "区科技局"],
    ]);
  });
});

describe("diffChars and compareTexts", () => {
  test("hunks cover exactly what changed", () => {
    expect(diffChars("积极与市水务局+C18协调", "积极与市水务局、河系处协调")).toEqual([
      { aStart: 7, aEnd: 11, bStart: 7, bEnd: 11 },
    ]);
    expect(diffChars("abc", "abc")).toEqual([]);
    expect(diffChars("a1b2c", "a9b8c")).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { aStart: 3, aEnd: 4, bStart: 3, bEnd: 4 },
    ]);
  });

  test("separators only, words, and both", () => {
    expect(compareTexts("于瑞均\n薛　彤", "于瑞均、薛　彤")?.separatorsOnly).toBe(true);
    expect(compareTexts("，并做好", "，做好")?.separatorsOnly).toBe(false);
    const both = compareTexts(
      "甲、乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉，完成",
      "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉，未完成"
    );
    expect(both).toEqual({
      separatorsOnly: false,
      ours: ["…巳午未申酉，完成"],
      theirs: ["…巳午未申酉，未完成"],
    });
  });
});
