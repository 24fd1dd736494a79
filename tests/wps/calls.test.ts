import { createWpsActions } from "../../src/wps/host";
import { applyPatchWps } from "../../src/wps/applyPatch";
import { MAX_NOTES } from "../../src/wps/writeContent";
import { wpsHost } from "../../src/wps/host";
import { DISTRICT_HEADER, breakdownSheetOp, districtRows } from "../excel/fixtures";
import { noProgress, withEt } from "./support";

/**
 * Every ET call crosses into WPS: a command's calls must follow its sheets, columns and formats,
 * never its rows. Measured on the district table repeated to 100, 2,000 and 10,000 rows.
 */

jest.setTimeout(120_000);

async function writeCalls(rows: number): Promise<number> {
  return withEt({}, async (et) => {
    et.stats.reset();
    applyPatchWps({ sheets: [breakdownSheetOp("区重点工作", rows)] });
    const sheet = et.workbook.sheet("区重点工作");
    expect(sheet.cellAt(rows, 2)?.value).toBe(districtRows(rows)[rows - 1][2]);
    return et.stats.calls;
  });
}

async function readCalls(rows: number): Promise<number> {
  return withEt({}, async (et) => {
    applyPatchWps({ sheets: [breakdownSheetOp("区重点工作", rows)] });
    et.stats.reset();
    const { read } = await wpsHost.readSheets((s) => s.name === "区重点工作");
    expect(read).toHaveLength(1);
    expect(read[0].grid.values).toHaveLength(rows + 1);
    expect(read[0].grid.values[rows][2]).toBe(districtRows(rows)[rows - 1][2]);
    // 截止日期 comes back as a date serial with the date format it was written with.
    expect(read[0].grid.numberFormats?.[rows][7]).toBe("yyyy-mm-dd");
    return et.stats.calls;
  });
}

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
    // The budget: 校验 of 10,000 rows under 2,000 ET calls.
    expect(large.calls).toBeLessThan(2_000);
  });
});
