import { applyPatch } from "../../src/excel/applyPatch";
import { DEFAULT_PAYLOAD_BUDGET } from "../../src/excel/batch";
import { readGrid } from "../../src/excel/readGrid";
import { breakdownSheetOp, districtRows, withStandIn } from "./fixtures";

const FIVE_MB = 5_000_000;

/** Writes a breakdown sheet of `rows` rows; returns the syncs and the request sizes. */
async function writeRows(rows: number, options: { budget?: number; limit?: number } = {}) {
  return withStandIn({ requestLimitBytes: options.limit ?? FIVE_MB }, async (excel) => {
    const report = await applyPatch(
      { sheets: [breakdownSheetOp("区重点工作", rows)] },
      { payloadBudget: options.budget }
    );
    const sheet = excel.workbook.sheet("区重点工作");
    // The last row arrived whole.
    expect(sheet.cell(`C${rows + 1}`).value).toBe(districtRows(rows)[rows - 1][2]);
    const bytes = excel.stats.requests.map((r) => r.bytes);
    return {
      syncs: report.syncs,
      counted: excel.stats.syncs,
      bytes,
      total: bytes.reduce((a, b) => a + b, 0),
    };
  });
}

describe("syncs per command do not grow with rows", () => {
  test("100 rows and 10,000 rows: a look and the writes, batched by payload only", async () => {
    const small = await writeRows(100);
    const large = await writeRows(10_000);
    console.log(
      `applyPatch syncs: 100 rows → ${small.syncs} (${small.total} bytes); ` +
        `10,000 rows → ${large.syncs} (${large.total} bytes, largest request ${Math.max(...large.bytes)} bytes)`
    );
    expect(small.syncs).toBe(small.counted);
    expect(large.syncs).toBe(large.counted);
    // One sync to look at the workbook, one to write everything.
    expect(small.syncs).toBe(2);
    // 10,000 rows only add the requests their bytes need: at most one per half budget.
    expect(large.syncs).toBeLessThanOrEqual(
      1 + Math.ceil(large.total / (DEFAULT_PAYLOAD_BUDGET / 2))
    );
    expect(large.syncs).toBeLessThan(20);
    expect(Math.max(...large.bytes)).toBeLessThan(FIVE_MB);
  });

  test("a smaller budget splits the same rows into more, smaller requests that Excel accepts", async () => {
    const limit = 400_000;
    const result = await writeRows(2_000, { budget: 300_000, limit });
    console.log(
      `applyPatch with a 300 KB budget: 2,000 rows → ${result.syncs} syncs, largest request ${Math.max(...result.bytes)} bytes`
    );
    expect(Math.max(...result.bytes)).toBeLessThanOrEqual(limit);
    expect(result.syncs).toBeGreaterThan(3);
  });
});

describe("reading a sheet takes few syncs, in blocks under Excel's limits", () => {
  async function readRows(
    rows: number,
    limits: { responseLimitBytes?: number; readCellLimit?: number } = {}
  ) {
    return withStandIn(limits, async (excel) => {
      await applyPatch({ sheets: [breakdownSheetOp("区重点工作", rows)] });
      excel.stats.reset();
      const grid = await readGrid("区重点工作");
      expect(grid.values).toHaveLength(rows + 1);
      expect(grid.values[rows][2]).toBe(districtRows(rows)[rows - 1][2]);
      const accepted = excel.stats.requests.filter((r) => r.error === undefined);
      return {
        syncs: excel.stats.syncs,
        refused: excel.stats.requests.length - accepted.length,
        largest: Math.max(...accepted.map((r) => r.responseBytes)),
      };
    });
  }

  test("100 rows and 10,000 rows", async () => {
    const small = await readRows(100);
    const large = await readRows(10_000);
    console.log(
      `readGrid syncs: 100 rows → ${small.syncs}; 10,000 rows → ${large.syncs} (largest response ${large.largest} bytes)`
    );
    // One sync for the used range's size, then the values.
    expect(small.syncs).toBe(2);
    expect(large.refused).toBe(0);
    expect(large.syncs).toBeLessThan(12);
    expect(large.largest).toBeLessThan(FIVE_MB);
  });

  test("a response Excel refuses as too big is read again in halves", async () => {
    const { refused, largest } = await readRows(1_000, { responseLimitBytes: 150_000 });
    expect(refused).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(150_000);
  });
});

describe("marking many cells", () => {
  test("the look at their fills and notes is split by its real size, so Excel accepts it", async () => {
    const limit = 250_000;
    await withStandIn({ requestLimitBytes: limit }, async (excel) => {
      const budget = { payloadBudget: 200_000 };
      await applyPatch({ sheets: [breakdownSheetOp("区重点工作", 2_000)] }, budget);
      excel.stats.reset();
      const note = "【警告】「津南区工作明细及完成时限」中没有完成时限，请补充明确的完成时间。";
      const marks = Array.from({ length: 2_000 }, (_, i) => ({
        row: i + 1,
        col: 2,
        fill: "#FFEB9C",
        note,
      }));
      // The budget leaves Excel's limit 25% of room, as the default 4 MB leaves under 5 MB.
      await applyPatch({ sheets: [{ sheet: "区重点工作", mode: "update", marks }] }, budget);
      const requests = excel.stats.requests;
      expect(requests.filter((r) => r.error !== undefined)).toEqual([]);
      expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThanOrEqual(limit);
      const last = excel.workbook.sheet("区重点工作").cell("C2001");
      expect([last.fill, last.note]).toEqual(["#FFEB9C", note]);
    });
  });
});
