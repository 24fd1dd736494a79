import { expectedSeqs } from "../../src/core/rules";
import { chineseNumber } from "../../src/core/rules/numbering/headings";
import { seedTable } from "../support/seeds";
import { check, CLEAN_KEYS, cleanRow, craftTable, ofRule, seedValidation, where } from "./craft";

describe("numbering.seq-missing", () => {
  const issues = ofRule(seedValidation().issues, "numbering.seq-missing");

  test("附件3 loses its 序号 in four stretches, one issue each, with the numbers to fill in", () => {
    // 序号 is printed on items 1–14, 29, 77 and 87 only (Word auto-numbering lost elsewhere);
    // rows are named as the 区重点工作 sheet shows them, section and 涉及领域 bands counted.
    expect(issues.map((i) => [i.table, i.row, i.cell, i.lastRow, i.message])).toEqual([
      ["district", 15, "A22", 39, "第22—39行没有序号（共14行），按前后序号推算应为15—28，请补填。"],
      [
        "district",
        30,
        "A42",
        100,
        "第42—100行没有序号（共47行），按前后序号推算应为30—76，请补填。",
      ],
      [
        "district",
        78,
        "A102",
        112,
        "第102—112行没有序号（共9行），按前后序号推算应为78—86，请补填。",
      ],
      [
        "district",
        88,
        "A116",
        137,
        "第116—137行没有序号（共19行），按前后序号推算应为88—106，请补填。",
      ],
    ]);
    expect(issues.every((i) => i.column === "seq" && i.severity === "warning")).toBe(true);
  });

  test("附件1 and 附件2 are fully numbered; 民心工程 has no 序号 column and is not asked for one", () => {
    expect(issues.filter((i) => i.table !== "district")).toEqual([]);
  });

  test("expectedSeqs gives every row of 附件3 its number", () => {
    const expected = expectedSeqs(seedTable("district"));
    expect(expected).toEqual(seedTable("district").rows.map((r) => r.row));
  });

  test("a single missing row gives its number after the row above", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(7),
      { ...cleanRow(8), seq: undefined },
      cleanRow(9),
    ]);
    expect(ofRule(check([table]).issues, "numbering.seq-missing").map((i) => i.message)).toEqual([
      "第4行没有序号（共1行），按前后序号推算应为8，请补填。",
    ]);
  });
});

describe("numbering.seq-duplicate and numbering.seq-order", () => {
  const numbered = (...seqs: string[]) =>
    craftTable(
      CLEAN_KEYS,
      seqs.map((s) => ({ ...cleanRow(1), seq: s }))
    );

  test("the seed tables are in order without duplicates", () => {
    const { issues } = seedValidation();
    expect(where(issues, "numbering.seq-duplicate")).toEqual([]);
    expect(where(issues, "numbering.seq-order")).toEqual([]);
  });

  test("a repeated number is an error on the later row", () => {
    const issues = check([numbered("1", "2", "2", "4")]).issues;
    expect(ofRule(issues, "numbering.seq-duplicate").map((i) => [i.row, i.message])).toEqual([
      [3, "序号「2」与第4行重复，按前后顺序本行应为3，请核对后改正。"],
    ]);
    expect(ofRule(issues, "numbering.seq-order")).toEqual([]);
  });

  test("one wrong number is reported once, the count going on from before it", () => {
    const issues = ofRule(check([numbered("1", "2", "7", "4", "5")]).issues, "numbering.seq-order");
    expect(issues.map((i) => [i.row, i.evidence])).toEqual([[3, "7"]]);
    expect(issues[0].message).toContain("按顺序应为3");
  });

  test("a jump the following rows keep is reported once, at the jump", () => {
    const issues = ofRule(check([numbered("1", "2", "4", "5", "6")]).issues, "numbering.seq-order");
    expect(issues.map((i) => [i.row, i.message])).toEqual([
      [3, "序号「4」接在第4行的「2」之后，不连续，按顺序应为3，请核对是否漏行、多行或编号有误。"],
    ]);
  });

  test("rows without 序号 between two numbers are counted, full-width digits read", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(1),
      { ...cleanRow(2), seq: undefined },
      { ...cleanRow(3), seq: "３" },
    ]);
    expect(ofRule(check([table]).issues, "numbering.seq-order")).toEqual([]);
  });
});

describe("numbering.heading-gap and numbering.heading-order", () => {
  test("民心工程 jumps from 十三、 to 十五、: one warning at the first row of 十五、", () => {
    const issues = ofRule(seedValidation().issues, "numbering.heading-gap");
    expect(issues.map((i) => [i.table, i.row, i.column, i.message])).toEqual([
      [
        "minxin",
        26,
        "category",
        "类别编号从「十三、」跳到「十五、」，缺少「十四、」，请核对是否漏项或编号有误。",
      ],
    ]);
    expect(seedTable("minxin").rows[25].fields.category).toBe("十五、建设智慧平安社区");
  });

  test("附件3's sections 一、…七、 and 涉及领域 1．…22． run without gaps", () => {
    const { issues } = seedValidation();
    expect(where(issues, "numbering.heading-gap", "district")).toEqual([]);
    expect(where(issues, "numbering.heading-order")).toEqual([]);
  });

  test("sections and 涉及领域 are checked too, in Chinese and Arabic numerals", () => {
    const table = craftTable(
      ["seq", "domain", "task", "detail", "leader", "lead"],
      [
        cleanRow(1, { section: "一、主要预期目标", domain: "1．主要预期目标" }),
        cleanRow(2, { section: "三、聚焦会展", domain: "2．全面保障会展中心" }),
        cleanRow(3, { section: "三、聚焦会展", domain: "5．加快推动会展经济" }),
        cleanRow(4, { section: "二、聚焦生态", domain: "4．打好生态建设" }),
      ]
    );
    const issues = check([table]).issues;
    expect(
      ofRule(issues, "numbering.heading-gap").map((i) => [i.row, i.column, i.message])
    ).toEqual([
      [2, "seq", "分节编号从「一、」跳到「三、」，缺少「二、」，请核对是否漏项或编号有误。"],
      [
        3,
        "domain",
        "涉及领域编号从「2．」跳到「5．」，缺少「3．」「4．」，请核对是否漏项或编号有误。",
      ],
    ]);
    expect(ofRule(issues, "numbering.heading-order").map((i) => [i.row, i.column])).toEqual([
      [4, "seq"],
      [4, "domain"],
    ]);
  });

  test("chineseNumber writes heading numbers the way documents do", () => {
    expect([1, 10, 14, 20, 21, 99].map(chineseNumber)).toEqual([
      "一",
      "十",
      "十四",
      "二十",
      "二十一",
      "九十九",
    ]);
  });
});
