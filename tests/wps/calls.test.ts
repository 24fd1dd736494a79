import { createWpsActions } from "../../src/wps/host";
import { applyPatchWps } from "../../src/wps/applyPatch";
import { MAX_NOTES } from "../../src/wps/writeContent";
import { wpsHost } from "../../src/wps/host";
import { DISTRICT_HEADER, breakdownSheetOp, districtRows } from "../excel/fixtures";
import { RECORD_SHEET } from "../../src/core/patch/record";
import type { EtStandIn } from "../support/et-standin";
import { noProgress, withEt } from "./support";

/**
 * Every ET call crosses into WPS: a command's calls must follow its sheets, columns and formats,
 * never its rows. Measured on the district table repeated to 100, 2,000 and 10,000 rows.
 */

jest.setTimeout(120_000);

/**
 * Writes a breakdown sheet of `rows` rows, then reads it back: the ET calls of each. Measured
 * once per size for this file's write and read tests (the read needs the written sheet anyway).
 */
const measured = new Map<number, Promise<{ write: number; read: number }>>();
function writeAndReadCalls(rows: number): Promise<{ write: number; read: number }> {
  let calls = measured.get(rows);
  if (!calls) measured.set(rows, (calls = measureWriteAndRead(rows)));
  return calls;
}

async function measureWriteAndRead(rows: number): Promise<{ write: number; read: number }> {
  return withEt({}, async (et) => {
    et.stats.reset();
    applyPatchWps({ sheets: [breakdownSheetOp("区重点工作", rows)] });
    const sheet = et.workbook.sheet("区重点工作");
    expect(sheet.cellAt(rows, 2)?.value).toBe(districtRows(rows)[rows - 1][2]);
    const write = et.stats.calls;
    et.stats.reset();
    const { read } = await wpsHost.readSheets((s) => s.name === "区重点工作");
    expect(read).toHaveLength(1);
    expect(read[0].grid.values).toHaveLength(rows + 1);
    expect(read[0].grid.values[rows][2]).toBe(districtRows(rows)[rows - 1][2]);
    // 截止日期 comes back as a date serial with the date format it was written with.
    expect(read[0].grid.numberFormats?.[rows][7]).toBe("yyyy-mm-dd");
    return { write, read: et.stats.calls };
  });
}

const writeCalls = async (rows: number) => (await writeAndReadCalls(rows)).write;
const readCalls = async (rows: number) => (await writeAndReadCalls(rows)).read;

async function validateCalls(rows: number) {
  return withEt({ sheets: ["我的台账"] }, async (et) => {
    et.fill("我的台账", [DISTRICT_HEADER, ...districtRows(rows)]);
    et.stats.reset();
    const outcome = await createWpsActions().validate({ checkDate: "2022-09-30" }, noProgress);
    const notes = et.stats.byMember.get("Range.AddComment") ?? 0;
    const marked = [...et.workbook.sheet("我的台账").cells.values()].filter(
      (c) => c.fill !== null
    ).length;
    return { calls: et.stats.calls, notes, marked, outcome };
  });
}

describe("ET calls per command do not grow with rows", () => {
  test("writing a generated sheet: 100, 2,000 and 10,000 rows", async () => {
    const [small, mid, large] = [
      await writeCalls(100),
      await writeCalls(2_000),
      await writeCalls(10_000),
    ];
    console.log(
      `WPS write of a breakdown sheet: 100 rows → ${small} calls, 2,000 → ${mid}, 10,000 → ${large}`
    );
    expect(mid).toBe(small);
    // 10,000 rows need a second block of values (50,000 cells a block): two calls more.
    expect(large - small).toBeLessThanOrEqual(4);
  });

  test("reading a sheet: 100, 2,000 and 10,000 rows", async () => {
    const [small, mid, large] = [
      await readCalls(100),
      await readCalls(2_000),
      await readCalls(10_000),
    ];
    console.log(
      `WPS read of a breakdown sheet: 100 rows → ${small} calls, 2,000 → ${mid}, 10,000 → ${large}`
    );
    expect(mid - small).toBeLessThanOrEqual(4);
    expect(large - small).toBeLessThanOrEqual(12);
  });

  test("校验 of a user's sheet: notes are capped, fills go to many cells a call", async () => {
    const small = await validateCalls(100);
    const mid = await validateCalls(2_000);
    const large = await validateCalls(10_000);
    for (const [rows, r] of [
      [100, small],
      [2_000, mid],
      [10_000, large],
    ] as const)
      console.log(
        `WPS 校验 of ${rows} rows: ${r.calls} ET calls, ${r.marked} cells marked, ${r.notes} notes`
      );
    expect(small.marked).toBeGreaterThan(20);
    expect(large.marked).toBeGreaterThan(2_000);
    expect(mid.notes).toBe(MAX_NOTES);
    expect(large.notes).toBe(MAX_NOTES);
    expect(large.outcome.fallbacks.join("")).toContain(
      `其余 ${large.marked - MAX_NOTES} 处的说明未写入单元格`
    );
    // Past the note cap, 8,000 more rows (and thousands more marked cells) cost under one call per 10 rows.
    expect(large.calls - mid.calls).toBeLessThan(8_000 / 10);
    // The issue's budget: 校验 of 10,000 rows under 2,000 ET calls.
    expect(large.calls).toBeLessThan(2_000);
  });
});

test("校验 of the seeds in WPS: under 300 ET calls (the issue's budget), every note and fill written", () =>
  withEt({}, async (et) => {
    const actions = createWpsActions();
    await actions.importSeeds(noProgress);
    et.stats.reset();
    const outcome = await actions.validate({ checkDate: "2022-09-30" }, noProgress);
    const byMember = [...et.stats.byMember].sort((p, q) => q[1] - p[1]);
    console.log(
      `WPS 校验 of the seeds: ${et.stats.calls} ET calls — ${byMember.map(([m, n]) => `${m} ${n}`).join(", ")}`
    );
    const marked = outcome.issues.filter((i) => !i.address.startsWith("'校验结果'"));
    const cells = IMPORTS.flatMap((name) => [...et.workbook.sheet(name).cells.values()]);
    // Every issue's cell noted (56) and filled; the import's own four notes stay.
    expect(et.stats.byMember.get("Range.AddComment")).toBe(56);
    expect(cells.filter((c) => c.comment !== null)).toHaveLength(56 + IMPORTS.length);
    expect(cells.filter((c) => c.fill !== null).length).toBeGreaterThanOrEqual(56);
    expect(marked.length).toBeGreaterThanOrEqual(56);
    expect(et.stats.calls).toBeLessThan(300);
  }));

const IMPORTS = ["市重点工作", "关键任务", "区重点工作", "民心工程"];

describe("merged areas are read exactly, with calls per area", () => {
  /** Reads the four imported sheets back; each grid's merges must be the sheet's, exactly. */
  async function readImports(et: EtStandIn) {
    et.stats.reset();
    const { read } = await wpsHost.readSheets((s) => IMPORTS.includes(s.name));
    let areas = 0;
    for (const { grid } of read) {
      const merged = et.workbook.sheet(grid.sheet).merges;
      areas += merged.length;
      expect(grid.mergesUnknown).toBeUndefined();
      expect(new Set(grid.merges.map((m) => JSON.stringify(m)))).toEqual(
        new Set(merged.map((m) => JSON.stringify(m)))
      );
    }
    const count = (member: string) => et.stats.byMember.get(member) ?? 0;
    return {
      areas,
      calls: et.stats.calls,
      mergeCells: count("Range.MergeCells"),
      mergeArea: count("Range.MergeArea"),
    };
  }

  test("the seeds' imported sheets: the areas the import merged, confirmed from the record with two MergeCells reads a sheet", () =>
    withEt({}, async (et) => {
      await createWpsActions().importSeeds(noProgress);
      const r = await readImports(et);
      console.log(
        `WPS read of the 4 imported seed sheets: ${r.calls} ET calls for ${r.areas} merged areas (${r.mergeCells} MergeCells reads)`
      );
      expect(r.areas).toBe(53);
      // All of a sheet's recorded areas merged, and nothing else: two reads of many areas each.
      expect(r.mergeArea).toBe(0);
      expect(r.mergeCells).toBeLessThanOrEqual(2 * IMPORTS.length + 1);
      expect(r.calls).toBeLessThan(80);
    }));

  test("a record without the merges (another host rewrote it): every area found, one MergeArea read each", () =>
    withEt({}, async (et) => {
      await createWpsActions().importSeeds(noProgress);
      const record = et.workbook.sheet(RECORD_SHEET);
      const rows = [...record.cells.entries()]
        .filter(([key, cell]) => key.endsWith(",0") && cell.value === "merges")
        .map(([key]) => Number(key.split(",")[0]));
      expect(rows.length).toBeGreaterThanOrEqual(IMPORTS.length);
      for (const key of [...record.cells.keys()])
        if (rows.includes(Number(key.split(",")[0]))) record.cells.delete(key);
      const r = await readImports(et);
      expect(r.areas).toBe(53);
      expect(r.mergeArea).toBe(53);
      expect(r.mergeCells).toBeLessThan(80);
      expect(r.calls).toBeLessThan(400);
    }));

  test("merges the user changed on an imported sheet are read as they are, not as recorded", () =>
    withEt({}, async (et) => {
      await createWpsActions().importSeeds(noProgress);
      const sheet = et.workbook.sheet("区重点工作");
      const vertical = sheet.merges.findIndex((m) => m.rowCount > 1);
      const unmerged = sheet.merges.splice(vertical, 1)[0];
      // Two empty cells one above the other, outside every area: the user merges them.
      const grid = sheet.toGrid();
      const covered = (row: number, col: number) =>
        sheet.merges.some(
          (m) =>
            row >= m.row && row < m.row + m.rowCount && col >= m.col && col < m.col + m.colCount
        );
      const empty = (row: number, col: number) =>
        (grid[row]?.[col] ?? "") === "" && !covered(row, col) && unmerged.col !== col;
      let added = null;
      for (let row = 4; row < grid.length - 1 && !added; row++)
        for (let col = 0; col < 9 && !added; col++)
          if (empty(row, col) && empty(row + 1, col))
            added = { row, col, rowCount: 2, colCount: 1 };
      expect(added).not.toBeNull();
      sheet.merges.push(added!);
      const r = await readImports(et);
      expect(r.areas).toBe(53);
      // 区重点工作 is read the slow way; the other three are confirmed.
      expect(r.mergeArea).toBeGreaterThan(0);
    }));

  test("an empty merged area right under a filled one is an area of its own", () =>
    withEt({ sheets: ["我的台账"] }, async (et) => {
      const rows = [DISTRICT_HEADER, ...districtRows(12)];
      // 分管领导 (E) of rows 2–4 merged with its value; rows 5–7 merged and left empty.
      for (const r of [2, 3, 5, 6]) rows[r] = rows[r].map((v, j) => (j === 4 ? "" : v));
      rows[4] = rows[4].map((v, j) => (j === 4 ? "" : v));
      et.fill("我的台账", rows);
      const sheet = et.workbook.sheet("我的台账");
      sheet.merges.push(
        { row: 1, col: 4, rowCount: 3, colCount: 1 },
        { row: 4, col: 4, rowCount: 3, colCount: 1 }
      );
      const { read } = await wpsHost.readSheets((s) => s.name === "我的台账");
      expect(read[0].grid.merges).toEqual([
        { row: 1, col: 4, rowCount: 3, colCount: 1 },
        { row: 4, col: 4, rowCount: 3, colCount: 1 },
      ]);
    }));

  test("a sheet without merges costs one MergeCells read however many empty cells it has", () =>
    withEt({ sheets: ["我的台账"] }, async (et) => {
      // Every third 配合单位 left empty: thousands of empty cells, none merged.
      const rows = [DISTRICT_HEADER, ...districtRows(2_000)].map((row, i) =>
        i % 3 === 0 && i > 0 ? row.map((v, j) => (j === 6 ? "" : v)) : row
      );
      et.fill("我的台账", rows);
      et.stats.reset();
      await wpsHost.readSheets((s) => s.name === "我的台账");
      expect(et.stats.byMember.get("Range.MergeCells")).toBe(1);
      expect(et.stats.byMember.get("Range.MergeArea")).toBeUndefined();
    }));
});

test("校验 on a sheet with a note of the user's asks the cells it notes together, keeps the user's note", async () => {
  const rows = [DISTRICT_HEADER, ...districtRows(100)];
  const noted = await withEt({ sheets: ["我的台账"] }, async (et) => {
    et.fill("我的台账", rows);
    await createWpsActions().validate({ checkDate: "2022-09-30" }, noProgress);
    return [...et.workbook.sheet("我的台账").cells.entries()].filter(([, c]) => c.comment)[0][0];
  });
  await withEt({ sheets: ["我的台账"] }, async (et) => {
    et.fill("我的台账", rows);
    const [row, col] = noted.split(",").map(Number);
    et.workbook.sheet("我的台账").touch(row, col).comment = "我的批注";
    et.stats.reset();
    const outcome = await createWpsActions().validate({ checkDate: "2022-09-30" }, noProgress);
    expect(et.workbook.sheet("我的台账").cellAt(row, col)?.comment).toBe("我的批注");
    expect(outcome.fallbacks.join("")).toContain("1 个单元格原已有备注或批注");
    // The cells to be noted are asked through Ranges of many cells, not one by one.
    const written = et.stats.byMember.get("Range.AddComment") ?? 0;
    expect(written).toBeGreaterThan(30);
    expect((et.stats.byMember.get("Range.SpecialCells") ?? 0) * 10).toBeLessThan(written);
    expect(et.stats.byMember.get("Range.Comment") ?? 0).toBe(0);
    expect(et.stats.byMember.get("Comments.Item") ?? 0).toBe(0);
  });
});

test("校验 again on an unchanged sheet keeps its notes: no note deleted or added, still at most MAX_NOTES", () =>
  withEt({ sheets: ["我的台账"] }, async (et) => {
    et.fill("我的台账", [DISTRICT_HEADER, ...districtRows(2_000)]);
    const actions = createWpsActions();
    await actions.validate({ checkDate: "2022-09-30" }, noProgress);
    const notes = () =>
      [...et.workbook.sheet("我的台账").cells.values()].filter((c) => c.comment !== null).length;
    expect(notes()).toBe(MAX_NOTES);
    et.stats.reset();
    await actions.validate({ checkDate: "2022-09-30" }, noProgress);
    expect(notes()).toBe(MAX_NOTES);
    expect(et.stats.byMember.get("Comment.Delete") ?? 0).toBe(0);
    expect(et.stats.byMember.get("Range.AddComment") ?? 0).toBe(0);
  }));
