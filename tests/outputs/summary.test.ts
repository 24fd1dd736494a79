import { readGridTable } from "../../src/core/grid/gridTable";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { buildUnitSheets } from "../../src/core/outputs/unitSheets";
import { buildPatch } from "../../src/core/patch/build";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { Summary, buildSummarySheet, reportLabel, summarize } from "../../src/core/summary";
import type { Table } from "../../src/core/table/schema";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTable, seedTables } from "../support/seeds";

const roster = defaultRoster();
const DATES = ["2022-03-31", "2022-09-30", "2022-12-31"] as const;

function summaryOn(checkDate: string, tables: readonly Table[] = seedTables()): Summary {
  const { issues } = validate(tables, { roster, checkDate });
  return summarize(tables, issues, { checkDate, roster });
}

const bySeed = new Map(DATES.map((d) => [d, summaryOn(d)]));
const figures = (date: (typeof DATES)[number], table: string) => {
  const t = bySeed.get(date)?.tables.find((f) => f.table === table);
  if (!t) throw new Error(`no ${table}`);
  return t;
};

describe("汇总 of the seeds", () => {
  test("is a valid Summary with every table and 170 tasks", () => {
    for (const summary of bySeed.values()) {
      expect(() => Summary.parse(summary)).not.toThrow();
      expect(summary.tables.map((t) => [t.table, t.total])).toEqual([
        ["city", 26],
        ["key", 4],
        ["district", 106],
        ["minxin", 34],
      ]);
      expect(summary.overall.total).toBe(170);
      for (const t of summary.tables)
        expect(t.done + t.inProgress + t.notStarted + t.delayed + t.unset).toBe(t.total);
    }
  });

  test("on 2022-03-31 only 区重点工作's 3月底前 row is due, nothing is overdue", () => {
    // 「3月底前制定《津南区2022年优化营商环境责任清单》…实行月报制度」 is the only district row
    // whose last dated phrase falls in the first quarter; no district row names April.
    expect(figures("2022-03-31", "district")).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(figures("2022-03-31", "city")).toMatchObject({ overdue: 0 });
    const s = bySeed.get("2022-03-31") as Summary;
    expect(s.overdue).toEqual([]);
    // 区政务服务办 leads that row and one 民心工程 row (due at the quarter's end, the same day).
    expect(s.units.find((u) => u.unit === "区政务服务办")).toMatchObject({
      overdue: 0,
      dueSoon: 2,
    });
  });

  test("关键任务: 年底前 twice, no date twice (办好各场展会; 持续推进)", () => {
    expect(figures("2022-03-31", "key")).toMatchObject({ overdue: 0, dueSoon: 0, noDate: 2 });
    expect(figures("2022-09-30", "key")).toMatchObject({ overdue: 0, dueSoon: 0, noDate: 2 });
    // On 12-31 the two 年底前 rows are due that very day: due soon, not yet overdue.
    expect(figures("2022-12-31", "key")).toMatchObject({ overdue: 0, dueSoon: 2, noDate: 2 });
  });

  test("民心工程: every row has a goal for each quarter, due at each quarter's end", () => {
    for (const date of DATES)
      expect(figures(date, "minxin")).toMatchObject({ overdue: 0, dueSoon: 34, noDate: 0 });
    expect(
      validate(seedTables(), { roster }).issues.filter((i) => i.rule === "deadline.quarter-missing")
    ).toEqual([]);
    expect(summaryOn("2023-01-05").tables.find((t) => t.table === "minxin")?.overdue).toBe(34);
  });

  test("超期 agrees with 校验's overdue rule on every table, 民心工程 included", () => {
    for (const date of [...DATES, "2023-01-05"]) {
      const { issues } = validate(seedTables(), { roster, checkDate: date });
      const summary = summarize(seedTables(), issues, { checkDate: date, roster });
      for (const table of ["city", "key", "district", "minxin"]) {
        const rule = issues.filter(
          (i) => i.table === table && i.rule === "deadline.overdue"
        ).length;
        const overdue = summary.tables.find((t) => t.table === table)?.overdue;
        expect({ date, table, overdue }).toEqual({
          date,
          table,
          overdue: rule,
        });
      }
    }
    expect(figures("2022-12-31", "district").overdue).toBeGreaterThan(
      figures("2022-09-30", "district").overdue
    );
    expect(figures("2022-09-30", "district").overdue).toBeGreaterThan(0);
  });

  test("rows without a date are the rows 校验 finds without a deadline", () => {
    const { issues } = validate(seedTables(), { roster });
    for (const table of ["city", "key", "district"]) {
      const undated = issues.filter(
        (i) =>
          i.table === table && (i.rule === "deadline.missing" || i.rule === "deadline.open-ended")
      ).length;
      expect(figures("2022-09-30", table).noDate).toBe(undated);
    }
  });

  test("lists overdue tasks with their units: on 09-30 the 3月底前 and 4-6月份 rows", () => {
    const overdue = (bySeed.get("2022-09-30") as Summary).overdue;
    expect(overdue).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: "district",
          deadline: "2022-03-31",
          lead: ["区政务服务办", "区市场监管局"],
          leader: ["胡永梅"],
        }),
        expect.objectContaining({ table: "district", deadline: "2022-06-30" }),
      ])
    );
    expect(overdue.every((o) => o.deadline < "2022-09-30")).toBe(true);
  });

  test("counts per unit agree with the unit sheets", () => {
    const tables = seedTables();
    const masters = tables.map((t) => {
      const read = readGridTable(
        gridOfSheetOp(buildImportSheet(t, undefined, { checkDate: "2022-09-30" }).op)
      );
      if (!read.table) throw new Error("not read");
      return { table: read.table, layout: read.layout };
    });
    const sheets = buildUnitSheets(masters, { checkDate: "2022-09-30", roster });
    const units = (bySeed.get("2022-09-30") as Summary).units;
    expect(units.map((u) => [u.unit, u.lead, u.coop])).toEqual(
      sheets.placed.map((p) => [p.key, p.lead, p.coop])
    );
    for (const table of tables) {
      const own = buildUnitSheets(
        masters.filter((m) => m.table.id === table.id),
        { checkDate: "2022-09-30", roster }
      );
      expect(figures("2022-09-30", table.id).leadUnits).toBe(
        own.placed.filter((p) => p.lead > 0).length
      );
    }
  });

  test("statuses typed in the master count: done, in progress, and a done row is not overdue", () => {
    const district = seedTable("district");
    const typed = district.rows.map((r) => {
      if (r.fields.detail?.includes("3月底前制定《津南区2022年优化营商环境责任清单》"))
        return { ...r, fields: { ...r.fields, status: "已完成" } };
      if (r.fields.detail?.includes("4-6月份完善各项工作档案"))
        return { ...r, fields: { ...r.fields, status: "推进中" } };
      return r;
    });
    const tables = seedTables().map((t) =>
      t.id === "district" ? { ...district, rows: typed } : t
    );
    const s = summaryOn("2022-09-30", tables);
    const d = s.tables.find((t) => t.table === "district");
    expect(d).toMatchObject({
      done: 1,
      inProgress: 1,
      overdue: figures("2022-09-30", "district").overdue - 1,
    });
    expect(d?.completionRate).toBeCloseTo(1 / 106);
    const unit = s.units.find((u) => u.unit === "区政务服务办");
    expect(unit).toMatchObject({ done: 1, overdue: 0 });
    expect(unit?.completionRate).toBeCloseTo(1 / (unit?.lead ?? 0));
  });

  test("groups the district table by its sections and 民心工程 by category", () => {
    const district = figures("2022-09-30", "district");
    expect(district.sections.map((s) => s.section)).toEqual([
      "一、主要预期目标",
      expect.stringMatching(/^二、/),
      expect.stringMatching(/^三、/),
      expect.stringMatching(/^四、/),
      expect.stringMatching(/^五、/),
      expect.stringMatching(/^六、/),
      expect.stringMatching(/^七、/),
    ]);
    expect(district.sections.reduce((n, s) => n + s.total, 0)).toBe(106);
    const minxin = figures("2022-09-30", "minxin");
    expect(minxin.sections[0].section).toBe("一、推进社区养老服务");
    expect(minxin.sections.reduce((n, s) => n + s.total, 0)).toBe(34);
  });
});

describe("the report", () => {
  test("writes the numbers into Chinese sentences", () => {
    const march = bySeed.get("2022-03-31") as Summary;
    expect(march.sentences).toContainEqual(
      expect.stringMatching(
        /^截至2022年3月31日，2022年津南区政府重点工作共106项，完成情况未填报（按完成时限：超期0项，即将到期1项），涉及\d+个牵头单位；暂无超期事项。$/
      )
    );
    const sept = bySeed.get("2022-09-30") as Summary;
    const d = figures("2022-09-30", "district");
    const sentence = sept.sentences.find((s) => s.includes("津南区政府重点工作"));
    expect(sentence).toContain(
      `截至2022年9月30日，2022年津南区政府重点工作共106项，完成情况未填报（按完成时限：超期${d.overdue}项，即将到期${d.dueSoon}项），涉及${d.leadUnits}个牵头单位；超期事项集中在`
    );
    expect(sept.sentences).toContainEqual(expect.stringMatching(/^4张表合计170项，/));
    expect(sept.sentences).toContainEqual(expect.stringMatching(/^按分管领导看，超期事项较多的是/));
    expect(sept.sentences[sept.sentences.length - 1]).toMatch(
      /^校验发现问题\d+处（错误\d+处，警告\d+处，不含超期提醒\d+处），另有提示\d+处。$/
    );
  });

  test("says 完成情况未填报, not 完成率0.0%, when no 完成状态 is filled in", () => {
    const sept = bySeed.get("2022-09-30") as Summary;
    expect(sept.sentences.join("")).not.toContain("已完成0项");
    expect(sept.units.every((u) => u.completionRate === null)).toBe(true);
  });

  test("warns when the check date lies outside the plan year", () => {
    const late = summarize(seedTables(), [], { checkDate: "2026-12-03", roster: defaultRoster() });
    expect(late.sentences[0]).toBe(
      "注意：检查日期2026年12月3日不在计划年度（2022年）内，以下超期、即将到期均按该日期计算，请核对检查日期。"
    );
    expect((bySeed.get("2022-09-30") as Summary).sentences[0]).not.toMatch(/^注意/);
  });

  test("uses 集中在 only for units with more than one overdue item", () => {
    const sept = bySeed.get("2022-09-30") as Summary;
    for (const sentence of sept.sentences) {
      const named = [...sentence.matchAll(/集中在(.*?)。/g)].flatMap((m) =>
        [...m[1].matchAll(/（(\d+)项）/g)].map((n) => Number(n[1]))
      );
      expect(named.every((n) => n > 1)).toBe(true);
    }
    // 关键任务's two overdue items lie with different units: spread, not concentrated.
    const key = sept.sentences.find((s) => s.includes("关键任务"))!;
    expect(key).not.toContain("集中在");
  });

  test("names where overdue work concentrates, most first", () => {
    const sept = bySeed.get("2022-09-30") as Summary;
    const sentence = sept.sentences.find((s) => s.includes("津南区政府重点工作")) ?? "";
    const named = [...sentence.matchAll(/([^、：在]+)（(\d+)项）/g)].map((m) => Number(m[2]));
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual([...named].sort((a, b) => b - a));
  });

  test("labels tables as reports do", () => {
    expect(seedTables().map((t) => reportLabel(t.title))).toEqual([
      "市政府重点工作（涉及津南区工作）",
      "市政府工作关键任务（涉及津南区工作）",
      "津南区政府重点工作",
      "天津市20项民心工程涉及津南区",
    ]);
  });

  test("gives the tables as HTML with inline borders, and as tab-separated text", () => {
    const s = bySeed.get("2022-09-30") as Summary;
    // Per unit, per leader, per table, and one per table with sections (区重点工作, 民心工程).
    expect(s.html.match(/<table /g)).toHaveLength(5);
    expect(s.html).toContain('style="border-collapse:collapse;');
    expect(s.html).toContain("border:1px solid #000000;");
    expect(s.html.split("<tr>").length - 1).toBe(
      s.units.length +
        1 +
        s.leaders.length +
        1 +
        s.tables.length +
        1 +
        s.tables.reduce((n, t) => n + t.sections.length + (t.sections.length > 0 ? 1 : 0), 0)
    );
    expect(s.text.split("\n")).toContainEqual(
      "牵头单位\t牵头\t配合\t其中来自统称\t已完成\t推进中\t超期\t即将到期\t校验问题\t完成率"
    );
    const row = s.text.split("\n").find((l) => l.startsWith("区司法局\t"));
    // 区司法局 only cooperates: no completion rate.
    expect(row).toBe("区司法局\t0\t1\t0\t0\t0\t0\t0\t0\t—");
  });

  test("escapes names in HTML", () => {
    const t = seedTable("key");
    const odd = {
      ...t,
      rows: [{ ...t.rows[0], fields: { ...t.rows[0].fields, lead: "<区科技局&实验室>" } }],
    };
    const s = summarize([odd], [], { checkDate: "2022-09-30", roster });
    expect(s.html).toContain("&lt;区科技局&amp;实验室&gt;");
    expect(s.html).not.toContain("<区科技局");
  });
});

describe("the 汇总 sheet", () => {
  test("holds the sentences and the tables, marked as generated", () => {
    const s = bySeed.get("2022-09-30") as Summary;
    const op = buildSummarySheet(s);
    const patch = buildPatch([op]);
    expect(patch.sheets[0]).toMatchObject({
      sheet: "汇总",
      mode: "replace",
      generated: { kind: "summary" },
    });
    const values = op.values?.[0].values ?? [];
    expect(values[0][0]).toBe("督办情况汇总（截至2022年9月30日）");
    expect(values.slice(1, 1 + s.sentences.length).map((r) => r[0])).toEqual(s.sentences);
    const header = values.findIndex((r) => r[0] === "牵头单位");
    expect(values[header + 1][0]).toBe(s.units[0].unit);
    expect(values[header + 1][1]).toBe(s.units[0].lead);
    expect(op.formats).toContainEqual(expect.objectContaining({ numberFormat: "0.0%" }));
    expect(op.print).toMatchObject({ orientation: "landscape", paper: "A4" });
  });
});
