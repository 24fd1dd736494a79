import { codeOf, useStandIn } from "./standin";

const HEADER = ["序号", "重点工作", "工作明细及完成时限", "分管领导", "牵头单位"];

describe("cell formatting", () => {
  const standIn = useStandIn({ sheets: ["区重点工作"] });
  const sheet = () => standIn().workbook.sheet("区重点工作");

  it("sets fill, font, wrap and alignment, and reads null where the cells differ", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("区重点工作");
      const header = ws.getRange("A1:E1");
      header.values = [HEADER];
      header.format.fill.color = "#D9E1F2";
      header.format.font.bold = true;
      header.format.font.size = 12;
      header.format.font.name = "等线";
      header.format.wrapText = true;
      header.format.horizontalAlignment = Excel.HorizontalAlignment.center;
      header.format.verticalAlignment = "Center";
      ws.getRange("A2").format.font.color = "red";
      await context.sync();
      const both = ws.getRange("A1:A2");
      both.load("format/fill/color, format/font/bold, format/font/color");
      header.load("format/fill/color, format/font/size");
      await context.sync();
      expect(header.format.fill.color).toBe("#D9E1F2");
      expect(header.format.font.size).toBe(12);
      expect(both.format.fill.color).toBeNull();
      expect(both.format.font.bold).toBeNull();
      expect(both.format.font.color).toBeNull();
    });
    expect(sheet().cell("C1")).toMatchObject({
      fill: "#D9E1F2",
      font: { bold: true, size: 12, name: "等线", color: "#000000" },
      wrapText: true,
      horizontalAlignment: "Center",
      verticalAlignment: "Center",
    });
    expect(sheet().cell("A2").font.color).toBe("#FF0000");
    expect(sheet().cell("A3").fill).toBeNull();
  });

  it("reports no fill as #FFFFFF and clears a fill back to none", async () => {
    sheet().setFill("B2", "#FFC7CE");
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("区重点工作").getRange("B2");
      cell.format.fill.clear();
      cell.load("format/fill/color");
      await context.sync();
      expect(cell.format.fill.color).toBe("#FFFFFF");
    });
    expect(sheet().cell("B2").fill).toBeNull();
  });

  it("refuses a colour Excel does not know and a null property value", async () => {
    const badColour = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("区重点工作").getRange("A1").format.fill.color = "浅红";
        await context.sync();
      })
    );
    expect(badColour).toBe("InvalidArgument");
    const nullValues = await codeOf(
      Excel.run(async (context) => {
        (
          context.workbook.worksheets.getItem("区重点工作").getRange("A1") as { values: unknown }
        ).values = null;
        await context.sync();
      })
    );
    expect(nullValues).toBe("InvalidArgument");
  });

  it("draws borders edge by edge, inside lines included", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("区重点工作").getRange("A1:B3");
      for (const edge of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideVertical",
        "InsideHorizontal",
      ] as const) {
        const border = table.format.borders.getItem(edge);
        border.style = Excel.BorderLineStyle.continuous;
        border.weight = "Thin";
        border.color = "#000000";
      }
      const bottom = table.format.borders.getItem("EdgeBottom");
      bottom.load("style, weight");
      await context.sync();
      expect(bottom.style).toBe("Continuous");
    });
    const thin = { style: "Continuous", color: "#000000", weight: "Thin" };
    expect(sheet().cell("A1").borders).toEqual({
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
    });
    expect(sheet().cell("B3").borders).toEqual({
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
    });
    expect(sheet().cell("C3").borders).toEqual({
      top: null,
      bottom: null,
      left: null,
      right: null,
    });
  });

  it("sets column widths and row heights, hides columns, and autofits wider for longer and Chinese text", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("区重点工作");
      ws.getRange("A1:C2").values = [
        ["序号", "牵头单位", "Unit"],
        ["1", "区农业农村委、区水务局", "Agriculture"],
      ];
      ws.getRange("A:A").format.columnWidth = 30;
      ws.getRange("2:2").format.rowHeight = 40;
      ws.getRange("D:D").columnHidden = true;
      ws.getRange("B:C").format.autofitColumns();
      const hidden = ws.getRange("C:D");
      hidden.load("columnHidden");
      await context.sync();
      expect(hidden.columnHidden).toBeNull();
    });
    expect(sheet().columnWidth("A")).toBe(30);
    expect(sheet().rowHeight(2)).toBe(40);
    expect(sheet().snapshot().hiddenColumns).toEqual(["D"]);
    expect(sheet().columnWidth("B")).toBeGreaterThan(sheet().columnWidth("C"));
    expect(sheet().columnWidth("E")).toBe(48);
  });
});

describe("merged cells", () => {
  const standIn = useStandIn({ sheets: ["市重点工作"] });

  it("keeps the top-left value when merging and lists merged areas (null object when none)", async () => {
    standIn()
      .workbook.sheet("市重点工作")
      .setValues("A1", [
        ["一、", "加快提升创新策源能力"],
        ["x", "y"],
      ]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("市重点工作");
      ws.getRange("A1:B1").merge();
      ws.getRange("D1:D3").merge();
      const areas = ws.getRange("A1:D5").getMergedAreasOrNullObject();
      areas.load("areaCount, address");
      areas.areas.load("items/address, items/rowIndex, items/rowCount");
      const none = ws.getRange("A4:C9").getMergedAreasOrNullObject();
      none.load("areas/items/address");
      await context.sync();
      expect(areas.isNullObject).toBe(false);
      expect(areas.areaCount).toBe(2);
      expect(areas.areas.items.map((r) => [r.address, r.rowIndex, r.rowCount])).toEqual([
        ["市重点工作!A1:B1", 0, 1],
        ["市重点工作!D1:D3", 0, 3],
      ]);
      expect(none.isNullObject).toBe(true);
      expect(none.areas.items).toEqual([]);
      ws.getRange("A1").unmerge();
      await context.sync();
    });
    const sheet = standIn().workbook.sheet("市重点工作");
    expect(sheet.toGrid()).toEqual([
      ["一、", ""],
      ["x", "y"],
    ]);
    expect(sheet.snapshot().merges).toEqual(["D1:D3"]);
    expect(sheet.cell("D2").mergedArea).toBe("D1:D3");
  });
});

describe("rules, notes, comments, properties, print setup, links", () => {
  const standIn = useStandIn({ sheets: ["区重点工作", "校验结果"] });
  const sheet = (name = "区重点工作") => standIn().workbook.sheet(name);

  it("adds custom conditional formats and clears them from a range", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("区重点工作").getRange("A2:E100");
      const overdue = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      overdue.custom.rule.formula = '=AND($F2<>"",$F2<TODAY())';
      overdue.custom.format.fill.color = "#FFC7CE";
      overdue.custom.format.font.color = "#9C0006";
      range.load("conditionalFormats/items/type");
      await context.sync();
      expect(range.conditionalFormats.items.map((f) => f.type)).toEqual(["Custom"]);
      context.workbook.worksheets
        .getItem("区重点工作")
        .getRange("A51:E100")
        .conditionalFormats.clearAll();
      await context.sync();
    });
    const rule = { formula: '=AND($F2<>"",$F2<TODAY())', fill: "#FFC7CE", fontColor: "#9C0006" };
    expect(sheet().cell("C50").conditionalFormats).toEqual([rule]);
    expect(sheet().cell("C51").conditionalFormats).toEqual([]);
    const bad = await codeOf(
      Excel.run(async (context) => {
        const cf = context.workbook.worksheets
          .getItem("区重点工作")
          .getRange("A1")
          .conditionalFormats.add("Custom");
        cf.custom.rule.formula = "TODAY()";
        await context.sync();
      })
    );
    expect(bad).toBe("InvalidArgument");
  });

  it("sets a list validation with its alert, reads it back, and clears it", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("区重点工作");
      const status = ws.getRange("F2:F50");
      status.dataValidation.rule = {
        list: { inCellDropDown: true, source: "未开始,推进中,已完成" },
      };
      status.dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "状态",
        message: "请从列表中选择",
      };
      const read = context.workbook.worksheets.getItem("区重点工作").getRange("F10").dataValidation;
      read.load("rule, errorAlert");
      await context.sync();
      expect(read.rule).toEqual({ list: { inCellDropDown: true, source: "未开始,推进中,已完成" } });
      expect(read.errorAlert).toMatchObject({ style: "Stop", message: "请从列表中选择" });
      ws.getRange("F40:F50").dataValidation.clear();
      await context.sync();
    });
    expect(sheet().cell("F39").dataValidation?.rule).toEqual({
      list: { inCellDropDown: true, source: "未开始,推进中,已完成" },
    });
    expect(sheet().cell("F40").dataValidation).toBeNull();
  });

  it("adds notes and comments, one per cell, finds them, and deletes them", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("区重点工作");
      ws.notes.add("C5", "完成时限缺失：请补充");
      context.workbook.comments.add("区重点工作!E5", "牵头单位写法不统一");
      await context.sync();
      const found = ws.notes.getItemOrNullObject("C5");
      const missing = ws.notes.getItemOrNullObject("C6");
      found.load("content");
      const comments = context.workbook.comments;
      comments.load("items/content");
      await context.sync();
      expect(found.content).toBe("完成时限缺失：请补充");
      expect(missing.isNullObject).toBe(true);
      const location = comments.items[0].getLocation();
      location.load("address");
      await context.sync();
      expect(location.address).toBe("区重点工作!E5");
      ws.notes.add("C5", "again");
      expect(await codeOf(context.sync())).toBe("ItemAlreadyExists");
      context.workbook.comments.add("C6", "no sheet in the address");
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
      ws.notes.add("C7:C8", "two cells");
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    });
    expect(sheet().cell("C5").note).toBe("完成时限缺失：请补充");
    expect(sheet().cell("E5").comment).toBe("牵头单位写法不统一");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("区重点工作").notes.getItemOrNullObject("C5").delete();
      const comments = context.workbook.comments;
      comments.load("items");
      await context.sync();
      comments.items.forEach((c) => c.delete());
      await context.sync();
    });
    expect(sheet().snapshot()).toMatchObject({ notes: {}, comments: {} });
  });

  it("keeps custom properties per sheet, overwriting by key regardless of case", async () => {
    await Excel.run(async (context) => {
      const props = context.workbook.worksheets.getItem("校验结果").customProperties;
      props.add("duban.generated", '{"kind":"issues"}');
      props.add("DUBAN.generated", '{"kind":"issues","v":2}');
      const one = props.getItemOrNullObject("Duban.Generated");
      const none = context.workbook.worksheets
        .getItem("区重点工作")
        .customProperties.getItemOrNullObject("duban.generated");
      one.load("key, value");
      props.load("items/key");
      await context.sync();
      expect(one.value).toBe('{"kind":"issues","v":2}');
      expect(props.items).toHaveLength(1);
      expect(none.isNullObject).toBe(true);
    });
    expect(sheet("校验结果").snapshot().customProperties).toEqual({
      "DUBAN.generated": '{"kind":"issues","v":2}',
    });
  });

  it("sets A4 landscape printing with repeated header rows, and freezes the header", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("区重点工作");
      ws.pageLayout.orientation = Excel.PageOrientation.landscape;
      ws.pageLayout.paperSize = Excel.PaperType.a4;
      ws.pageLayout.setPrintTitleRows("$1:$2");
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      ws.freezePanes.freezeRows(2);
      await context.sync();
      ws.pageLayout.paperSize = "A4 纸" as Excel.PaperType;
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    });
    expect(sheet().snapshot()).toMatchObject({
      frozenRows: 2,
      pageLayout: {
        orientation: "Landscape",
        paperSize: "A4",
        printTitleRows: "$1:$2",
        zoom: { horizontalFitToPages: 1 },
      },
    });
  });

  it("links a cell to another sheet's cell and shows the link text", async () => {
    await Excel.run(async (context) => {
      const link = context.workbook.worksheets.getItem("校验结果").getRange("A2");
      link.hyperlink = {
        documentReference: "'区重点工作'!C5",
        textToDisplay: "区重点工作!C5",
        screenTip: "定位到问题单元格",
      };
      link.load("hyperlink, values");
      await context.sync();
      expect(link.values).toEqual([["区重点工作!C5"]]);
      expect(link.hyperlink).toEqual({
        documentReference: "'区重点工作'!C5",
        textToDisplay: "区重点工作!C5",
        screenTip: "定位到问题单元格",
      });
    });
  });

  it("clears contents, formats or everything, as asked", async () => {
    sheet()
      .setValues("A1", [["完成时限", "牵头单位", "分管领导"]])
      .setFill("A1:C1", "#FFEB9C");
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("区重点工作");
      ws.getRange("A1").clear(Excel.ClearApplyTo.contents);
      ws.getRange("B1").clear("Formats");
      ws.getRange("C1").clear();
      await context.sync();
    });
    expect([sheet().cell("A1").value, sheet().cell("A1").fill]).toEqual(["", "#FFEB9C"]);
    expect([sheet().cell("B1").value, sheet().cell("B1").fill]).toEqual(["牵头单位", null]);
    expect([sheet().cell("C1").value, sheet().cell("C1").fill]).toEqual(["", null]);
  });
});

describe("document settings and snapshots", () => {
  const standIn = useStandIn({
    sheets: ["我的台账", "区重点工作"],
    settings: { "duban.marks": { 区重点工作: [] } },
  });

  it("reads settings stored in the document, keeps changes in memory until saveAsync", async () => {
    const settings = Office.context.document.settings;
    expect(settings.get("duban.marks")).toEqual({ 区重点工作: [] });
    expect(settings.get("missing")).toBeNull();
    settings.set("duban.marks", { 区重点工作: [{ row: 4, col: 2, fill: null }] });
    expect(standIn().settings.saved).toEqual({ "duban.marks": { 区重点工作: [] } });
    const status = await new Promise((resolve) =>
      settings.saveAsync((result) => resolve(result.status))
    );
    expect(status).toBe(Office.AsyncResultStatus.Succeeded);
    expect(standIn().settings.saved).toEqual({
      "duban.marks": { 区重点工作: [{ row: 4, col: 2, fill: null }] },
    });
    expect(standIn().settings.saves).toBe(1);
  });

  it("shows with a snapshot that a sheet was left untouched while another changed", async () => {
    standIn()
      .workbook.sheet("我的台账")
      .setValues("A1", [
        ["事项", "备注"],
        ["粮食安全", "+C18"],
      ])
      .setFill("B2", "yellow");
    const before = standIn().workbook.snapshot();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("区重点工作").getRange("A1").values = [["序号"]];
      await context.sync();
    });
    const after = standIn().workbook.snapshot();
    expect(after.sheets["我的台账"]).toEqual(before.sheets["我的台账"]);
    expect(after.sheets["区重点工作"]).not.toEqual(before.sheets["区重点工作"]);
    expect(after.sheets["我的台账"].cells.B2).toMatchObject({
      value: "+C18",
      formula: null,
      fill: "#FFFF00",
    });
  });
});

describe("ribbon actions", () => {
  const standIn = useStandIn({ sheets: ["区重点工作"] });

  it("runs a handler registered with Office.actions.associate until it calls completed()", async () => {
    Office.actions.associate("validateWorkbook", (event: Office.AddinCommands.Event) => {
      void Excel.run(async (context) => {
        context.workbook.worksheets.add("校验结果");
        await context.sync();
      }).then(() => event.completed());
    });
    expect(standIn().actions.names()).toEqual(["validateWorkbook"]);
    await standIn().actions.run("validateWorkbook");
    expect(standIn().workbook.sheetNames()).toEqual(["区重点工作", "校验结果"]);
    await expect(standIn().actions.run("summarize")).rejects.toThrow('No action "summarize"');
  });
});
