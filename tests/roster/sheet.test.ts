import type { Grid } from "../../src/core/grid/schema";
import type { PatchCell } from "../../src/core/patch/schema";
import { learnRoster } from "../../src/core/roster/learn";
import { defaultRoster } from "../../src/core/roster/load";
import { buildRosterSheet, placeRosterIssues, readRosterSheet } from "../../src/core/roster/sheet";
import { validate } from "../../src/core/rules";
import { seedTables } from "../support/seeds";

/** The 名册 sheet as a host reads it back: the op's values as a grid. */
function gridOf(values: PatchCell[][], sheet = "名册"): Grid {
  return {
    sheet,
    top: 0,
    left: 0,
    values: values.map((r) => r.map((v) => (typeof v === "string" || v === null ? v : String(v)))),
    merges: [],
    hiddenColumns: [],
  };
}

const sheetValues = (op: ReturnType<typeof buildRosterSheet>) =>
  (op.values?.[0].values ?? []).map((r) => [...r]);

describe("the 名册 sheet", () => {
  test("the shipped roster written and read back is the same roster", () => {
    const shipped = defaultRoster();
    const read = readRosterSheet(gridOf(sheetValues(buildRosterSheet(shipped))));
    expect(read.problems).toEqual([]);
    const strip = (r: typeof shipped) => ({
      leaders: r.leaders.map((l) => [l.name, l.aliases]),
      units: r.units.map((u) => [u.name, u.aliases, u.variants]),
      groups: r.groups.flatMap((g) => ("name" in g ? [[g.name, g.aliases, g.members]] : [])),
      district: r.district,
      year: r.year,
    });
    expect(strip(read.roster!)).toEqual(strip(shipped));
  });

  test("a learned roster written says how often each form is used and which names to confirm", () => {
    const learned = learnRoster(seedTables());
    const values = sheetValues(buildRosterSheet(learned.roster, learned));
    expect(values[2]).toEqual(["类别", "名称", "别名", "也可写作", "成员", "说明"]);
    const row = values.find((r) => r[1] === "公安分局")!;
    expect(row.slice(0, 3)).toEqual(["单位", "公安分局", "公安津南分局"]);
    expect(row[5]).toContain("「公安津南分局」");
    expect(values.find((r) => r[1] === "崔德行")?.[5]).toContain("请确认");
    expect(values.find((r) => r[1] === "各镇")?.[0]).toBe("单位组");
  });

  test("a malformed sheet: each problem at its cell, the rest of the 名册 still used, nothing thrown", () => {
    const values = sheetValues(buildRosterSheet(defaultRoster()));
    const rowOf = (name: string) => values.findIndex((r) => r[1] === name);
    // 区医疗保障局's row loses its 名称 but keeps its 别名; an empty 名称 row; a cycle; an alias that is a name.
    values[rowOf("区医疗保障局")][1] = "";
    values.push(["单位", "", "", "", "", ""]);
    values[rowOf("区残联")][2] = "区总工会";
    values[rowOf("区总工会")][2] = "区残联";
    values[rowOf("区司法局")][2] = "区财政局";
    values.push(["部门", "区档案局", "", "", "", ""]);
    values[rowOf("各镇")][4] = "咸水沽镇、长青镇";
    values.push(["单位", "区教育局", "", "", "", ""]);
    const read = readRosterSheet(gridOf(values));
    const at = (p: { row: number; col: number }) => `${"ABCDEF"[p.col]}${p.row + 1}`;
    const found = read.problems.map((p) => [at(p), p.message]);
    const row = (name: string) => rowOf(name) + 1;
    expect(found).toEqual(
      expect.arrayContaining([
        [`B${rowOf("") + 1}`, expect.stringContaining("只有别名或成员，没有名称")],
        [`B${values.length - 2}`, expect.stringContaining("名称为空")],
        [`C${row("区总工会")}`, expect.stringContaining("互为别名（循环）")],
        [`C${row("区司法局")}`, expect.stringContaining("同时是第")],
        [`A${values.length - 1}`, expect.stringContaining("类别「部门」无法识别")],
        [`E${row("各镇")}`, expect.stringContaining("成员「长青镇」不是名册中的单位")],
        [`B${values.length}`, expect.stringContaining("已是第")],
      ])
    );
    expect(read.problems).toHaveLength(8);
    expect(read.roster).not.toBeNull();
    expect(read.roster!.units.some((u) => u.name === "区医疗保障局")).toBe(false);
    expect(read.roster!.units.find((u) => u.name === "区司法局")?.aliases).toEqual([]);

    const result = validate(seedTables(), {
      roster: read.roster!,
      rosterProblems: read.problems,
    });
    const sheetIssues = result.issues.filter((i) => i.rule === "roster.sheet");
    expect(sheetIssues).toHaveLength(8);
    const placed = placeRosterIssues(result.issues, read.problems);
    expect(placed.map((p) => p.address)).toContain(`'名册'!C${row("区总工会")}`);
    expect(result.totals.warning).toBeGreaterThanOrEqual(8);
  });

  test("a sheet named 名册 without the 类别/名称 header is reported, not used", () => {
    const read = readRosterSheet(gridOf([["我的名单"], ["张三"]]));
    expect(read.roster).toBeNull();
    expect(read.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("找不到“类别”“名称”表头"),
    ]);
  });
});
