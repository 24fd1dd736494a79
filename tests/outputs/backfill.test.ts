import { readGridTable } from "../../src/core/grid/gridTable";
import type { Grid } from "../../src/core/grid/schema";
import { backfill, resolveConflicts } from "../../src/core/outputs/backfill";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { readUnitSheet, type UnitSheetContent } from "../../src/core/outputs/unitSheetRead";
import { buildUnitSheets, type MasterSheet } from "../../src/core/outputs/unitSheets";
import { buildPatch } from "../../src/core/patch/build";
import { resolveCell } from "../../src/core/patch/cells";
import type { GeneratedMarker, SheetOpInput } from "../../src/core/patch/schema";
import { defaultRoster } from "../../src/core/roster";
import type { Table } from "../../src/core/table/schema";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTables } from "../support/seeds";

const roster = defaultRoster();
const AT = { checkDate: "2022-09-30" };
const KEY_TASK_2 =
  "推进会展经济片区建设，确保天津国家会展中心二期展馆区投入使用，引进举办更多大型展会。";
const CITY_TASK_1_PREFIX = "全面提升大学科技园建设水平";

/** A small workbook held as grids: 导入 sheets, unit sheets, and what users type into them. */
class Workbook {
  readonly grids = new Map<string, Grid>();
  readonly markers = new Map<string, GeneratedMarker>();

  write(ops: readonly SheetOpInput[]): void {
    for (const op of ops) {
      if (op.mode !== "update") {
        this.grids.set(op.sheet, gridOfSheetOp(op));
        if (op.generated) this.markers.set(op.sheet, op.generated as GeneratedMarker);
        continue;
      }
      const grid = this.grids.get(op.sheet);
      if (!grid) throw new Error(`no sheet ${op.sheet}`);
      for (const block of op.values ?? [])
        block.values.forEach((row, r) =>
          row.forEach((cell, c) => {
            const value = resolveCell(cell).value;
            grid.values[block.row + r][block.col + c] = value === "" ? null : value;
          })
        );
    }
  }

  /** Types into the row of `sheet` whose 重点工作 starts with `task` (and whose 来源 starts with `source`). */
  type(
    sheet: string,
    task: string,
    title: "完成状态" | "进展情况",
    value: string,
    source = ""
  ): void {
    const grid = this.grids.get(sheet);
    if (!grid) throw new Error(`no sheet ${sheet}`);
    const header = grid.values.find((r) => r.includes(title)) ?? [];
    const taskCol = header.findIndex((v) => typeof v === "string" && /重点工作$/.test(v));
    const sourceCol = header.indexOf("来源");
    const at = grid.values.findIndex(
      (r) =>
        String(r[taskCol] ?? "").startsWith(task) &&
        (sourceCol < 0 || String(r[sourceCol] ?? "").startsWith(source))
    );
    expect(at).toBeGreaterThan(0);
    grid.values[at][header.indexOf(title)] = value;
  }

  masters(): MasterSheet[] {
    return [...this.markers]
      .filter(([, m]) => m.kind === "import")
      .map(([sheet]) => {
        const read = readGridTable(this.grids.get(sheet) as Grid);
        if (!read.table) throw new Error(read.problems[0].message);
        return { table: read.table, layout: read.layout };
      });
  }

  units(): UnitSheetContent[] {
    return [...this.markers]
      .filter(([, m]) => m.kind === "unit")
      .map(([sheet, marker]) => {
        const read = readUnitSheet(this.grids.get(sheet) as Grid, marker);
        if (!read.content) throw new Error(`cannot read ${sheet}`);
        return read.content;
      });
  }

  cell(sheet: string, task: string, title: string): unknown {
    const grid = this.grids.get(sheet) as Grid;
    const header = grid.values.find((r) => r.includes(title)) ?? [];
    const taskCol = header.findIndex((v) => typeof v === "string" && /重点工作$/.test(v));
    return grid.values.find((r) => String(r[taskCol] ?? "").startsWith(task))?.[
      header.indexOf(title)
    ];
  }
}

function setUp(tables: readonly Table[] = seedTables()): Workbook {
  const book = new Workbook();
  book.write(tables.map((t) => buildImportSheet(t, undefined, AT).op));
  book.write(buildUnitSheets(book.masters(), { ...AT, roster }).sheets);
  return book;
}

describe("回填", () => {
  test("brings a unit's typed status and progress into the master sheet", () => {
    const book = setUp();
    book.type("单位-区科技局", CITY_TASK_1_PREFIX, "完成状态", "已完成");
    book.type("单位-区科技局", CITY_TASK_1_PREFIX, "进展情况", "天大科技园已开园运营。");
    const result = backfill(book.masters(), book.units());
    expect(result.conflicts).toEqual([]);
    expect(result.problems).toEqual([]);
    // 市重点工作 2 and its copy 关键任务 1 are both in the sheet; only the row typed into is written.
    expect(result.applied.map((a) => [a.cell.sheet, a.field, a.after])).toEqual([
      ["市重点工作", "status", "已完成"],
      ["市重点工作", "progress", "天大科技园已开园运营。"],
    ]);
    expect(result.summary).toBe("回填完成：更新 2 处，没有冲突。");
    expect(() => buildPatch(result.sheets)).not.toThrow();
    expect(result.sheets.map((s) => s.sheet).sort()).toEqual(["单位-区科技局", "市重点工作"]);
    book.write(result.sheets);
    expect(book.cell("市重点工作", CITY_TASK_1_PREFIX, "完成状态")).toBe("已完成");
    expect(book.cell("单位-区科技局", CITY_TASK_1_PREFIX, "上次同步·完成")).toBe("已完成");
    // Nothing left to do the second time.
    const again = backfill(book.masters(), book.units());
    expect([again.applied, again.conflicts, again.sheets]).toEqual([[], [], []]);
  });

  test("lists a field changed on both sides as a conflict and writes nothing for it", () => {
    const book = setUp();
    book.type("单位-区科技局", CITY_TASK_1_PREFIX, "完成状态", "已完成");
    book.type("单位-区科技局", CITY_TASK_1_PREFIX, "进展情况", "已开园。");
    book.type("市重点工作", CITY_TASK_1_PREFIX, "完成状态", "推进中");
    const result = backfill(book.masters(), book.units());
    expect(result.applied.map((a) => a.field)).toEqual(["progress"]);
    expect(result.conflicts).toHaveLength(1);
    const [c] = result.conflicts;
    expect(c).toMatchObject({ table: "city", seq: "2", field: "status", master: "推进中" });
    expect(c.edits.map((e) => [e.sheet, e.value, e.base])).toEqual([
      ["单位-区科技局", "已完成", ""],
    ]);
    expect(c.message).toContain("「市重点工作」序号2");
    expect(c.message).toContain("「单位-区科技局」为「已完成」");
    expect(result.summary).toBe("回填完成：更新 1 处，冲突 1 处待确认。");
    book.write(result.sheets);
    expect(book.cell("市重点工作", CITY_TASK_1_PREFIX, "完成状态")).toBe("推进中");

    // The user keeps the unit's value: both sides then agree, and nothing is left.
    book.write(resolveConflicts([{ conflict: c, value: "已完成" }]));
    expect(book.cell("市重点工作", CITY_TASK_1_PREFIX, "完成状态")).toBe("已完成");
    const again = backfill(book.masters(), book.units());
    expect([again.applied, again.conflicts]).toEqual([[], []]);
  });

  test("two units of one task: the same value goes in, different values conflict", () => {
    const agree = setUp();
    agree.type("单位-会展经济区管委会", KEY_TASK_2, "完成状态", "推进中", "关键任务");
    agree.type("单位-区住房建设委", KEY_TASK_2, "完成状态", "推进中", "关键任务");
    const together = backfill(agree.masters(), agree.units());
    expect(together.applied).toEqual([
      expect.objectContaining({
        cell: expect.objectContaining({ sheet: "关键任务" }),
        after: "推进中",
        from: ["单位-区住房建设委", "单位-会展经济区管委会"],
      }),
    ]);

    const differ = setUp();
    differ.type("单位-会展经济区管委会", KEY_TASK_2, "完成状态", "已完成", "关键任务");
    differ.type("单位-区住房建设委", KEY_TASK_2, "完成状态", "推进中", "关键任务");
    const apart = backfill(differ.masters(), differ.units());
    expect(apart.applied).toEqual([]);
    expect(apart.conflicts.map((c) => c.edits.map((e) => e.value))).toEqual([["推进中", "已完成"]]);
    expect(apart.conflicts[0].message).toContain("总表为「」");
  });

  test("finds the rows after the master was re-imported with rows inserted and reordered", () => {
    const book = setUp();
    book.type("单位-区科技局", CITY_TASK_1_PREFIX, "完成状态", "已完成");
    const city = seedTables().find((t) => t.id === "city") as Table;
    const inserted = {
      ...city.rows[5],
      seq: "1",
      fields: { ...city.rows[5].fields, task: "新增工作。" },
    };
    const reordered = {
      ...city,
      rows: [inserted, ...[...city.rows].reverse()].map((r, i) => ({ ...r, row: i + 1 })),
    };
    book.write([buildImportSheet(reordered, undefined, AT).op]);
    const result = backfill(book.masters(), book.units());
    expect(result.applied.map((a) => [a.cell.sheet, a.after])).toEqual([["市重点工作", "已完成"]]);
    book.write(result.sheets);
    expect(book.cell("市重点工作", CITY_TASK_1_PREFIX, "完成状态")).toBe("已完成");
    expect(book.cell("市重点工作", "新增工作。", "完成状态")).toBeNull();
  });

  test("says what it cannot do: a master without tracking columns", () => {
    const book = setUp();
    book.type("单位-区科技局", CITY_TASK_1_PREFIX, "进展情况", "已开园。");
    book.write([buildImportSheet(seedTables()[0]).op]);
    const result = backfill(book.masters(), book.units());
    expect(result.problems).toEqual([
      "工作表「市重点工作」没有「完成状态」「进展情况」列，无法回填。请先用带跟踪列的方式重新导入这张表。",
    ]);
    expect(result.applied).toEqual([]);
  });

  test("says what it cannot do: a typed row whose task left the master", () => {
    const book = setUp();
    book.type("单位-区科技局", CITY_TASK_1_PREFIX, "进展情况", "已开园。", "市重点工作");
    const city = seedTables().find((t) => t.id === "city") as Table;
    const without = {
      ...city,
      rows: city.rows.filter((r) => !r.fields.task?.startsWith(CITY_TASK_1_PREFIX)),
    };
    book.write([buildImportSheet(without, undefined, AT).op]);
    const result = backfill(book.masters(), book.units());
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^工作表「单位-区科技局」第 \d+ 行在总表中找不到对应事项（可能已从总表删除），填写的内容未回填。$/
      ),
    ]);
    expect(result.applied).toEqual([]);
  });
});
