import { codeOf, useStandIn } from "./standin";

/** One 1,000-row block of seed-like text: about 150 KB as JSON. */
function block(rows: number): string[][] {
  return Array.from({ length: rows }, (_, i) => [
    String(i + 1),
    "全面落实粮食安全责任制，落实各项考核指标任务，确保区域粮食安全",
    "市农业农村委",
  ]);
}

describe("sync counting", () => {
  const standIn = useStandIn({ latencyMs: 100 });

  it("counts round trips, the operations and bytes of each request, and the simulated time", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1000").values = block(1000);
      sheet.getRange("A1:C1").format.font.bold = true;
      await context.sync();
      const read = sheet.getRange("A1:C1000");
      read.load("values");
      await context.sync();
      await context.sync();
    });
    const { stats } = standIn();
    expect(stats.syncs).toBe(2);
    expect(stats.simulatedMs).toBe(200);
    expect(stats.requests.map((r) => r.ops)).toEqual([2, 1]);
    const written = JSON.stringify(block(1000));
    expect(stats.requests[0].bytes).toBeGreaterThan(new TextEncoder().encode(written).length);
    // Besides the values: object paths and Instantiate actions of 2 ranges, a format and a font.
    expect(stats.requests[0].bytes).toBeLessThan(new TextEncoder().encode(written).length + 1500);
    expect(stats.requests[1].cellsRead).toBe(3000);
    // Excel turned the numeric text of column A into numbers, so the answer is what the sheet holds.
    const answer = new TextEncoder().encode(
      JSON.stringify(standIn().workbook.toGrid("Sheet1"))
    ).length;
    expect(stats.requests[1].responseBytes).toBeGreaterThanOrEqual(answer);
    expect(stats.requests[1].responseBytes).toBeLessThan(answer + 50);
  });

  it("grows with a sync per row and can be reset", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (const [i, row] of block(20).entries()) {
        sheet.getRangeByIndexes(i, 0, 1, 3).values = [row];
        // The naive way, on purpose: the count must show it.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    });
    expect(standIn().stats.syncs).toBe(20);
    expect(standIn().stats.simulatedMs).toBe(2000);
    standIn().stats.reset();
    expect(standIn().stats).toMatchObject({ syncs: 0, simulatedMs: 0, requests: [] });
  });
});

describe("the runtime's wire format", () => {
  const standIn = useStandIn();

  it("counts object paths, Instantiate and _KeepReference actions, as Office.js sends them", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "#FF0000";
      await context.sync();
    });
    // The body OfficeExtension's ClientRequest builds for that line, written out by hand.
    const body = {
      Actions: [
        { Id: 3, ActionType: 1, Name: "", ObjectPathId: 2 },
        { Id: 5, ActionType: 1, Name: "", ObjectPathId: 4 },
        { Id: 7, ActionType: 1, Name: "", ObjectPathId: 6 },
        { Id: 9, ActionType: 1, Name: "", ObjectPathId: 8 },
        { Id: 10, ActionType: 3, Name: "_KeepReference", ObjectPathId: 8 },
        { Id: 12, ActionType: 1, Name: "", ObjectPathId: 11 },
        { Id: 14, ActionType: 1, Name: "", ObjectPathId: 13 },
        {
          Id: 15,
          ActionType: 4,
          Name: "color",
          ObjectPathId: 13,
          ArgumentInfo: { Arguments: ["#FF0000"] },
        },
      ],
      ObjectPaths: {
        1: { Id: 1, ObjectPathType: 1, Name: "" },
        2: { Id: 2, ObjectPathType: 4, Name: "workbook", ParentObjectPathId: 1 },
        4: { Id: 4, ObjectPathType: 4, Name: "worksheets", ParentObjectPathId: 2 },
        6: {
          Id: 6,
          ObjectPathType: 3,
          Name: "getItem",
          ParentObjectPathId: 4,
          ArgumentInfo: { Arguments: ["Sheet1"] },
        },
        8: {
          Id: 8,
          ObjectPathType: 3,
          Name: "getRange",
          ParentObjectPathId: 6,
          ArgumentInfo: { Arguments: ["A1"] },
        },
        11: { Id: 11, ObjectPathType: 4, Name: "format", ParentObjectPathId: 8 },
        13: { Id: 13, ObjectPathType: 4, Name: "fill", ParentObjectPathId: 11 },
      },
    };
    expect(standIn().stats.requests).toHaveLength(1);
    expect(standIn().stats.requests[0].bytes).toBe(JSON.stringify(body).length);
  });
});

describe("payload limits", () => {
  const standIn = useStandIn({
    requestLimitBytes: 100_000,
    responseLimitBytes: 100_000,
    readCellLimit: 2_000,
  });

  it("refuses a request over the limit as a whole (RequestPayloadSizeLimitExceeded)", async () => {
    const code = await codeOf(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("E1").values = [["queued before the big write"]];
        sheet.getRange("A1:C1000").values = block(1000);
        await context.sync();
      })
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(standIn().workbook.sheet("Sheet1").usedRange()).toBeNull();
    expect(standIn().stats.requests[0]).toMatchObject({
      ops: 2,
      error: "RequestPayloadSizeLimitExceeded",
    });
  });

  it("accepts the same rows written in blocks under the limit", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const rows = block(1000);
      for (let start = 0; start < rows.length; start += 500) {
        sheet.getRangeByIndexes(start, 0, 500, 3).values = rows.slice(start, start + 500);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    });
    expect(standIn().stats.requests.every((r) => r.bytes <= 100_000)).toBe(true);
    expect(standIn().workbook.sheet("Sheet1").usedRange()).toBe("A1:C1000");
  });

  it("refuses a read over the cell limit (RangeExceedsLimit) and a response over the size limit", async () => {
    standIn().workbook.sheet("Sheet1").setValues("A1", block(1000));
    const tooManyCells = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1000").load("values");
        await context.sync();
      })
    );
    expect(tooManyCells).toBe("RangeExceedsLimit");
    const tooLarge = await codeOf(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1:C600").load("values");
        sheet.getRange("A601:C1000").load("values");
        await context.sync();
      })
    );
    expect(tooLarge).toBe("ResponsePayloadSizeLimitExceeded");
  });
});
