import { codeOf, useStandIn } from "./standin";

/** Writes one row through Range.values (after an optional number format) and returns the cells. */
async function write(row: unknown[], numberFormat?: string) {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem("Sheet1")
      .getRangeByIndexes(1, 0, 1, row.length);
    if (numberFormat) range.numberFormat = [row.map(() => numberFormat)];
    range.values = [row];
    await context.sync();
  });
}

describe("text written through values, as Excel parses typed input", () => {
  const standIn = useStandIn();
  const cell = (address: string) => standIn().workbook.sheet("Sheet1").cell(address);

  beforeEach(() => {
    // C18 holds the figure the seed's "+C18" would point at.
    standIn()
      .workbook.sheet("Sheet1")
      .setValues("C18", [[542.8]]);
  });

  it('turns "+C18" into the formula =+C18 unless the cell is formatted as text', async () => {
    await write(["+C18"]);
    expect(cell("A2")).toMatchObject({ formula: "=+C18", value: 542.8 });
    await write(["+C18"], "@");
    expect(cell("A2")).toMatchObject({ formula: null, value: "+C18", text: "+C18" });
  });

  it("keeps a seed phrase that begins with + as text in a text cell, and makes it a #NAME? formula otherwise", async () => {
    const phrase = "+C18协调，争取充足的用水指标";
    await write([phrase]);
    expect(cell("A2")).toMatchObject({ formula: `=${phrase}`, value: "#NAME?" });
    // Formatting the cell as text afterwards does not turn the formula back into text.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").numberFormat = [["@"]];
      await context.sync();
    });
    expect(cell("A2").formula).toBe(`=${phrase}`);
    await write([phrase], "@");
    expect(cell("A2")).toMatchObject({ formula: null, value: phrase });
  });

  it('reads "-abc" and "- text" as formula attempts, but "-" alone and "-5" as text and number', async () => {
    await write(["-abc", "- 年底前完成", "-", "-5", "+3"]);
    expect(cell("A2")).toMatchObject({ formula: "=-abc", value: "#NAME?" });
    expect(cell("B2")).toMatchObject({ formula: "=- 年底前完成", value: "#NAME?" });
    expect(cell("C2")).toMatchObject({ formula: null, value: "-" });
    expect(cell("D2")).toMatchObject({ formula: null, value: -5 });
    expect(cell("E2")).toMatchObject({ formula: null, value: 3 });
  });

  it('stores "=…" as a formula and computes plain arithmetic; "=" alone is refused', async () => {
    await write(["=1+2*3", "=SUM(A1:A3)", "=(7-1)/0"]);
    expect(cell("A2")).toMatchObject({ formula: "=1+2*3", value: 7 });
    expect(cell("B2")).toMatchObject({ formula: "=SUM(A1:A3)", value: "#NAME?" });
    expect(cell("C2").value).toBe("#DIV/0!");
    expect(await codeOf(write(["="]))).toBe("InvalidArgument");
  });

  it("drops a leading apostrophe and keeps the rest as text", async () => {
    await write(["'=1+2", "'542.8"]);
    expect(cell("A2")).toMatchObject({ formula: null, value: "=1+2" });
    expect(cell("B2")).toMatchObject({ formula: null, value: "542.8" });
  });

  it("turns number-looking text into numbers, except in a text cell; numbers become text there", async () => {
    await write(["542.8", "0.27", "13"]);
    expect([cell("A2").value, cell("B2").value, cell("C2").value]).toEqual([542.8, 0.27, 13]);
    await write(["542.8", 13, true], "@");
    expect([cell("A2").value, cell("B2").value, cell("C2").value]).toEqual(["542.8", "13", "TRUE"]);
  });

  it("turns ISO dates into date serials shown as yyyy/m/d; Chinese date phrases stay text", async () => {
    await write(["2022-05-31", "2022年5月", "年底前"]);
    expect(cell("A2")).toMatchObject({ value: 44712, numberFormat: "yyyy/m/d", text: "2022/5/31" });
    expect(cell("B2").value).toBe("2022年5月");
    expect(cell("C2").value).toBe("年底前");
  });

  it("leaves a cell alone for null inside the array and clears it for an empty string", async () => {
    await write(["市农业农村委", "市水务局"]);
    await write([null, ""]);
    expect(cell("A2").value).toBe("市农业农村委");
    expect(cell("B2").value).toBe("");
    expect(standIn().workbook.sheet("Sheet1").usedRange(true)).toBe("A2:C18");
  });

  it("applies the same parsing to Range.formulas and reports formulas back", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A2:C2");
      range.formulas = [["=C18*2", "text", "+C18"]];
      range.load("formulas, values");
      await context.sync();
      expect(range.formulas).toEqual([["=C18*2", "text", "=+C18"]]);
      expect(range.values).toEqual([["#NAME?", "text", 542.8]]);
    });
  });
});

describe("dimensions of what is written", () => {
  const standIn = useStandIn();

  it("refuses an array whose shape differs from the range (InvalidArgument at sync)", async () => {
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [
          ["序号", "牵头单位"],
        ];
        await context.sync();
      })
    );
    expect(code).toBe("InvalidArgument");
    expect(standIn().workbook.sheet("Sheet1").usedRange()).toBeNull();
  });

  it("copies a single value into every cell, as Ctrl+Enter does", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").values = [["待定"]];
      sheet.getRange("B1:B2").numberFormat = "@" as unknown as string[][];
      await context.sync();
    });
    expect(standIn().workbook.toGrid("Sheet1")).toEqual([["待定"], ["待定"], ["待定"]]);
    expect(standIn().workbook.sheet("Sheet1").cell("B2").numberFormat).toBe("@");
  });

  it("refuses values on whole columns and reads null there, as Excel does for unbounded ranges", async () => {
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A:B").values = [["x"]];
        await context.sync();
      })
    );
    expect(code).toBe("InvalidArgument");
    await Excel.run(async (context) => {
      const columns = context.workbook.worksheets.getItem("Sheet1").getRange("A:B");
      columns.load("values, address, columnCount");
      await context.sync();
      expect(columns.values).toBeNull();
      expect(columns.address).toBe("Sheet1!A:B");
      expect(columns.columnCount).toBe(2);
    });
  });
});
