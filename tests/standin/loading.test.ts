/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/no-navigational-load --
   These tests read before load and sync on purpose: they prove the stand-in throws as Excel does. */
import { codeOf, useStandIn } from "./standin";

describe("loading: a property is readable only after load() and sync()", () => {
  const standIn = useStandIn({ sheets: ["市重点工作", "区重点工作"] });

  beforeEach(() => {
    standIn()
      .workbook.sheet("市重点工作")
      .setValues("A1", [
        ["序号", "牵头单位"],
        [1, "市农业农村委"],
      ]);
  });

  it("throws PropertyNotLoaded, as an OfficeExtension.Error, for a property read before load", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("市重点工作").getRange("A1:B2");
      let thrown: unknown;
      try {
        void range.values;
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(OfficeExtension.Error);
      expect((thrown as OfficeExtension.Error).code).toBe("PropertyNotLoaded");
      await context.sync();
    });
  });

  it("still throws after load() until the sync has returned, then gives the workbook's values", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("市重点工作").getRange("A1:B2");
      range.load("values, address");
      expect(await codeOf(() => range.values)).toBe("PropertyNotLoaded");
      const pending = context.sync();
      expect(await codeOf(() => range.address)).toBe("PropertyNotLoaded");
      await pending;
      expect(range.values).toEqual([
        ["序号", "牵头单位"],
        [1, "市农业农村委"],
      ]);
      expect(range.address).toBe("市重点工作!A1:B2");
      expect(await codeOf(() => range.numberFormat)).toBe("PropertyNotLoaded");
    });
  });

  it("keeps an assigned value locally (as Office.js does) while the workbook changes only at sync", async () => {
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("市重点工作").getRange("B2");
      cell.values = [["市发展改革委"]];
      expect(cell.values).toEqual([["市发展改革委"]]);
      expect(standIn().workbook.sheet("市重点工作").cell("B2").value).toBe("市农业农村委");
      await context.sync();
      expect(standIn().workbook.sheet("市重点工作").cell("B2").value).toBe("市发展改革委");
    });
  });

  it("gives a collection's items only after a load of the collection", async () => {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(await codeOf(() => sheets.items)).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["市重点工作", "区重点工作"]);
      expect(await codeOf(() => sheets.items[0].position)).toBe("PropertyNotLoaded");
      sheets.load("position");
      await context.sync();
      expect(sheets.items.map((s) => s.position)).toEqual([0, 1]);
    });
  });

  it("loads through navigation properties: paths, a navigation name, and the object form", async () => {
    standIn().workbook.sheet("市重点工作").setFill("A1:B1", "#D9E1F2");
    await Excel.run(async (context) => {
      const header = context.workbook.worksheets.getItem("市重点工作").getRange("A1:B1");
      header.load("format/fill/color");
      const font = header.format.font;
      font.load();
      const row = context.workbook.worksheets.getItem("市重点工作").getRange("A2:B2");
      row.load({ format: { wrapText: true }, rowCount: true });
      await context.sync();
      expect(header.format.fill.color).toBe("#D9E1F2");
      expect(await codeOf(() => header.format.wrapText)).toBe("PropertyNotLoaded");
      expect(font.bold).toBe(false);
      expect(font.name).toBe("Calibri");
      expect(row.format.wrapText).toBe(false);
      expect(row.rowCount).toBe(1);
    });
  });

  it("refuses, when load() is called, a property outside the contract or misspelt", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("市重点工作").getRange("A1");
      expect(await codeOf(() => range.load("valueTypes"))).toBe("NotImplemented");
      expect(await codeOf(() => range.load("format/fil/color"))).toBe("NotImplemented");
      expect(await codeOf(() => (range as unknown as { cellCount: number }).cellCount)).toBe(
        "NotImplemented"
      );
      await context.sync();
    });
  });

  it("tells whether an *OrNullObject result exists after a sync, without any load", async () => {
    await Excel.run(async (context) => {
      const present = context.workbook.worksheets.getItemOrNullObject("区重点工作");
      const absent = context.workbook.worksheets.getItemOrNullObject("单位表");
      expect(await codeOf(() => absent.isNullObject)).toBe("PropertyNotLoaded");
      absent.load("name");
      await context.sync();
      expect(present.isNullObject).toBe(false);
      expect(absent.isNullObject).toBe(true);
      expect(absent.name).toBeNull();
    });
  });

  it("answers loads under a null object with null, without failing the sync", async () => {
    await Excel.run(async (context) => {
      const absent = context.workbook.worksheets.getItemOrNullObject("单位表");
      const cell = absent.getRange("A1");
      cell.load("values");
      await context.sync();
      expect(absent.isNullObject).toBe(true);
      expect(cell.isNullObject).toBe(true);
      expect(cell.values).toBeNull();
    });
  });

  it("fails the sync when a null object is written to", async () => {
    const code = await codeOf(
      Excel.run(async (context) => {
        const absent = context.workbook.worksheets.getItemOrNullObject("单位表");
        await context.sync();
        absent.getRange("A1").values = [["x"]];
        await context.sync();
      })
    );
    expect(code).toBe("ItemNotFound");
  });
});

describe("Excel.run", () => {
  const standIn = useStandIn();

  it("sends what is still queued when the batch's promise resolves", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["年底前完成"]];
      return Promise.resolve();
    });
    expect(standIn().workbook.sheet("Sheet1").cell("A1").value).toBe("年底前完成");
    expect(standIn().stats.syncs).toBe(1);
  });

  it("drops what is queued when the batch fails", async () => {
    const failure = Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["年底前完成"]];
      throw new Error("the add-in gave up");
    });
    await expect(failure).rejects.toThrow("the add-in gave up");
    expect(standIn().workbook.sheet("Sheet1").cell("A1").value).toBe("");
    expect(standIn().stats.syncs).toBe(0);
  });

  it("requires the batch to return a promise", async () => {
    const run = Excel.run as unknown as (
      batch: (context: Excel.RequestContext) => unknown
    ) => Promise<unknown>;
    expect(await codeOf(run(() => 42))).toBe("RunMustReturnPromise");
  });

  it("refuses work on a proxy after its Excel.run has finished", async () => {
    let kept: Excel.Range | undefined;
    await Excel.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      kept.load("address");
      await context.sync();
    });
    expect(kept!.address).toBe("Sheet1!A1");
    expect(await codeOf(() => (kept!.values = [["late"]]))).toBe("InvalidObjectPath");
  });
});
