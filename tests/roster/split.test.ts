import { defaultRoster } from "../../src/core/roster/load";
import { groupLabel } from "../../src/core/roster/lookup";
import type { NameKind, NameSplit } from "../../src/core/roster/schema";
import { resolveName, splitNames } from "../../src/core/roster/split";
import { loadRealTable } from "../support/realTables";
import { seedNameCells } from "./seedCells";

const roster = defaultRoster();
const cells = seedNameCells();
const kindOf = (field: string): NameKind => (field === "leader" ? "leader" : "unit");

/** A cell quoted in a test must be a real cell of the seeds, character for character. */
function seedCell(text: string): string {
  expect(cells.map((c) => c.text)).toContain(text);
  return text;
}

const canonicals = (split: NameSplit) => split.parts.map((p) => p.canonical);
const statuses = (split: NameSplit) => split.parts.map((p) => p.status);

describe("splitNames: leaders run together and written with inner spaces", () => {
  it("splits 于瑞均薛  彤 罗振胜 (附件3 #1) into three leaders and keeps 薛  彤 whole", () => {
    const split = splitNames(seedCell("于瑞均薛  彤 罗振胜"), roster, "leader");
    expect(canonicals(split)).toEqual(["于瑞均", "薛彤", "罗振胜"]);
    expect(split.parts.map((p) => p.text)).toEqual(["于瑞均", "薛  彤", "罗振胜"]);
    expect(statuses(split)).toEqual(["known", "known", "known"]);
    expect(split.runTogether).toBe(true);
    expect(split.spacingVariant).toBe(true);
  });

  it("splits 薛　彤罗振胜 (附件1 #1), written with an ideographic space", () => {
    const split = splitNames(seedCell("薛\u3000彤罗振胜"), roster, "leader");
    expect(canonicals(split)).toEqual(["薛彤", "罗振胜"]);
    expect(split.parts[0].text).toBe("薛\u3000彤");
    expect(split.runTogether).toBe(true);
  });

  it("reads 邹朝阳魏  胤 / 陈妍卉 (附件3, 基层治理) as three leaders", () => {
    const split = splitNames(seedCell("邹朝阳魏  胤\n陈妍卉"), roster, "leader");
    expect(canonicals(split)).toEqual(["邹朝阳", "魏胤", "陈妍卉"]);
    expect(split.runTogether).toBe(true);
    expect(split.spacingVariant).toBe(true);
  });

  it("does not split a single leader written with spaces", () => {
    for (const text of ["薛\u3000彤", "薛  彤"]) {
      const split = splitNames(seedCell(text), roster, "leader");
      expect(canonicals(split)).toEqual(["薛彤"]);
      expect(split.runTogether).toBe(false);
      expect(split.spacingVariant).toBe(true);
    }
  });

  it("separates leaders on spaces and line breaks without calling it running together", () => {
    const spaced = splitNames(seedCell("陈妍卉 张基建"), roster, "leader");
    expect(canonicals(spaced)).toEqual(["陈妍卉", "张基建"]);
    expect(spaced.runTogether).toBe(false);
    expect(spaced.spacingVariant).toBe(false);

    const lines = splitNames(seedCell("于瑞均\n薛\u3000彤\n罗振胜"), roster, "leader");
    expect(canonicals(lines)).toEqual(["于瑞均", "薛彤", "罗振胜"]);
    expect(lines.runTogether).toBe(false);
    expect(lines.spacingVariant).toBe(true);
  });

  it("separates unknown leaders on spaces instead of merging them", () => {
    const split = splitNames("张三 李四", roster, "leader");
    expect(split.parts.map((p) => [p.text, p.status])).toEqual([
      ["张三", "unknown"],
      ["李四", "unknown"],
    ]);
  });
});

describe("splitNames: units", () => {
  it("splits 会展经济区管委会区住房建设委 (附件1 #8)", () => {
    const split = splitNames(seedCell("会展经济区管委会区住房建设委"), roster, "unit");
    expect(canonicals(split)).toEqual(["会展经济区管委会", "区住房建设委"]);
    expect(split.runTogether).toBe(true);
  });

  it("splits 区疫情防控指挥部卫生健康委 (附件3, 健康津南), resolving the unprefixed half", () => {
    const split = splitNames(seedCell("区疫情防控指挥部卫生健康委"), roster, "unit");
    expect(split.parts.map((p) => [p.text, p.canonical, p.status])).toEqual([
      ["区疫情防控指挥部", "区疫情防控指挥部", "known"],
      ["卫生健康委", "区卫生健康委", "alias"],
    ]);
    expect(split.runTogether).toBe(true);
  });

  it("splits 区工业和信息化局区住房建设委 inside the eleven units of 附件1 #19", () => {
    const cell = cells.find((c) => c.table === "city" && c.row === 19 && c.field === "lead");
    expect(cell?.text).toContain("区工业和信息化局区住房建设委");
    const split = splitNames(cell?.text ?? "", roster, "unit");
    expect(canonicals(split)).toEqual([
      "区生态环境局",
      "区城市管理委",
      "区交通运输管理局",
      "公安津南分局",
      "区水务局",
      "规划资源分局",
      "区农业农村委",
      "区发展改革委",
      "区工业和信息化局",
      "区住房建设委",
      "区商务局",
    ]);
    expect(split.runTogether).toBe(true);
  });

  it("splits units run together in the district table's 配合单位 (交通运输管理局规划资源分局)", () => {
    const split = splitNames(
      seedCell("区委网信办\n交通运输管理局规划资源分局\n住房建设委"),
      roster,
      "unit"
    );
    expect(canonicals(split)).toEqual([
      "区委网信办",
      "区交通运输管理局",
      "规划资源分局",
      "区住房建设委",
    ]);
  });

  it("keeps a unit written over two lines as one unit", () => {
    const xcb = splitNames(seedCell("区委宣传部\n（区文明办）"), roster, "unit");
    expect(xcb.parts).toEqual([
      {
        text: "区委宣传部\n（区文明办）",
        normalised: "区委宣传部（区文明办）",
        canonical: "区委宣传部",
        status: "known",
      },
    ]);
    expect(xcb.runTogether).toBe(false);
    expect(xcb.spacingVariant).toBe(false);

    for (const text of ["区文化和旅游局\n（区体育局）", "区文化和旅游局\n\n（区体育局）"]) {
      const split = splitNames(seedCell(text), roster, "unit");
      expect(split.parts.map((p) => [p.canonical, p.status])).toEqual([
        ["区文化和旅游局", "known"],
      ]);
    }
  });

  it("keeps a name that merely starts with a roster name whole", () => {
    const split = splitNames("区教育局教研室", roster, "unit");
    expect(split.parts.map((p) => [p.text, p.status])).toEqual([["区教育局教研室", "unknown"]]);
    expect(split.runTogether).toBe(false);
  });

  it("keeps an unknown two-line name with a parenthesis together", () => {
    const split = splitNames("某某局\n（某某办）", roster, "unit");
    expect(split.parts.map((p) => [p.normalised, p.status])).toEqual([
      ["某某局（某某办）", "unknown"],
    ]);
  });

  it("splits on 、，,；; and on spaces between units", () => {
    const split = splitNames(
      "区教育局、区民政局，区财政局,区人社局；区水务局;区商务局 区科技局",
      roster,
      "unit"
    );
    expect(canonicals(split)).toEqual([
      "区教育局",
      "区民政局",
      "区财政局",
      "区人社局",
      "区水务局",
      "区商务局",
      "区科技局",
    ]);
    expect(split.runTogether).toBe(false);
  });
});

describe("splitNames: aliases, groups, counts and 等", () => {
  it.each([
    ["区农业农村委\n区市场监管委", "区市场监管委", "区市场监管局"], // 附件1 #14
    [
      "区应急局\n区生态环境局\n区城市管理委\n区住房城乡建设委\n区交通运输管理局\n公安分局",
      "区住房城乡建设委",
      "区住房建设委",
    ], // 附件1 #21
    [
      "区应急局\n区生态环境局\n区城市管理委\n区住房城乡建设委\n区交通运输管理局\n公安分局",
      "区应急局",
      "区应急管理局",
    ],
    [
      "区应急局\n区生态环境局\n区城市管理委\n区住房城乡建设委\n区交通运输管理局\n公安分局",
      "公安分局",
      "公安津南分局",
    ],
    ["区民政局\n区卫生健康委\n区医保局", "区医保局", "区医疗保障局"], // 附件1 #24
    ["区交通运输局", "区交通运输局", "区交通运输管理局"], // 民心工程 十二、
    ["发展改革委\n生态环境局", "发展改革委", "区发展改革委"], // 附件3: the district writes its units without 区
    ["应急管理局", "应急管理局", "区应急管理局"],
  ])("resolves the alias in %j: %s → %s", (cell, alias, canonical) => {
    const part = splitNames(seedCell(cell), roster, "unit").parts.find((p) => p.text === alias);
    expect(part).toMatchObject({ canonical, status: "alias" });
  });

  it("takes a unit's full name (海棠街道办事处) as known, not as an alias to correct", () => {
    const part = splitNames(seedCell("卫生健康委\n海棠街道办事处"), roster, "unit").parts[1];
    expect(part).toMatchObject({ text: "海棠街道办事处", canonical: "海棠街", status: "known" });
  });

  it.each([
    ["各镇街", "各镇街"],
    ["各相关镇街", "各相关镇街"],
    ["各相关镇", "各相关镇"],
    ["京津冀协同发展工作领导小组成员单位", "京津冀协同发展工作领导小组成员单位"],
    ["双万双服促发展活动领导小组成员单位", "双万双服促发展活动领导小组成员单位"],
  ])("recognises the group %j", (cell, canonical) => {
    expect(splitNames(seedCell(cell), roster, "unit").parts).toEqual([
      { text: cell, normalised: canonical, canonical, status: "group" },
    ]);
  });

  it("recognises groups among units", () => {
    const towns = splitNames(seedCell("相关街镇\n开发区管委会"), roster, "unit");
    expect(towns.parts.map((p) => [p.canonical, p.status])).toEqual([
      ["各相关镇街", "group"],
      ["开发区管委会", "known"],
    ]);
    const members = splitNames(
      seedCell("会展常态化保障各成员单位、“一站式”服务各成员单位"),
      roster,
      "unit"
    );
    expect(statuses(members)).toEqual(["group", "group"]);
    const quality = splitNames(
      seedCell("质量工作领导小组相关成员单位 知识产权保护工作领导小组相关成员单位"),
      roster,
      "unit"
    );
    expect(quality.parts.map((p) => p.text)).toEqual([
      "质量工作领导小组相关成员单位",
      "知识产权保护工作领导小组相关成员单位",
    ]);
    expect(statuses(quality)).toEqual(["group", "group"]);
    const investors = splitNames(
      seedCell("商务局\n会展经济区管委会\n各招商主体单位"),
      roster,
      "unit"
    );
    expect(statuses(investors)).toEqual(["alias", "known", "group"]);
  });

  it("names what a group stands for", () => {
    const [members, towns, unit] = splitNames(
      seedCell("区农村人居环境整治领导小组成员单位\n各相关镇"),
      roster,
      "unit"
    ).parts.concat(resolveName("区教育局", roster, "unit"));
    expect(groupLabel(members, roster)).toBe("成员单位");
    expect(groupLabel(towns, roster)).toBe("相关镇");
    expect(groupLabel(unit, roster)).toBeNull();
  });

  it("reads 12个招商主体 as a count, not a unit", () => {
    const split = splitNames(seedCell("合作交流办\n12个招商主体"), roster, "unit");
    expect(split.parts.map((p) => [p.text, p.canonical, p.status])).toEqual([
      ["合作交流办", "区合作交流办", "alias"],
      ["12个招商主体", null, "count"],
    ]);
  });

  it("strips the 等 that ends an open list and notes it", () => {
    const cell =
      cells.find((c) => c.table === "district" && c.row === 1 && c.field === "coop")?.text ?? "";
    expect(cell.endsWith("海河教育园区管委会等")).toBe(true);
    const split = splitNames(cell, roster, "unit");
    expect(split.etc).toBe(true);
    expect(split.parts).toHaveLength(14);
    expect(split.parts[13]).toEqual({
      text: "海河教育园区管委会",
      normalised: "海河教育园区管委会",
      canonical: "海河教育园区管委会",
      status: "known",
    });
    expect(split.parts[10]).toMatchObject({ text: "各镇", status: "group" });
    expect(splitNames("区教育局", roster, "unit").etc).toBe(false);
  });
});

describe("splitNames on every leader and unit cell of the seeds", () => {
  /**
   * Names consciously left out of the roster, with the reason. None so far: every name in the
   * seeds' leader and unit cells could be placed.
   */
  const LEFT_UNKNOWN: { text: string; reason: string }[] = [];

  it("reads the cells of all four tables", () => {
    const rows = (table: string) =>
      new Set(cells.filter((c) => c.table === table).map((c) => c.row)).size;
    expect([rows("city"), rows("key"), rows("district"), rows("minxin")]).toEqual([26, 4, 106, 34]);
  });

  it("finds no unknown name except those listed", () => {
    const unknown = cells.flatMap((c) =>
      splitNames(c.text, roster, kindOf(c.field))
        .parts.filter((p) => p.status === "unknown")
        .map((p) => `${c.table} #${c.row} ${c.field}: ${p.text}`)
    );
    expect(unknown).toEqual(LEFT_UNKNOWN.map((u) => u.text));
  });

  it("finds every leader of the roster, and nobody else, in the 分管领导 cells", () => {
    const leaders = new Set(
      cells
        .filter((c) => c.field === "leader")
        .flatMap((c) => splitNames(c.text, roster, "leader").parts.map((p) => p.canonical))
    );
    expect([...leaders].sort()).toEqual(
      [
        "于瑞均",
        "薛彤",
        "罗振胜",
        "胡永梅",
        "郭建华",
        "邹朝阳",
        "陈妍卉",
        "张基建",
        "魏志强",
        "魏胤",
        "崔德行",
        "洪军民",
      ].sort()
    );
  });

  it("uses every unit of the roster somewhere in the seeds, except the towns and streets listed for completeness", () => {
    const used = new Set(
      cells
        .filter((c) => c.field !== "leader")
        .flatMap((c) => splitNames(c.text, roster, "unit").parts.map((p) => p.canonical))
    );
    const unused = roster.units.map((u) => u.name).filter((name) => !used.has(name));
    // 小站镇, 双新街, 双林街: units of the district that no cell happens to name.
    expect(unused.sort()).toEqual(["双新街", "双林街", "小站镇"].sort());
  });

  it("reports the 附件1 and 附件3 spellings of 薛彤 as spacing variants of one person", () => {
    const written = new Set(
      cells
        .filter((c) => c.field === "leader")
        .flatMap((c) => splitNames(c.text, roster, "leader").parts)
        .filter((p) => p.canonical === "薛彤")
        .map((p) => p.text)
    );
    expect([...written].sort()).toEqual(["薛  彤", "薛\u3000彤"].sort());
  });

  it("leaves continued (merged) and empty cells without parts", () => {
    // 附件3 #2: the 分管领导 cell continues the merged cell of #1 and is written empty.
    const merged = cells.find((c) => c.table === "district" && c.row === 2 && c.field === "leader");
    expect(merged?.text).toBe("");
    for (const text of ["", "   ", "\u3000\n", "、、", " ，； "]) {
      expect(splitNames(text, roster, "unit")).toEqual({
        parts: [],
        runTogether: false,
        spacingVariant: false,
        etc: false,
      });
    }
  });
});

describe("splitNames on real tables of other places (tests/fixtures/real)", () => {
  const rowOf = (id: string, seq: string) =>
    loadRealTable(id).sheet.rows.find((r) => r[0] === seq) ?? [];

  it("leaves out a bracketed note on roles: 县发改局(首位单位为牵头单位,下同) (海盐县 2022)", () => {
    const cell = String(rowOf("haiyan-2022-list", "1.")[2]);
    expect(cell).toBe("县发改局(首位单位为牵头单位,下同)、县财政局、县税务局、县农业农村局");
    const split = splitNames(cell, roster, "unit");
    expect(split.parts.map((p) => p.text)).toEqual([
      "县发改局",
      "县财政局",
      "县税务局",
      "县农业农村局",
    ]);
  });

  it("reads 金力。 and 市发展改革委。 of a list that ends each line with 。 (滁州市 2020)", () => {
    const [, , leader, lead, coop] = rowOf("chuzhou-2020-list", "1.");
    expect(splitNames(String(leader), roster, "leader").parts.map((p) => p.text)).toEqual(["金力"]);
    expect(splitNames(String(lead), roster, "unit").parts.map((p) => p.text)).toEqual([
      "市发展改革委",
    ]);
    const units = splitNames(String(coop), roster, "unit");
    expect(units.parts.map((p) => p.text)).toContain("各县、市、区政府");
    expect(units.parts.map((p) => p.text)).toContain("中新苏滁高新区管委会");
  });

  it("does not cut at a separator inside brackets, unless the bracket is never closed", () => {
    expect(splitNames("区委办（区委督查室、区政府督查室）", roster, "unit").parts).toHaveLength(1);
    expect(splitNames("区委办（区委督查室、区政府督查室", roster, "unit").parts).toHaveLength(2);
  });
});

describe("splitNames on garbage", () => {
  it("reads a 300-character name it does not know as one unknown part", () => {
    const garbage = "某".repeat(100) + "区住房建设" + "管委会".repeat(65);
    expect(garbage).toHaveLength(300);
    const split = splitNames(garbage, roster, "unit");
    expect(split.parts).toEqual([
      { text: garbage, normalised: garbage, canonical: null, status: "unknown" },
    ]);
  });

  it("stays linear on inputs that would make a backtracking matcher explode", () => {
    // Each of these finishes in milliseconds because the splitter walks a trie from each position
    // and tests anchored or suffix patterns on single tokens; a backtracking split would not finish
    // within the test timeout on 100,000 characters.
    const hostile = [
      "各".repeat(100_000),
      "1个".repeat(50_000),
      "成员单位".repeat(25_000) + "x",
      "薛 ".repeat(50_000),
      "区住房建设".repeat(20_000),
      "（牵头".repeat(25_000),
    ];
    for (const cell of hostile) {
      const split = splitNames(cell, roster, "unit");
      expect(split.parts.length).toBeGreaterThan(0);
    }
  });
});

describe("resolveName", () => {
  it("resolves one name as written, without splitting it", () => {
    expect(resolveName(" 区市场监管委 ", roster, "unit")).toEqual({
      text: "区市场监管委",
      normalised: "区市场监管委",
      canonical: "区市场监管局",
      status: "alias",
    });
    expect(resolveName("薛  彤", roster, "leader")).toMatchObject({
      canonical: "薛彤",
      status: "known",
    });
    expect(resolveName("区委宣传部(区文明办)", roster, "unit")).toMatchObject({
      canonical: "区委宣传部",
      status: "known",
    });
    expect(resolveName("于瑞均薛彤", roster, "leader")).toMatchObject({
      canonical: null,
      status: "unknown",
    });
    expect(resolveName("各相关镇街", roster, "unit")).toMatchObject({
      canonical: "各相关镇街",
      status: "group",
    });
  });

  it("keeps leaders and units apart", () => {
    expect(resolveName("区教育局", roster, "leader").status).toBe("unknown");
    expect(resolveName("胡永梅", roster, "unit").status).toBe("unknown");
    expect(resolveName("各镇街", roster, "leader").status).toBe("unknown");
  });
});
