import { codeOf, useStandIn } from "./standin";

async function addSheet(name: string): Promise<string> {
  return codeOf(
    Excel.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    })
  );
}

describe("sheet names are checked at sync, as Excel checks them", () => {
  const standIn = useStandIn({ sheets: ["市重点工作"] });

  it("accepts short Chinese names, full-width punctuation and spaces", async () => {
    expect(await addSheet("区重点工作")).toBe("no error");
    expect(await addSheet("附件1：关键任务")).toBe("no error");
    expect(await addSheet("单位 表")).toBe("no error");
    expect(standIn().workbook.sheetNames()).toEqual([
      "市重点工作",
      "区重点工作",
      "附件1：关键任务",
      "单位 表",
    ]);
  });

  it.each([
    [
      "more than 31 characters",
      "津南区人民政府关于切实做好2022年市政府重点工作及关键任务（涉及津南区工作）",
    ],
    ["a colon", "附件1:关键任务"],
    ["a backslash", "牵头\\配合"],
    ["a slash", "牵头/配合"],
    ["a question mark", "待定?"],
    ["an asterisk", "重点*"],
    ["square brackets", "[校验]"],
    ["nothing but spaces", "   "],
    ["an empty name", ""],
    ["a leading apostrophe", "'校验结果"],
    ["a trailing apostrophe", "校验结果'"],
    ["Excel's reserved name", "History"],
  ])("refuses a name with %s (InvalidArgument)", async (_why, name) => {
    expect(await addSheet(name)).toBe("InvalidArgument");
    expect(standIn().workbook.sheetNames()).toEqual(["市重点工作"]);
  });

  it("accepts a name of exactly 31 characters", async () => {
    const name = "津南区人民政府关于切实做好2022年市政府重点工作及关键任务（涉及津南区工作）".slice(
      0,
      31
    );
    expect(name).toHaveLength(31);
    expect(await addSheet(name)).toBe("no error");
  });

  it("refuses a name already taken, ignoring case (ItemAlreadyExists)", async () => {
    expect(await addSheet("Summary")).toBe("no error");
    expect(await addSheet("SUMMARY")).toBe("ItemAlreadyExists");
    expect(await addSheet("市重点工作")).toBe("ItemAlreadyExists");
  });

  it("checks a rename the same way", async () => {
    await addSheet("区重点工作");
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("区重点工作").name = "市重点工作";
        await context.sync();
      })
    );
    expect(code).toBe("ItemAlreadyExists");
    expect(standIn().workbook.sheetNames()).toEqual(["市重点工作", "区重点工作"]);
  });

  it("names an unnamed new sheet SheetN and finds sheets by name ignoring case", async () => {
    await Excel.run(async (context) => {
      const added = context.workbook.worksheets.add();
      added.load("name, position");
      await context.sync();
      expect(added.name).toBe("Sheet2");
      expect(added.position).toBe(1);
    });
    expect(await addSheet("Summary")).toBe("no error");
    await Excel.run(async (context) => {
      const found = context.workbook.worksheets.getItem("summary");
      found.load("name");
      await context.sync();
      expect(found.name).toBe("Summary");
    });
  });
});

describe("worksheets", () => {
  const standIn = useStandIn({ sheets: ["市重点工作", "区重点工作", "民心工程"] });

  it("fails at sync, not at the call, for a sheet that does not exist", async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItem("单位表");
      expect(missing).toBeDefined();
      missing.load("name");
      expect(await codeOf(context.sync())).toBe("ItemNotFound");
    });
  });

  it("moves, hides, colours and deletes sheets, and keeps one sheet visible", async () => {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("民心工程").position = 0;
      sheets.getItem("市重点工作").tabColor = "#C00000";
      sheets.getItem("区重点工作").visibility = "Hidden";
      await context.sync();
      sheets.getItem("市重点工作").delete();
      await context.sync();
      sheets.getItem("民心工程").delete();
      expect(await codeOf(context.sync())).toBe("InvalidOperation");
    });
    const book = standIn().workbook.snapshot();
    expect(book.sheetNames).toEqual(["民心工程", "区重点工作"]);
    expect(book.sheets["区重点工作"].visibility).toBe("Hidden");
  });

  it("activates a sheet and selects a range; getSelectedRange gives it back", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("区重点工作").getRange("C5").select();
      await context.sync();
      const selected = context.workbook.getSelectedRange();
      const active = context.workbook.worksheets.getActiveWorksheet();
      selected.load("address");
      active.load("name");
      await context.sync();
      expect(selected.address).toBe("区重点工作!C5");
      expect(active.name).toBe("区重点工作");
    });
    expect(standIn().workbook.selection).toBe("区重点工作!C5");
  });

  it("reads and writes through qualified and quoted addresses, and refuses another sheet's address", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("单位 表");
      const range = sheet.getRange("'单位 表'!B2:C3");
      range.values = [
        ["牵头单位", "配合单位"],
        ["区农业农村委", "各镇街"],
      ];
      range.load("address");
      await context.sync();
      expect(range.address).toBe("'单位 表'!B2:C3");
      sheet.getRange("民心工程!A1").values = [["x"]];
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    });
    expect(standIn().workbook.toGrid("单位 表")).toEqual([
      ["", "", ""],
      ["", "牵头单位", "配合单位"],
      ["", "区农业农村委", "各镇街"],
    ]);
  });

  it("gives A1 as the used range of an empty sheet, and a null object from getUsedRangeOrNullObject", async () => {
    standIn().workbook.sheet("民心工程").setFill("D4", "yellow");
    await Excel.run(async (context) => {
      const empty = context.workbook.worksheets.getItem("区重点工作");
      const used = empty.getUsedRange();
      const none = empty.getUsedRangeOrNullObject(true);
      const formatted = context.workbook.worksheets.getItem("民心工程");
      const withFormats = formatted.getUsedRange();
      const valuesOnly = formatted.getUsedRangeOrNullObject(true);
      used.load("address");
      withFormats.load("address");
      await context.sync();
      expect(used.address).toBe("区重点工作!A1");
      expect(none.isNullObject).toBe(true);
      expect(withFormats.address).toBe("民心工程!D4");
      expect(valuesOnly.isNullObject).toBe(true);
    });
  });
});
