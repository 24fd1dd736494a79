import { chooseRoster, shippedApplies } from "../../src/core/roster/choose";
import { learnRoster } from "../../src/core/roster/learn";
import { defaultRoster } from "../../src/core/roster/load";
import { splitNames } from "../../src/core/roster/split";
import { sameUnit } from "../../src/core/roster/variants";
import { writtenNames } from "../../src/core/roster/written";
import { validate } from "../../src/core/rules";
import { seedTables } from "../support/seeds";
import { realXlsxPath } from "../support/realTables";
import { tablesOfWorkbook } from "../../src/xlsx/workbookTables";
import { readXlsx } from "../../src/xlsx";

const tables = seedTables();
const learned = learnRoster(tables);
const unitOf = (name: string) =>
  learned.roster.units.find((u) => [u.name, ...u.aliases, ...u.variants].includes(name));

describe("a 名册 learned from the seed tables (shipped roster switched off)", () => {
  test.each([
    ["区交通运输局", "交通运输管理局"],
    ["公安分局", "公安津南分局"],
    ["区医保局", "区医疗保障局"],
    ["区应急局", "应急管理局"],
    ["区农业农村委", "农业农村委（绿屏办）"],
    ["区文化和旅游局", "区文化和旅游局（区体育局）"],
  ])("clusters %s with %s", (a, b) => {
    expect(unitOf(a)).toBeDefined();
    expect(unitOf(a)).toBe(unitOf(b));
  });

  test("the name of a cluster is the form most cells use: 农业农村委 (25 of 37 cells) over 区农业农村委", () => {
    expect(unitOf("区农业农村委")?.name).toBe("农业农村委");
    expect(unitOf("区农业农村委")?.aliases).toContain("区农业农村委");
    // A bracketed sub-office is the same unit correctly named: nothing to correct.
    expect(unitOf("区农业农村委")?.variants).toEqual(["农业农村委（绿屏办）"]);
  });

  test("every leader of the seeds, none run together, spacing variants one person", () => {
    expect(learned.roster.leaders.map((l) => l.name).sort()).toEqual(
      defaultRoster()
        .leaders.map((l) => l.name)
        .sort()
    );
  });

  test("towns are kept apart, and collectives are groups, not units", () => {
    expect(unitOf("双港镇")).not.toBe(unitOf("双桥河镇"));
    const names = learned.roster.units.map((u) => u.name);
    for (const group of ["各镇", "各镇街", "各相关镇街", "各招商主体单位"])
      expect(names).not.toContain(group);
    expect(names.some((n) => /招商主体$/.test(n))).toBe(false);
  });

  test("各镇 stands for the towns the tables name, all of them, and 各相关镇街 for none", () => {
    const group = (name: string) =>
      learned.roster.groups.find((g) => "name" in g && g.name === name) as { members: string[] };
    expect([...group("各镇").members].sort()).toEqual(
      ["咸水沽镇", "葛沽镇", "小站镇", "双港镇", "辛庄镇", "双桥河镇", "八里台镇", "北闸口镇"]
        .filter((t) =>
          tables.some((tb) =>
            tb.rows.some(
              (r) =>
                (r.fields.lead ?? "") + (r.fields.coop ?? "") !== "" &&
                `${r.fields.lead}${r.fields.coop}`.includes(t)
            )
          )
        )
        .sort()
    );
    expect(group("各相关镇街").members).toEqual([]);
  });

  test("the same tables give the same 名册 every time", () => {
    expect(JSON.stringify(learnRoster(seedTables()))).toBe(JSON.stringify(learned));
  });

  test("names written once and like no other are listed to confirm, and 校验 raises no unknown name", () => {
    expect(learned.singles.map((s) => s.name)).toEqual(
      expect.arrayContaining(["崔德行", "区市场监管委", "档案馆"])
    );
    const result = validate(tables, { roster: learned.roster });
    expect(result.issues.filter((i) => /\.unknown$/.test(i.rule))).toEqual([]);
  });

  test("校验 with it still finds the run-together names and the aliases the issue names", () => {
    const { issues } = validate(tables, { roster: learned.roster });
    const runTogether = issues.filter((i) => i.rule.endsWith(".run-together"));
    expect(runTogether.map((i) => i.evidence)).toEqual(
      expect.arrayContaining([
        "于瑞均薛  彤",
        "会展经济区管委会区住房建设委",
        "工业和信息化局商务局",
      ])
    );
    // One finding per rule per cell: a second alias in the same cell is named in its message.
    const aliases = issues.filter((i) => i.rule === "unit.alias").map((i) => i.message);
    for (const name of ["区交通运输局", "公安津南分局", "区医保局", "区应急局"])
      expect(aliases.some((m) => m.includes(`「${name}」`))).toBe(true);
  });
});

describe("sameUnit", () => {
  test.each([
    ["区市场监管局", "市场监管局"],
    ["县财政局", "财政局"],
    ["市场监管局", "市场监督管理局"],
    ["住房建设委", "区住房城乡建设委"],
  ])("%s and %s are one unit", (a, b) => expect(sameUnit(a, b)).toBe(true));

  test.each([
    ["双港镇", "双桥河镇"],
    ["双新街", "双林街"],
    ["公安局", "公安交通管理局"],
    ["区委组织部", "区委统战部"],
    ["区市场监管委", "区市场监管局"],
  ])("%s and %s are two", (a, b) => expect(sameUnit(a, b)).toBe(false));
});

describe("which 名册 applies", () => {
  test("the shipped 津南区 2022 roster for the seed tables, whose titles say 津南区 and 2022", () => {
    expect(shippedApplies(tables)).toBe(true);
    expect(chooseRoster(tables).source).toBe("shipped");
    expect(chooseRoster(tables, null, { shipped: false }).source).toBe("learned");
  });

  test("a dated table of another place turns it off; a sheet whose title has no year does not", async () => {
    const lishan = tablesOfWorkbook(await readXlsx(realXlsxPath("lishan-2023-list"))).placed;
    expect(lishan.length).toBeGreaterThan(0);
    expect(shippedApplies([...tables, ...lishan.map((p) => p.table)])).toBe(false);
    // A unit sheet's title as 生成单位表 writes it: no place, no year.
    const unitSheet = { ...tables[2], title: "区科技局重点工作任务清单", planYear: null };
    expect(shippedApplies([...tables, unitSheet])).toBe(true);
    expect(shippedApplies([unitSheet])).toBe(false);
  });

  test("a roster given (a 名册 sheet or file) wins over both", () => {
    expect(chooseRoster(tables, learned.roster).roster).toBe(learned.roster);
  });
});

test("a collective listed with 、 (各县、市、区政府, quoted in issue 12) is one group name, not three", () => {
  expect(writtenNames("各县、市、区政府、市发展改革委").map((n) => n.key)).toEqual([
    "各县、市、区政府",
    "市发展改革委",
  ]);
  const split = splitNames("各县、市、区政府", learned.roster, "unit");
  expect(split.parts.map((p) => p.text)).toEqual(["各县、市、区政府"]);
});
