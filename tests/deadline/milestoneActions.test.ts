import { datedMilestones, milestoneLabel, parseDeadlines } from "../../src/core/deadline";
import { buildUnitSheets } from "../../src/core/outputs/unitSheets";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { readGridTable } from "../../src/core/grid/gridTable";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { deadlineKey } from "../../src/core/tracking/deadline";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTable, seedTables } from "../support/seeds";

const roster = defaultRoster();
const AT = "2022-09-30";

/** The dated milestones of a seed row's 工作明细及完成时限, as outputs name them. */
function labels(table: string, row: number): string[] {
  const t = seedTable(table);
  const text = t.rows[row - 1].fields[deadlineKey(t)] ?? "";
  return datedMilestones(parseDeadlines(text, 2022)).map(milestoneLabel);
}

describe("milestones name the work each time governs", () => {
  test("the issue's own examples", () => {
    const named = (text: string) =>
      parseDeadlines(text, 2022).milestones.map((m) => [milestoneLabel(m), m.date]);
    expect(named("6月底开工，12月底完成")).toEqual([
      ["6月底开工", "2022-06-30"],
      ["12月底完成", "2022-12-31"],
    ]);
    expect(named("3月底前完成方案制定，6月底前启动建设，年底前全部完工")).toEqual([
      ["3月底前完成方案制定", "2022-03-31"],
      ["6月底前启动建设", "2022-06-30"],
      ["年底前全部完工", "2022-12-31"],
    ]);
  });

  test("43 seed rows name more than one dated milestone", () => {
    const rows = seedTables().flatMap((t) =>
      t.rows.filter(
        (r) => datedMilestones(parseDeadlines(r.fields[deadlineKey(t)] ?? "", 2022)).length > 1
      )
    );
    expect(rows.length).toBe(43);
  });

  test("seed rows as a reader names their milestones", () => {
    // 市重点工作 #1: "…工程计划于2022年6月开工，2022年12月底完工。年底前完成月牙河…预计6月底完工。"
    expect(labels("city", 1)).toEqual([
      "2022年6月开工",
      "2022年12月底完工",
      "年底前完成月牙河、幸福河、四丈…",
      "年底前完成津沽污水处理厂尾水处…",
      "6月底完工",
    ]);
    // 区重点工作 #9: "…于2022年1月正式开工，计划一季度完成三通一平、临建施工。二季度完成…"
    expect(labels("district", 9).slice(0, 5)).toEqual([
      "2022年1月正式开工",
      "一季度完成三通一平、临建施工",
      "二季度完成支护结构及工程桩施工",
      "三季度完成土方开挖施工",
      "四季度完成地下结构70%施工",
    ]);
    // 区重点工作 #55: "欧尚元项目力争6月份开工建设；…预计12月底竣工，二期预计5月底招投标。"
    expect(labels("district", 55)).toEqual(["6月份开工建设", "12月底竣工", "5月底招投标"]);
    // 区重点工作 #90: "…3月启动立项，6月底前开工、12月底前竣工…": the 、 before the next time is dropped.
    expect(labels("district", 90)).toContain("6月底前开工");
    // 市重点工作 #21: "年底前，深入开展燃气安全排查整治": the time heads the clause after the comma.
    expect(labels("city", 21)).toContain("年底前深入开展燃气安全排查整治");
  });
});

describe("outputs say which milestone has passed", () => {
  const tables = seedTables();
  const { issues } = validate(tables, { roster, checkDate: AT });
  const passed = issues.filter((i) => i.rule === "deadline.milestone-passed");

  test("校验 names every passed milestone of a row with its work, not only the last", () => {
    const city1 = passed.find((i) => i.table === "city" && i.row === 1);
    expect(city1?.message).toContain(
      "阶段节点「2022年6月开工」（2022年6月30日）、「6月底完工」（2022年6月30日）已过"
    );
    const district9 = passed.find((i) => i.table === "district" && i.row === 9);
    expect(district9?.message).toContain(
      "「2022年1月正式开工」（2022年1月31日）、「一季度完成三通一平、临建施工」（2022年3月31日）、「二季度完成支护结构及工程桩施工」（2022年6月30日）已过"
    );
  });

  test("汇总 lists the same tasks as 校验 and names them in its report", () => {
    const summary = summarize(tables, issues, { checkDate: AT, roster });
    expect(summary.milestonesPassed.length).toBe(passed.length);
    expect(summary.milestonesPassed[0]).toMatchObject({
      table: "city",
      seq: "1",
      milestones: ["2022年6月开工", "6月底完工"],
    });
    const sentence = summary.sentences.find((s) => s.startsWith("另有"));
    expect(sentence).toContain(`另有${passed.length}项工作最终完成时限未到，但阶段节点已过`);
    expect(sentence).toContain("市政府重点工作（涉及津南区工作）第1项");
    expect(sentence).toContain("「2022年6月开工」「6月底完工」");
    // Once 12月底 has passed the row is 超期, and no milestone sentence names it.
    const late = summarize(tables, validate(tables, { roster, checkDate: "2023-01-15" }).issues, {
      checkDate: "2023-01-15",
      roster,
    });
    expect(late.milestonesPassed.some((t) => t.table === "city" && t.seq === "1")).toBe(false);
  });

  test("a unit sheet's 截止日期 note names each milestone and marks the passed ones", () => {
    const masters = tables.map((t) => {
      const read = readGridTable(
        gridOfSheetOp(buildImportSheet(t, undefined, { checkDate: AT }).op)
      );
      if (!read.table) throw new Error(read.problems[0].message);
      return { table: read.table, layout: read.layout };
    });
    const { sheets } = buildUnitSheets(masters, { checkDate: AT, roster });
    const notes = sheets.flatMap((s) => s.notes ?? []).map((n) => n.text);
    expect(notes).toContain(
      "时间节点：2022年6月开工（已超期）；2022年12月底完工；年底前完成月牙河、幸福河、四丈…；年底前完成津沽污水处理厂尾水处…；6月底完工（已超期）。截止日期取最终节点。"
    );
  });
});
