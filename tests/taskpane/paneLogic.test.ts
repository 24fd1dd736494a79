import type { LocatedIssue } from "../../src/taskpane/actions";
import { isIsoDate, placeOf, todayIso, truncate } from "../../src/taskpane/format";
import { groupIssues } from "../../src/taskpane/issueGroups";
import { GENERIC_ERROR_MESSAGE, toPaneError } from "../../src/taskpane/paneError";
import { seedIssues } from "./fakeWorkbook";

describe("toPaneError", () => {
  test("keeps a Chinese message as it is", () => {
    const message = "工作表「区重点工作」已被保护，无法标记单元格。请先撤销工作表保护后再校验。";
    expect(toPaneError(new Error(message))).toEqual({ message, detail: null });
  });

  test("replaces an English message by the generic sentence and keeps the raw text", () => {
    expect(toPaneError(new TypeError("x is undefined"))).toEqual({
      message: GENERIC_ERROR_MESSAGE,
      detail: "TypeError: x is undefined",
    });
    expect(toPaneError("RichApi.Error: ItemNotFound")).toEqual({
      message: GENERIC_ERROR_MESSAGE,
      detail: "RichApi.Error: ItemNotFound",
    });
  });
});

describe("groupIssues on the seeds", () => {
  const issues = seedIssues("2022-09-30");

  test("one group per rule, errors before warnings before hints, every issue kept once", () => {
    const groups = groupIssues(issues, "all");
    expect(new Set(groups.map((g) => g.rule)).size).toBe(groups.length);
    const ranks = groups.map((g) => ["error", "warning", "info"].indexOf(g.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(groups.flatMap((g) => g.issues)).toHaveLength(issues.length);
    expect(groups.find((g) => g.rule === "numbering.seq-missing")?.title).toBe("序号缺失");
  });

  test("a filter keeps only its severity", () => {
    const warnings = groupIssues(issues, "warning");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((g) => g.issues.every((i) => i.severity === "warning"))).toBe(true);
  });

  test("a rule the catalogue does not know yet is headed by its category", () => {
    const stranger: LocatedIssue = {
      ...issues[0],
      rule: "figure.cross-table-v2",
      category: "figure",
    };
    expect(groupIssues([stranger], "all")[0].title).toBe("数字");
  });
});

describe("format", () => {
  test("todayIso is the local calendar day", () => {
    expect(todayIso(new Date(2022, 8, 30, 23, 59))).toBe("2022-09-30");
    expect(todayIso(new Date(2022, 0, 1, 0, 1))).toBe("2022-01-01");
  });

  test("isIsoDate accepts what a date input gives", () => {
    expect(isIsoDate("2022-09-30")).toBe(true);
    expect(isIsoDate("")).toBe(false);
    expect(isIsoDate("2022-13-40")).toBe(false);
    expect(isIsoDate("2022年9月30日")).toBe(false);
  });

  test("placeOf writes a sheet reference as people read it", () => {
    expect(placeOf("'区重点工作'!F12")).toBe("区重点工作 F12");
    expect(placeOf("'结果!备份'!B3")).toBe("结果!备份 B3");
    expect(placeOf("'O''Neil'!A1")).toBe("O'Neil A1");
    expect(placeOf("民心工程!H26")).toBe("民心工程 H26");
  });

  test("truncate shortens by characters, not UTF-16 units, and folds line breaks", () => {
    // A 工作明细 cell of the city table, wrapped as a pasted cell would be.
    const detail = "有效国家高新技术企业达到780家，\n评价入库国家科技型中小企业662家。年底前完成。";
    expect(truncate(detail, 20)).toBe("有效国家高新技术企业达到780家， 评价…");
    expect(truncate("6月底前", 10)).toBe("6月底前");
    expect(truncate("𠀀𠀁𠀂", 2)).toBe("𠀀𠀁…");
  });
});
