import { goalQuarter, rowDeadline } from "../../src/core/tracking/deadline";
import { trackState } from "../../src/core/tracking/state";
import type { Row, Table } from "../../src/core/table/schema";
import { seedTable } from "../support/seeds";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";

/** The seed row whose field contains `phrase` (there must be exactly one). */
function rowWith(table: Table, phrase: string): Row {
  const rows = table.rows.filter((r) => Object.values(r.fields).some((v) => v?.includes(phrase)));
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe("a row's 截止日期", () => {
  const district = seedTable("district");
  const minxin = seedTable("minxin");

  test("is the final dated milestone of 工作明细及完成时限", () => {
    // 市重点工作 #1: 6月开工 … 12月底完工 … 6月底完工 — due 12月底, not at the last-written 6月底.
    const city = seedTable("city");
    expect(rowDeadline(city, city.rows[0], "2022-09-30")).toBe("2022-12-31");
    expect(
      rowDeadline(district, rowWith(district, "全区生产总值增长高于全市预期目标"), "2022-09-30")
    ).toBe("2022-12-31");
    // 3月底前制定… then only 持续推进 and 月报制度, which carry no date.
    expect(
      rowDeadline(
        district,
        rowWith(district, "3月底前制定《津南区2022年优化营商环境责任清单》"),
        "2022-09-30"
      )
    ).toBe("2022-03-31");
    // …12月底完工。4-6月份完善各项工作档案… — the last written is 4-6月份, the final 12月底.
    expect(rowDeadline(district, rowWith(district, "4-6月份完善各项工作档案"), "2022-09-30")).toBe(
      "2022-12-31"
    );
  });

  test("is missing where the text only says 持续推进 or names no time", () => {
    const key = seedTable("key");
    expect(key.rows.map((r) => rowDeadline(key, r, "2022-09-30"))).toEqual([
      "2022-12-31", // 年底前完成。
      null, // 办好各场展会 — no time at all
      "2022-12-31", // 年底前… 2022年5月… 年底前完成粮食播种面积
      null, // 持续推进。
    ]);
  });

  test("of a 民心工程 row is the end of the check date's quarter, held to the plan year", () => {
    const row = rowWith(minxin, "建设养老服务综合体（含嵌入式养老服务机构）5家");
    expect(rowDeadline(minxin, row, "2022-03-31")).toBe("2022-03-31");
    expect(rowDeadline(minxin, row, "2022-04-01")).toBe("2022-06-30");
    expect(rowDeadline(minxin, row, "2022-09-30")).toBe("2022-09-30");
    expect(rowDeadline(minxin, row, "2022-12-31")).toBe("2022-12-31");
    expect(rowDeadline(minxin, row, "2021-11-20")).toBe("2022-03-31");
    expect(rowDeadline(minxin, row, "2023-02-01")).toBe("2022-12-31");
  });

  test("of a 民心工程 row is missing when that quarter's goal is empty", () => {
    const row = rowWith(minxin, "建设养老服务综合体（含嵌入式养老服务机构）5家");
    const noQ3 = { ...row, fields: { ...row.fields, q3: " " } };
    expect(rowDeadline(minxin, noQ3, "2022-08-01")).toBeNull();
    expect(rowDeadline(minxin, noQ3, "2022-10-01")).toBe("2022-12-31");
  });

  test("goal quarters", () => {
    expect([
      goalQuarter(2022, "2022-01-01"),
      goalQuarter(2022, "2022-06-30"),
      goalQuarter(2022, "2022-07-01"),
    ]).toEqual([1, 2, 3]);
    expect([goalQuarter(2022, "2021-12-31"), goalQuarter(2022, "2023-01-01")]).toEqual([1, 4]);
  });
});

describe("where a row stands", () => {
  test.each([
    ["2022-06-30", "", "2022-09-30", "overdue"],
    ["2022-06-30", "已延期", "2022-09-30", "overdue"],
    ["2022-06-30", " 已完成 ", "2022-09-30", "done"],
    ["2022-09-30", "推进中", "2022-09-30", "dueSoon"], // due today is not yet overdue
    ["2022-10-15", "", "2022-09-30", "dueSoon"], // 15 days ahead
    ["2022-10-16", "", "2022-09-30", "open"],
    [null, "", "2022-09-30", "noDate"],
    [null, "已完成", "2022-09-30", "done"],
  ] as const)("deadline %s, status %j, checked %s → %s", (deadline, status, checkDate, state) => {
    expect(trackState(deadline, status, checkDate, 15)).toBe(state);
  });

  test("due soon follows the chosen number of days", () => {
    expect(trackState("2022-10-16", "", "2022-09-30", 16)).toBe("dueSoon");
    expect(trackState("2022-09-30", "", "2022-09-30", 0)).toBe("dueSoon");
    expect(trackState("2022-10-01", "", "2022-09-30", 0)).toBe("open");
  });
});

describe("a past milestone of an unfinished row", () => {
  test("is 阶段节点已过, not 超期 of the row (市重点工作 #1 on 2022-09-30)", () => {
    const city = seedTable("city");
    const { issues } = validate([city], { roster: defaultRoster(), checkDate: "2022-09-30" });
    const first = issues.filter((i) => i.row === 1 && i.rule.startsWith("deadline."));
    expect(first.map((i) => i.rule)).toEqual(["deadline.milestone-passed"]);
    expect(first[0].message).toContain(
      "阶段节点「2022年6月开工」（2022年6月30日）、「6月底完工」（2022年6月30日）已过"
    );
    expect(first[0].message).toContain("最终完成时限为2022年12月31日");
    // After 12月底 it is 超期, and only that.
    const late = validate([city], { roster: defaultRoster(), checkDate: "2023-01-15" }).issues;
    expect(
      late.filter((i) => i.row === 1 && i.rule.startsWith("deadline.")).map((i) => i.rule)
    ).toEqual(["deadline.overdue"]);
  });
});
