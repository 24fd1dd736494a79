import { seedTable } from "../support/seeds";
import { check, ofRule, quarterTable, seedValidation, where } from "./craft";

const { issues } = seedValidation();
describe("quarterly.target-mismatch", () => {
  test("孤独症筛查率: 92%以上 for the year, ≥95% in the fourth quarter", () => {
    const found = ofRule(issues, "quarterly.target-mismatch");
    expect(found.map((i) => [i.table, i.row, i.column, i.evidence])).toEqual([
      ["minxin", 5, "q4", "≥95%"],
    ]);
    expect(found[0].message).toBe(
      "「四季度」的「≥95%」与「涉及津南区具体工作」中的全年目标「92%以上」不一致，请核对全年目标或四季度目标。"
    );
  });

  test("seed rows whose fourth quarter reaches the year's target are not reported", () => {
    const minxin = seedTable("minxin");
    // 租房补贴 200万元, 培训 2012人 (累计), 就业 2万人 = 累计2万人, 护理 0.6万人次 = 6000人次,
    // 学位 1200个 + 2520个 = 3720个, 公交线路 3条 + 7条 + 6条 = 16条.
    for (const row of [9, 13, 14, 12, 3, 23]) {
      expect(where(issues, "quarterly.target-mismatch")).not.toContain(`minxin:${row}`);
    }
    expect(minxin.rows[12].fields.q4).toBe("视疫情情况，开展培训512人，累计培训2012人。");
  });

  test("a fourth quarter short of the target is reported", () => {
    const table = quarterTable(
      "全年培训2012人。",
      "培训500人。",
      "累计培训1000人。",
      "累计培训1500人。",
      "累计培训2000人。"
    );
    expect(
      ofRule(check([table]).issues, "quarterly.target-mismatch").map((i) => i.evidence)
    ).toEqual(["2000人"]);
  });

  test("different measure words are not compared", () => {
    const table = quarterTable(
      "建设19家社区卫生服务站云平台。",
      "启动。",
      "覆盖率达到50%。",
      "覆盖率达到80%。",
      "覆盖率达到100%。"
    );
    expect(ofRule(check([table]).issues, "quarterly.target-mismatch")).toEqual([]);
  });
});

describe("quarterly.cumulative-decrease", () => {
  test("no cumulative figure goes down in the seeds (租房补贴 50 → 100 → 150 → 200万元)", () => {
    expect(where(issues, "quarterly.cumulative-decrease")).toEqual([]);
  });

  test("a 累计 figure below the quarter before is reported", () => {
    const table = quarterTable(
      "发放租房补贴200万元。",
      "发放租房补贴50万元。",
      "累计发放租房补贴100万元。",
      "累计发放租房补贴90万元。",
      "累计发放租房补贴200万元。"
    );
    const found = ofRule(check([table]).issues, "quarterly.cumulative-decrease");
    expect(found.map((i) => [i.column, i.message])).toEqual([
      [
        "q3",
        "「三季度」的累计数「90万元」少于「二季度」的「100万元」，累计数不应减少，请核对季度目标。",
      ],
    ]);
  });

  test("quarterly amounts without 累计 may go down (优化调整3条, 7条, 6条)", () => {
    const table = quarterTable(
      "全年优化调整16条公交线路。",
      "做好前期调研。",
      "优化调整3条线路。",
      "优化调整7条线路。",
      "优化调整6条线路。"
    );
    expect(ofRule(check([table]).issues, "quarterly.cumulative-decrease")).toEqual([]);
  });

  test("a range counts by its ends (累计培训1000-1500人, then 累计培训900人 is lower)", () => {
    const table = quarterTable(
      "全年培训2000人。",
      "准备。",
      "累计培训1000-1500人。",
      "累计培训900人。",
      "累计培训2000人。"
    );
    expect(
      ofRule(check([table]).issues, "quarterly.cumulative-decrease").map((i) => i.column)
    ).toEqual(["q3"]);
  });
});
