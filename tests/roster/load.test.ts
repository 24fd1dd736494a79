import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { defaultRoster, loadRoster } from "../../src/core/roster/load";
import { groupMembers } from "../../src/core/roster/lookup";
import { splitNames } from "../../src/core/roster/split";

/** A minimal valid roster of another district, to edit into bad data. */
function otherDistrict() {
  return {
    district: "某市某区",
    year: 2023,
    leaders: [{ name: "张\u3000三", aliases: [] as string[] }],
    units: [{ name: "区教育局", aliases: ["教育局"] }],
    groups: [{ pattern: "成员单位$", label: "成员单位" }],
  };
}

function loadError(json: unknown): string {
  try {
    loadRoster(json);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("loadRoster accepted bad data");
}

describe("loadRoster", () => {
  it("reads the seeded roster of 津南区 2022", () => {
    const roster = defaultRoster();
    expect(roster.district).toBe("天津市津南区");
    expect(roster.year).toBe(2022);
    expect(roster.leaders).toHaveLength(12);
    expect(roster.units.find((u) => u.name === "区市场监管局")?.aliases).toEqual([
      "市场监管局",
      "区市场监管委",
    ]);
    expect(defaultRoster()).toBe(roster);
  });

  it("fills in the lists a roster may leave out", () => {
    const roster = loadRoster({
      district: "某区",
      year: 2023,
      leaders: [{ name: "张三" }],
      units: [{ name: "区教育局" }],
    });
    expect(roster.leaders[0].aliases).toEqual([]);
    expect(roster.units[0]).toEqual({ name: "区教育局", variants: [], aliases: [] });
    expect(roster.groups).toEqual([]);
  });

  it("says in Chinese what is missing and where", () => {
    const noYear: Record<string, unknown> = otherDistrict();
    delete noYear.year;
    const message = loadError(noYear);
    expect(message).toMatch(/^名册数据有误：/);
    expect(message).toContain("year：缺少此项或类型不对，应为数字");
    expect(loadError({ ...otherDistrict(), units: [{ name: " " }] })).toContain(
      "units[0].name：不能为空"
    );
    expect(loadError("名册")).toContain("（顶层）：缺少此项或类型不对，应为对象");
  });

  it("rejects a misspelt field instead of silently ignoring it", () => {
    const data = otherDistrict();
    const message = loadError({ ...data, units: [{ name: "区教育局", alias: ["教育局"] }] });
    expect(message).toContain("units[0]：有无法识别的字段：alias");
  });

  it("rejects a written form that would stand for two entries", () => {
    const data = otherDistrict();
    data.units.push({ name: "区教育体育局", aliases: ["教育局"] });
    expect(loadError(data)).toContain(
      "units[1].aliases[0]：「教育局」重复：已作为「区教育局」的名称出现"
    );
  });

  it("compares names after normalisation when looking for duplicates", () => {
    const data = otherDistrict();
    data.leaders[0].aliases.push("张三");
    expect(loadError(data)).toContain("leaders[0].aliases[0]：「张三」重复");
  });

  it("rejects a group pattern that is not a regular expression", () => {
    const data = { ...otherDistrict(), groups: [{ pattern: "成员单位(", label: "成员单位" }] };
    expect(loadError(data)).toContain("groups[0].pattern：「成员单位(」不是有效的正则表达式");
    const neither = { ...otherDistrict(), groups: [{ label: "成员单位" }] };
    expect(loadError(neither)).toContain("groups[0]：写法不符");
  });

  it("rejects an unknown unit kind", () => {
    const data = { ...otherDistrict(), units: [{ name: "区教育局", kind: "bureau" }] };
    expect(loadError(data)).toMatch(/units\[0\]\.kind：取值不在允许范围内（party、government/);
  });
});

describe("another district's roster", () => {
  it("splits and resolves with that roster alone", () => {
    const roster = loadRoster(otherDistrict());
    const leaders = splitNames("张  三于瑞均", roster, "leader");
    expect(leaders.parts.map((p) => [p.text, p.status])).toEqual([
      ["张  三", "known"],
      ["于瑞均", "unknown"],
    ]);
    expect(leaders.runTogether).toBe(true);
    expect(
      splitNames("张  三 于瑞均", roster, "leader").parts.map((p) => [p.canonical, p.status])
    ).toEqual([
      ["张\u3000三", "known"],
      [null, "unknown"],
    ]);
    const units = splitNames("教育局区农业农村委\n某某工作专班成员单位", roster, "unit");
    expect(units.parts.map((p) => [p.canonical, p.status])).toEqual([
      [null, "unknown"],
      ["某某工作专班成员单位", "group"],
    ]);
    // 各镇街 is not in this 名册: a collective by its shape, with no members it could name.
    const towns = splitNames("教育局\n各镇街\n某某镇", roster, "unit").parts;
    expect(towns.map((p) => [p.text, p.status])).toEqual([
      ["教育局", "alias"],
      ["各镇街", "group"],
      ["某某镇", "unknown"],
    ]);
    expect(groupMembers(towns[1], roster)).toEqual([]);
  });

  it("finds no 津南区 name in the roster code: the district lives in the data only", () => {
    const dir = join(__dirname, "..", "..", "src", "core", "roster");
    const code = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(join(dir, f), "utf8"))
      // Comments may quote examples; code may not depend on them.
      .map((text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, ""))
      .join("\n");
    const jinnan = defaultRoster();
    const names = [
      ...jinnan.leaders.flatMap((l) => [l.name, ...l.aliases]),
      ...jinnan.units.flatMap((u) => [u.name, ...u.aliases, ...u.variants]),
      ...jinnan.groups.flatMap((g) => ("name" in g ? [g.name, ...g.aliases] : [])),
    ];
    expect(names.filter((name) => code.includes(name))).toEqual([]);
  });
});
