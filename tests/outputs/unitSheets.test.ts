import { readGridTable } from "../../src/core/grid/gridTable";
import type { Grid } from "../../src/core/grid/schema";
import { sheetNameFor } from "../../src/core/outputs/generatedNames";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { readUnitSheet, type UnitSheetContent } from "../../src/core/outputs/unitSheetRead";
import { buildUnitSheets, type MasterSheet } from "../../src/core/outputs/unitSheets";
import { buildPatch } from "../../src/core/patch/build";
import { a1 } from "../../src/core/patch/address";
import { sheetNameProblem } from "../../src/core/patch/sheetName";
import type {
  GeneratedMarker,
  LinkCell,
  PatchCell,
  SheetOpInput,
} from "../../src/core/patch/schema";
import { defaultRoster } from "../../src/core/roster";
import type { Table } from "../../src/core/table/schema";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTables } from "../support/seeds";

const roster = defaultRoster();
const AT = { checkDate: "2022-09-30" };

/** The 导入 sheets as the add-in reads them back from the workbook. */
function masters(tables: readonly Table[]): MasterSheet[] {
  return tables.map((t) => {
    const read = readGridTable(gridOfSheetOp(buildImportSheet(t, undefined, AT).op));
    if (!read.table) throw new Error(read.problems[0].message);
    return { table: read.table, layout: read.layout };
  });
}

function sheetOf(ops: readonly SheetOpInput[], name: string): SheetOpInput {
  const op = ops.find((o) => o.sheet === name);
  if (!op) throw new Error(`no sheet ${name}`);
  return op;
}

const cells = (op: SheetOpInput): PatchCell[][] => op.values?.[0].values ?? [];
const header = (op: SheetOpInput) => cells(op)[1] as string[];
const column = (op: SheetOpInput, title: string) => header(op).indexOf(title);

/** Data rows of one part (一、… or 二、…) of a unit sheet. */
function part(op: SheetOpInput, numeral: string): PatchCell[][] {
  const rows = cells(op);
  const start = rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(`${numeral}、`));
  if (start < 0) return [];
  const end = rows.findIndex(
    (r, i) => i > start && typeof r[0] === "string" && /^[一二三]、/.test(r[0])
  );
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

const tasksOf = (op: SheetOpInput, numeral: string) =>
  part(op, numeral).map((r) => r[column(op, "重点工作")] as string);

describe("生成单位表 on the seeds", () => {
  const seedMasters = masters(seedTables());
  const result = buildUnitSheets(seedMasters, { ...AT, roster });

  test("is a valid patch that names only its own, marked sheets", () => {
    const patch = buildPatch(result.sheets);
    for (const op of patch.sheets) {
      expect(op.mode).toBe("replace");
      expect(op.generated?.kind).toBe("unit");
      expect(op.sheet).toBe(`单位-${op.generated?.key}`);
      expect(sheetNameProblem(op.sheet)).toBeNull();
    }
    expect(result.stale).toEqual([]);
  });

  test("makes one sheet per canonical unit: aliases merged, groups and counts left out", () => {
    const keys = result.placed.map((p) => p.key);
    const canonical = new Set(roster.units.map((u) => u.name));
    for (const key of keys) expect(canonical.has(key)).toBe(true);
    // 发展改革委 (district) and 区发展改革委 (city) are one unit.
    expect(keys).toContain("区发展改革委");
    expect(keys).not.toContain("发展改革委");
    // 各镇, 各镇街 and 12个招商主体 stand for no single unit.
    for (const group of ["各镇", "各镇街", "12个招商主体"]) expect(keys).not.toContain(group);
    // Sheets come in roster order.
    const order = keys.map((k) => roster.units.findIndex((u) => u.name === k));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test("splits a multi-unit cell: 关键任务 2 is led by 会展经济区管委会 and 区住房建设委", () => {
    const task =
      "推进会展经济片区建设，确保天津国家会展中心二期展馆区投入使用，引进举办更多大型展会。";
    for (const unit of ["会展经济区管委会", "区住房建设委"]) {
      expect(tasksOf(sheetOf(result.sheets, `单位-${unit}`), "一")).toContain(task);
    }
  });

  test("lists cooperating work in a second part: 区重点工作 1 for 区农业农村委", () => {
    const op = sheetOf(result.sheets, "单位-区农业农村委");
    expect(tasksOf(op, "二")).toContain("全区生产总值增长高于全市预期目标，力争达到7%左右。");
    expect(tasksOf(op, "一")).not.toContain("全区生产总值增长高于全市预期目标，力争达到7%左右。");
    const placed = result.placed.find((p) => p.key === "区农业农村委");
    expect(placed).toMatchObject({ lead: part(op, "一").length, coop: part(op, "二").length });
  });

  test("sorts each part by deadline, rows without one last", () => {
    for (const op of result.sheets) {
      for (const numeral of ["一", "二"]) {
        const dates = part(op, numeral).map((r) => {
          const cell = r[column(op, "截止日期")];
          return cell && typeof cell === "object" && "date" in cell ? cell.date : "9999-12-31";
        });
        expect(dates).toEqual([...dates].sort());
      }
    }
  });

  test("links every row to its source row in the 导入 sheet", () => {
    const grids = new Map(
      seedTables().map((t) => {
        const op = buildImportSheet(t, undefined, AT).op;
        return [op.sheet, gridOfSheetOp(op)] as const;
      })
    );
    let links = 0;
    for (const op of result.sheets) {
      for (const numeral of ["一", "二"]) {
        for (const row of part(op, numeral)) {
          const source = row[column(op, "来源")] as LinkCell;
          const target = grids.get(source.link.sheet);
          expect(target?.values[source.link.row][source.link.col]).toBe(
            row[column(op, "重点工作")]
          );
          // Named as every output names a row: the sheet cell it links to, and the 序号.
          expect(
            source.text.startsWith(`${source.link.sheet}!${a1(source.link.row, source.link.col)}`)
          ).toBe(true);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(170);
  });

  test("shows 民心工程 quarter goals and judges them live", () => {
    const op = sheetOf(result.sheets, "单位-区民政局");
    expect(header(op)).toEqual(expect.arrayContaining(["一季度", "二季度", "三季度", "四季度"]));
    const quarterRow = part(op, "一").find(
      (r) => r[column(op, "一季度")] === "转发政策文件，布置工作任务。"
    );
    expect(quarterRow?.[column(op, "截止日期")]).toEqual({ date: "2022-09-30" });
    expect(op.conditionalFormats?.some((f) => f.formula.includes("TODAY()"))).toBe(true);
    // A unit with no 民心工程 rows has no quarter columns.
    expect(header(sheetOf(result.sheets, "单位-区委组织部"))).not.toContain("一季度");
  });

  test("keeps the bookkeeping columns hidden at the right", () => {
    const op = sheetOf(result.sheets, "单位-区发展改革委");
    const hidden = (op.columns ?? []).filter((c) => c.hidden).map((c) => header(op)[c.col]);
    expect(hidden).toEqual(["行标识", "上次同步·完成", "上次同步·进展"]);
  });

  test("a sheet per 分管领导 on request", () => {
    const leaders = buildUnitSheets(seedMasters, { ...AT, roster, by: "leader" });
    expect(leaders.placed.map((p) => p.sheet)).toEqual(roster.leaders.map((l) => `领导-${l.name}`));
    const hu = sheetOf(leaders.sheets, "领导-胡永梅");
    expect(hu.generated).toEqual({ kind: "leader", key: "胡永梅" });
    // 关键任务 1 (胡永梅) and 2 (薛 彤 / 胡永梅).
    expect(tasksOf(hu, "一")).toEqual(
      expect.arrayContaining([
        "全面提升大学科技园建设水平，新增3至5家市级大学科技园。",
        "推进会展经济片区建设，确保天津国家会展中心二期展馆区投入使用，引进举办更多大型展会。",
      ])
    );
    expect(part(hu, "二")).toEqual([]);
  });
});

describe("unit sheet names", () => {
  const none = () => false;

  test("replace Excel's forbidden characters by their full-width forms", () => {
    const name = sheetNameFor("单位-", "区[招商]办/服务?中心*:\\", none);
    expect(name).toBe("单位-区［招商］办／服务？中心＊：＼");
    expect(sheetNameProblem(name)).toBeNull();
  });

  test("cut a 300-character name to 31 with a stable disambiguator", () => {
    const long = "区".repeat(150) + "某某联合工作领导小组办公室".repeat(12);
    expect(long.length).toBeGreaterThanOrEqual(300);
    const name = sheetNameFor("单位-", long, none);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(sheetNameProblem(name)).toBeNull();
    expect(name).toMatch(/^单位-区+~[0-9a-f]{4}$/);
    expect(sheetNameFor("单位-", long, none)).toBe(name);
    // Another long name with the same start gets another name.
    expect(sheetNameFor("单位-", long + "二", none)).not.toBe(name);
  });

  test("never cut a surrogate pair, nor end in a quote", () => {
    const name = sheetNameFor("单位-", "𠀀".repeat(20), none);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(
      [...name.split("~")[0]].every((ch) => ch === "单" || ch === "位" || ch === "-" || ch === "𠀀")
    ).toBe(true);
    expect(sheetNameProblem(sheetNameFor("单位-", "区委办'", none))).toBeNull();
  });

  test("avoid every sheet of the workbook without regard to case, and reuse their own sheets", () => {
    const units: Table = {
      ...seedTables()[0],
      id: "t",
      rows: [
        {
          row: 1,
          seq: "1",
          line: 1,
          section: null,
          merged: [],
          fields: { task: "甲", detail: "年底前", lead: "ABC工作组" },
        },
        {
          row: 2,
          seq: "2",
          line: 2,
          section: null,
          merged: [],
          fields: { task: "乙", detail: "年底前", lead: "区发展改革委" },
        },
        {
          row: 3,
          seq: "3",
          line: 3,
          section: null,
          merged: [],
          fields: { task: "丙", detail: "年底前", lead: "区财政局" },
        },
      ],
    };
    const existing = [
      { name: "单位-abc工作组", generated: null }, // the user's own sheet
      {
        name: "发改委任务",
        generated: { kind: "unit", key: "区发展改革委", version: 1 } as GeneratedMarker,
      }, // renamed by the user
      {
        name: "单位-区已撤并局",
        generated: { kind: "unit", key: "区已撤并局", version: 1 } as GeneratedMarker,
      },
      { name: "我的笔记", generated: null },
    ];
    const result = buildUnitSheets(masters([units]), { ...AT, roster, existing });
    const names = new Map(result.placed.map((p) => [p.key, p.sheet]));
    expect(names.get("ABC工作组")).toMatch(/^单位-ABC工作组~[0-9a-f]{4}$/);
    expect(names.get("区发展改革委")).toBe("发改委任务");
    expect(names.get("区财政局")).toBe("单位-区财政局");
    // The unit that vanished keeps its sheet, marked; no user sheet is named in the patch.
    expect(result.stale).toEqual(["单位-区已撤并局"]);
    const stale = sheetOf(result.sheets, "单位-区已撤并局");
    expect(stale.mode).toBe("update");
    expect(cells(stale)[0][0]).toBe("【已无事项】区已撤并局重点工作任务清单");
    const named = result.sheets.map((s) => s.sheet);
    expect(named).not.toContain("单位-abc工作组");
    expect(named).not.toContain("我的笔记");
    expect(() => buildPatch(result.sheets)).not.toThrow();
  });
});

test("units with long or odd names get valid, distinct sheets, the same ones on a re-run", () => {
  const long = "津南区" + "某某重点项目建设联合推进工作领导小组办公室".repeat(15);
  const odd = "区[招商]服务/中心:一站式?*";
  const base = seedTables()[0];
  const table: Table = {
    ...base,
    rows: [
      { ...base.rows[0], fields: { ...base.rows[0].fields, lead: long } },
      { ...base.rows[1], fields: { ...base.rows[1].fields, lead: `${long}二` } },
      { ...base.rows[2], fields: { ...base.rows[2].fields, lead: `${odd}、区财政局` } },
    ],
  };
  const first = buildUnitSheets(masters([table]), { ...AT, roster });
  expect(() => buildPatch(first.sheets)).not.toThrow();
  const names = first.placed.map((p) => p.sheet);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  for (const name of names) {
    expect(name.length).toBeLessThanOrEqual(31);
    expect(sheetNameProblem(name)).toBeNull();
  }
  expect(first.placed.find((p) => p.key === odd)?.sheet).toBe(
    "单位-区［招商］服务／中心：一站式？＊"
  );
  expect(first.placed.find((p) => p.key === long)?.sheet).toMatch(
    /^单位-津南区某某.*~[0-9a-f]{4}$/
  );
  const existing = first.sheets.map((op) => ({
    name: op.sheet,
    generated: op.generated as GeneratedMarker,
  }));
  const again = buildUnitSheets(masters([table]), { ...AT, roster, existing });
  expect(again.placed.map((p) => p.sheet)).toEqual(names);
  expect(again.stale).toEqual([]);
});

/** What a user sees after typing into a generated sheet, read back as the add-in reads it. */
function typed(
  op: SheetOpInput,
  edits: { task: string; status?: string; progress?: string }[]
): UnitSheetContent {
  const grid: Grid = gridOfSheetOp(op);
  for (const edit of edits) {
    const at = grid.values.findIndex((r) => r[column(op, "重点工作")] === edit.task);
    expect(at).toBeGreaterThan(0);
    if (edit.status !== undefined) grid.values[at][column(op, "完成状态")] = edit.status;
    if (edit.progress !== undefined) grid.values[at][column(op, "进展情况")] = edit.progress;
  }
  const read = readUnitSheet(grid, op.generated as GeneratedMarker);
  expect(read.problems).toEqual([]);
  if (!read.content) throw new Error("unit sheet not read");
  return read.content;
}

describe("生成单位表 again", () => {
  const tables = seedTables();
  const district = tables.find((t) => t.id === "district") as Table;
  const first = buildUnitSheets(masters(tables), { ...AT, roster });
  const op = sheetOf(first.sheets, "单位-区发展改革委");
  // Tasks the unit leads in the district table, and one it cooperates on.
  const fromDistrict = part(op, "一")
    .filter((r) => (r[column(op, "来源")] as LinkCell).link.sheet === "区重点工作")
    .map((r) => r[column(op, "重点工作")] as string);
  const [a, b, c] = fromDistrict;
  const coopTask = tasksOf(op, "二")[0];

  test("keeps what the unit typed when master rows were inserted, removed and reordered", () => {
    const previous = typed(op, [
      { task: a, status: "已完成", progress: "已于9月完成。" },
      { task: b, progress: "正在推进" },
      { task: coopTask, status: "推进中" },
    ]);
    // The master changes: c's row removed, an unrelated row inserted first, the rest reversed.
    const removed = district.rows.find((r) => r.fields.task === c);
    const inserted = {
      ...district.rows[0],
      seq: null,
      fields: { ...district.rows[0].fields, task: "新增：推进某项工作。", lead: "区发展改革委" },
    };
    const rows = [inserted, ...district.rows.filter((r) => r !== removed).reverse()].map(
      (r, i) => ({ ...r, row: i + 1 })
    );
    const changed = tables.map((t) => (t === district ? { ...district, rows } : t));
    const againAll = buildUnitSheets(masters(changed), {
      ...AT,
      roster,
      previous: [previous],
      existing: first.placed.map((p) => ({
        name: p.sheet,
        generated: { kind: "unit", key: p.key, version: 1 },
      })),
    });
    const again = sheetOf(againAll.sheets, "单位-区发展改革委");
    const read = typed(again, []);
    const byTask = new Map(read.rows.map((r) => [r.fields.task, r]));
    expect(byTask.get(a)).toMatchObject({
      status: "已完成",
      progress: "已于9月完成。",
      baseStatus: "",
      baseProgress: "",
    });
    expect(byTask.get(b)).toMatchObject({ status: "", progress: "正在推进" });
    expect(byTask.get(coopTask)).toMatchObject({ status: "推进中" });
    expect(byTask.get("新增：推进某项工作。")).toMatchObject({ status: "", progress: "" });
    // c was not typed into: it simply leaves the sheet.
    expect(byTask.has(c)).toBe(false);
    expect(
      again.values?.[0].values.some((r) => r[0] === "三、总表中已删除的事项（保留已填写内容）")
    ).toBe(false);
    expect(read.rows.filter((r) => r.status !== "" || r.progress !== "")).toHaveLength(3);
  });

  test("keeps typed rows whose master row is gone in a third part", () => {
    const previous = typed(op, [{ task: a, progress: "已完成选址" }]);
    const gone = (t: Table) => ({ ...t, rows: t.rows.filter((r) => r.fields.task !== a) });
    const again = buildUnitSheets(masters(tables.map(gone)), {
      ...AT,
      roster,
      previous: [previous],
    });
    const sheet = sheetOf(again.sheets, "单位-区发展改革委");
    expect(cells(sheet).some((r) => r[0] === "三、总表中已删除的事项（保留已填写内容）")).toBe(
      true
    );
    expect(tasksOf(sheet, "三")).toEqual([a]);
    expect(part(sheet, "三")[0][column(sheet, "进展情况")]).toBe("已完成选址");
    expect(again.placed.find((p) => p.key === "区发展改革委")?.kept).toBe(1);
  });

  test("takes the master's new value where the unit typed nothing, keeps the unit's where it did", () => {
    const previous = typed(op, [{ task: a, status: "推进中" }]);
    const setStatus = (t: Table) => ({
      ...t,
      rows: t.rows.map((r) =>
        r.fields.task === a || r.fields.task === b
          ? { ...r, fields: { ...r.fields, status: "已延期" } }
          : r
      ),
    });
    const again = buildUnitSheets(masters(tables.map(setStatus)), {
      ...AT,
      roster,
      previous: [previous],
    });
    const read = typed(sheetOf(again.sheets, "单位-区发展改革委"), []);
    const byTask = new Map(read.rows.map((r) => [r.fields.task, r]));
    // a: both sides changed — the unit's value stays, with the old base, for 回填 to report.
    expect(byTask.get(a)).toMatchObject({ status: "推进中", baseStatus: "" });
    // b: only the master changed — the sheet follows it.
    expect(byTask.get(b)).toMatchObject({ status: "已延期", baseStatus: "已延期" });
  });
});
