import { readGridTable } from "../../src/core/grid/gridTable";
import { readXlsx } from "../../src/xlsx";
import { realXlsxPath } from "../support/realTables";
import { seedTable } from "../support/seeds";
import {
  check,
  CLEAN_KEYS,
  cleanRow,
  craftTable,
  ofRule,
  quarterTable,
  seedValidation,
  where,
} from "./craft";

const { issues } = seedValidation();

describe("deadline.missing", () => {
  test("details with no time expression at all are reported, merged ones at their first row", () => {
    // 附件1 #4 "继续落实“海河英才”行动计划，做好引才落户服务。" and #8 (会展) name no time.
    expect(where(issues, "deadline.missing", "city")).toEqual(["city:3", "city:4", "city:8"]);
    expect(where(issues, "deadline.missing", "key")).toEqual(["key:2"]);
    const city4 = ofRule(issues, "deadline.missing").find((i) => i.table === "city" && i.row === 4);
    expect(city4?.message).toBe(
      "「津南区工作明细及完成时限」中没有完成时限，请补充明确的完成时间（如“6月底前完成”“年底前完成”）。"
    );
    expect(city4?.evidence).toBe("继续落实“海河英才”行动计划，做好引才落户服务。");
  });

  test("附件3 rows 2–5 continue row 1's merged 年底前完成。 and are not reported", () => {
    const district = seedTable("district");
    expect(
      district.rows
        .slice(1, 5)
        .every((r) => r.merged.includes("detail") && r.fields.detail === "年底前完成。")
    ).toBe(true);
    const reported = where(issues, "deadline.missing", "district");
    for (const row of [1, 2, 3, 4, 5, 16, 22, 85])
      expect(reported).not.toContain(`district:${row}`);
    expect(reported).toHaveLength(26);
  });

  test("民心工程 is timed by its quarter columns, so its details are not asked for a deadline", () => {
    expect(where(issues, "deadline.missing", "minxin")).toEqual([]);
  });

  test("a table whose only time wording is 持续推进 is not a table of deadlines (绍兴市 2020)", async () => {
    // 内容与要求 of the city's first-quarter progress table: row 2 opens with 持续推进, no row names
    // a date, and there is no 完成时限 column; row 2 keeps its 提示 for the open-ended wording.
    const read = readGridTable(
      (await readXlsx(realXlsxPath("shaoxing-2020-q1-progress"))).grids[0]
    );
    if (!read.table) throw new Error("not read");
    expect(read.table.rows[1].fields.task).toMatch(/^持续推进/);
    const found = check([read.table]).issues;
    expect(where(found, "deadline.missing")).toEqual([]);
    expect(where(found, "deadline.open-ended")).toEqual(["一季度进展:2"]);
  });

  test("an empty detail that does not continue a merge is missing a deadline; a merged one is not", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(1),
      cleanRow(2, { detail: "" }),
      cleanRow(3, { detail: "", merged: ["detail"] }),
    ]);
    expect(where(check([table]).issues, "deadline.missing")).toEqual(["crafted:2"]);
  });
});

describe("deadline.open-ended", () => {
  test("附件1 #26 ends with 持续推进。 and has no date", () => {
    const city26 = ofRule(issues, "deadline.open-ended").find(
      (i) => i.table === "city" && i.row === 26
    );
    expect(city26?.severity).toBe("info");
    expect(city26?.evidence).toBe("常态化、持续推进");
  });

  test("recurring work (坚持每月10日开展) is open-ended too; a date anywhere settles it", () => {
    const reported = where(issues, "deadline.open-ended", "district");
    expect(reported).toContain("district:61");
    expect(reported).not.toContain("district:9"); // 持续推进 … 2022年年内完成城市设计初步方案
  });
});

describe("deadline.beyond-year", () => {
  test("附件3's three milestones in 2023 are reported with the date they mean", () => {
    expect(ofRule(issues, "deadline.beyond-year").map((i) => [i.table, i.row, i.evidence])).toEqual(
      [
        ["district", 77, "2022年12月至2023年12月"],
        ["district", 94, "2023年三季度"],
        ["district", 99, "2023年一季度"],
      ]
    );
    const row94 = ofRule(issues, "deadline.beyond-year")[1];
    expect(row94.message).toBe(
      "完成时限「2023年三季度」（2023年9月30日）超出计划年度2022年，请确认是否为跨年度任务，并写明2022年内要完成的节点。"
    );
  });

  test("a table whose title names no year is not compared with a year", () => {
    const table = craftTable(CLEAN_KEYS, [cleanRow(1, { detail: "2023年6月底前完成。" })], {
      title: "重点工作责任分解表",
      planYear: null,
    });
    expect(where(check([table]).issues, "deadline.beyond-year")).toEqual([]);
  });

  test("a quarter goal running into the next year is found without a year written", () => {
    const table = quarterTable("试点1个。", "准备。", "启动。", "推进。", "11月至2月完成试点1个。");
    expect(where(check([table]).issues, "deadline.beyond-year")).toEqual(["crafted:1"]);
  });
});

describe("deadline.quarter-missing", () => {
  test("the seed 民心工程 has every quarter filled", () => {
    expect(where(issues, "deadline.quarter-missing")).toEqual([]);
  });

  test("an empty quarter goal is one warning per empty quarter", () => {
    const table = quarterTable("试点1个。", "准备。", "", "  ", "完成试点1个。");
    const found = ofRule(check([table]).issues, "deadline.quarter-missing");
    expect(found.map((i) => [i.column, i.message])).toEqual([
      ["q2", "「二季度」阶段性目标为空，请补充该季度要完成的目标。"],
      ["q3", "「三季度」阶段性目标为空，请补充该季度要完成的目标。"],
    ]);
  });
});

describe("deadline.overdue", () => {
  test("without a check date nothing is overdue", () => {
    expect(where(issues, "deadline.overdue")).toEqual([]);
  });

  test("with one, rows whose deadline has passed are reported unless marked done", () => {
    const table = craftTable(
      [...CLEAN_KEYS, "status"],
      [
        cleanRow(1, { detail: "5月底前完成。" }),
        cleanRow(2, { detail: "5月底前完成。", status: "已完成" }),
        cleanRow(3, { detail: "5月底前完成。", status: "未完成" }),
        cleanRow(4, { detail: "年底前完成。" }),
        cleanRow(5, { detail: "5月底前完成。", merged: ["detail"] }),
      ]
    );
    const found = ofRule(check([table], "2022-07-01").issues, "deadline.overdue");
    expect(found.map((i) => i.row)).toEqual([1, 3, 5]);
    expect(found[0].message).toBe(
      "完成时限「5月底前」（2022年5月31日）已过（检查日期2022年7月1日），且未标为已完成，请督促牵头单位报送完成情况。"
    );
  });

  test("民心工程 is judged by the goal of the check date's quarter, not by its detail text", () => {
    // The detail names 5月底前, which has passed on 07-01; the 三季度 goal is due on 09-30.
    const table = quarterTable("5月底前完成试点1个。", "准备。", "启动。", "推进。", "完成。");
    expect(ofRule(check([table], "2022-07-01").issues, "deadline.overdue")).toEqual([]);
    expect(ofRule(check([table], "2022-09-30").issues, "deadline.overdue")).toEqual([]);
    // After the plan year the 四季度 goal stays overdue until the row is done.
    const late = ofRule(check([table], "2023-01-05").issues, "deadline.overdue");
    expect(late.map((i) => [i.row, i.columnTitle, i.evidence])).toEqual([[1, "四季度", "完成。"]]);
    expect(late[0].message).toBe(
      "完成时限「四季度目标」（2022年12月31日）已过（检查日期2023年1月5日），且未标为已完成，请督促牵头单位报送完成情况。"
    );
    // A quarter without a written goal has no date to be overdue by.
    const unwritten = quarterTable("试点1个。", "准备。", "启动。", "推进。", "");
    expect(ofRule(check([unwritten], "2023-01-05").issues, "deadline.overdue")).toEqual([]);
  });

  test("a table whose title has no year is dated in the check date's year, as 汇总 dates it", () => {
    const table = craftTable(CLEAN_KEYS, [cleanRow(1, { detail: "5月底前完成。" })], {
      planYear: null,
    });
    expect(where(check([table], "2022-07-01").issues, "deadline.overdue")).toHaveLength(1);
    expect(where(check([table], "2022-05-01").issues, "deadline.overdue")).toEqual([]);
  });
});
