import { runTogetherChains } from "../../src/core/rules/names/runTogether";
import { spacingOf } from "../../src/core/rules/names/spacing";
import { defaultRoster, splitNames } from "../../src/core/roster";
import { seedTable } from "../support/seeds";
import { check, CLEAN_KEYS, cleanRow, craftTable, ofRule, seedValidation, where } from "./craft";

const { issues } = seedValidation();

describe("leader.missing and unit.missing", () => {
  test("the seed tables have a leader and a lead unit in every row", () => {
    expect(where(issues, "leader.missing")).toEqual([]);
    expect(where(issues, "unit.missing")).toEqual([]);
  });

  test("an empty cell is an error; a cell continuing a merge is never missing", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(1),
      cleanRow(2, { leader: "", merged: ["leader"] }),
      cleanRow(3, { leader: " ", lead: "" }),
      cleanRow(4, { lead: "", merged: ["lead"] }),
      cleanRow(5, { coop: "" }),
    ]);
    const found = check([table]).issues;
    expect(ofRule(found, "leader.missing").map((i) => [i.row, i.severity, i.message])).toEqual([
      [3, "error", "「分管领导」为空，请补填分管领导。"],
    ]);
    expect(ofRule(found, "unit.missing").map((i) => [i.row, i.message])).toEqual([
      [3, "「牵头单位」为空，请补填牵头单位。"],
    ]);
  });
});

describe("unit.alias and unit.short-form", () => {
  test("real misspellings are warnings with the roster's name suggested", () => {
    expect(ofRule(issues, "unit.alias").map((i) => [i.table, i.row, i.evidence])).toEqual([
      ["city", 14, "区市场监管委"],
      ["city", 21, "区应急局"],
      ["city", 24, "区医保局"],
      ["district", 74, "武装部"],
      ["minxin", 23, "区交通运输局"],
    ]);
    // One finding per rule per cell (issue 18): 附件1 #21's second misspelt unit is named in it.
    expect(ofRule(issues, "unit.alias")[1].message).toMatch(
      /（此单元格共 2 处同类问题，另有「区住房城乡建设委」）$/
    );
    const city14 = ofRule(issues, "unit.alias")[0];
    expect(city14.severity).toBe("warning");
    expect(city14.message).toBe(
      "「区市场监管委」（第16行）是「区市场监管局」的别称或误写，建议统一写作「区市场监管局」。"
    );
  });

  test("one written form in several rows is one issue listing the rows (民心工程 sheet rows 26 and 27)", () => {
    expect(seedTable("minxin").rows[23].fields.lead).toBe("区交通运输局");
    const minxin = ofRule(issues, "unit.alias").find((i) => i.table === "minxin");
    expect(minxin?.message).toContain("「区交通运输局」（第26、27行）是「区交通运输管理局」");
  });

  test("附件3 writes its units without 区: one hint for the whole table, not hundreds of warnings", () => {
    const found = ofRule(issues, "unit.short-form");
    expect(found.map((i) => [i.table, i.row, i.severity, i.evidence])).toEqual([
      ["city", 19, "info", "公安分局"],
      ["district", 1, "info", "发展改革委"],
    ]);
    expect(found[1].message).toMatch(
      /^本表有\d+处单位名称省略了区名（如「发展改革委」即名册中的「区发展改革委」），共涉及\d+个单位。/
    );
    // 农业农村委 (a prefix-less form) is never a per-row alias warning.
    expect(ofRule(issues, "unit.alias").some((i) => i.evidence === "农业农村委")).toBe(false);
  });

  test("the count covers every short form in 牵头单位 and 配合单位 of the table", () => {
    const roster = defaultRoster();
    let count = 0;
    for (const row of seedTable("district").rows) {
      for (const key of ["lead", "coop"] as const) {
        if (row.merged.includes(key)) continue;
        for (const part of splitNames(row.fields[key] ?? "", roster, "unit").parts) {
          const unit = roster.units.find((u) => u.name === part.canonical);
          const fullForms = unit ? [unit.name, ...unit.variants] : [];
          const shortForm =
            fullForms.includes("区" + part.normalised) || part.normalised === "公安分局";
          if (part.status === "alias" && shortForm) count++;
        }
      }
    }
    expect(ofRule(issues, "unit.short-form")[1].message).toContain(`本表有${count}处`);
  });
});

describe("leader.unknown and unit.unknown", () => {
  test("every name in the seeds is in the seeded roster; groups and counts are not units", () => {
    expect(where(issues, "leader.unknown")).toEqual([]);
    expect(where(issues, "unit.unknown")).toEqual([]);
    expect(seedTable("district").rows[53].fields.lead).toBe("合作交流办\n12个招商主体");
  });

  test("a name the roster does not know is a warning, once per table and column", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(1, { leader: "张三", lead: "区未知局" }),
      cleanRow(2, { leader: "张三" }),
    ]);
    const found = check([table]).issues;
    expect(ofRule(found, "leader.unknown").map((i) => [i.row, i.message])).toEqual([
      [
        1,
        "「张三」（第3、4行）不在名册的分管领导中，请核对姓名是否写错；如确为新分工的领导，请在名册中添加。",
      ],
    ]);
    expect(where(found, "unit.unknown")).toEqual(["crafted:1"]);
  });
});

describe("leader.run-together and unit.run-together", () => {
  test("names written with nothing between them are hints with the separated form", () => {
    const leaders = ofRule(issues, "leader.run-together");
    expect(leaders.filter((i) => i.table === "city").map((i) => [i.row, i.evidence])).toEqual([
      [1, "薛　彤罗振胜"],
      [8, "薛　彤胡永梅"],
    ]);
    expect(leaders[0].message).toBe(
      "「薛　彤罗振胜」是几位领导的姓名连在一起，没有分隔，建议写作「薛　彤、罗振胜」。"
    );
    const units = ofRule(issues, "unit.run-together");
    expect(units.map((i) => [i.table, i.row, i.evidence])).toEqual([
      ["city", 8, "会展经济区管委会区住房建设委"],
      ["city", 19, "区工业和信息化局区住房建设委"],
      ["district", 57, "工业和信息化局商务局"],
      ["district", 83, "交通运输管理局规划资源分局"],
      ["district", 99, "区疫情防控指挥部卫生健康委"],
    ]);
    expect(units[2].message).toMatch(
      /（此单元格共 2 处同类问题，另有「交通运输管理局土地整理中心」）$/
    );
  });

  test("附件3 row 1's 于瑞均薛  彤 罗振胜 is reported once, not again on the merged rows 2–5", () => {
    const district = where(issues, "leader.run-together", "district");
    expect(district).toContain("district:1");
    for (const row of [2, 3, 4, 5]) expect(district).not.toContain(`district:${row}`);
    const row1 = ofRule(issues, "leader.run-together").find(
      (i) => i.table === "district" && i.row === 1
    );
    expect(row1?.evidence).toBe("于瑞均薛  彤");
  });

  test("names separated by a space or a line break are not run together", () => {
    expect(where(issues, "leader.run-together", "key")).toEqual([]);
    expect(where(issues, "unit.run-together", "district")).not.toContain("district:34"); // 交通运输管理局 生态环境局
  });

  test("runTogetherChains finds only the names that touch", () => {
    const roster = defaultRoster();
    const cell = "于瑞均薛  彤 罗振胜胡永梅";
    const chains = runTogetherChains(cell, splitNames(cell, roster, "leader").parts);
    expect(chains.map((c) => c.map((p) => p.text))).toEqual([
      ["于瑞均", "薛  彤"],
      ["罗振胜", "胡永梅"],
    ]);
  });
});

describe("leader.spacing", () => {
  test("薛　彤 (full-width space, 12 cells of 附件1/2/3) and 薛  彤 (two spaces, 21 cells of 附件3): the minority spelling is the one reported", () => {
    const found = ofRule(issues, "leader.spacing");
    expect(found.map((i) => [i.table, i.row, i.evidence])).toEqual([["city", 1, "薛\u3000彤"]]);
    expect(found[0].message).toBe(
      "「薛\u3000彤」（全角空格）共12处，而21处写作「薛  彤」（2个半角空格），同一位领导写法不一，按姓名筛选或汇总时会被当作两个人，建议统一写作「薛  彤」。"
    );
  });

  test("a name written one way everywhere (魏  胤) is not reported", () => {
    expect(ofRule(issues, "leader.spacing").some((i) => i.evidence.startsWith("魏"))).toBe(false);
  });

  test("three spellings: each but the most used one reported once; on a tie the roster's own spelling", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(1, { leader: "薛　彤" }),
      cleanRow(2, { leader: "薛  彤" }),
      cleanRow(3, { leader: "薛  彤" }),
      cleanRow(4, { leader: "薛彤" }),
    ]);
    const found = ofRule(check([table]).issues, "leader.spacing");
    expect(found.map((i) => [i.row, i.evidence])).toEqual([
      [1, "薛　彤"],
      [4, "薛彤"],
    ]);
    expect(found[1].message).toContain("建议统一写作「薛  彤」");

    const tie = craftTable(CLEAN_KEYS, [
      cleanRow(1, { leader: "薛  彤" }),
      cleanRow(2, { leader: "薛彤" }),
    ]);
    const tied = ofRule(check([tie]).issues, "leader.spacing");
    expect(tied.map((i) => [i.row, i.evidence])).toEqual([[1, "薛  彤"]]);
    expect(tied[0].message).toContain("建议统一写作「薛彤」");
  });

  test("spacingOf describes the spaces in words", () => {
    expect(["薛彤", "薛　彤", "薛  彤", "薛 \u00a0彤"].map(spacingOf)).toEqual([
      "无空格",
      "全角空格",
      "2个半角空格",
      "空格及特殊空白字符",
    ]);
  });
});
