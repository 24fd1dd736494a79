import { linkCell, rect } from "../../src/core/patch/build";
import { applyPatch } from "../../src/excel/applyPatch";
import { MARKER_PROPERTY } from "../../src/excel/markers";
import {
  OVERDUE,
  STATUSES,
  breakdownSheetOp,
  districtRows,
  districtTable,
  userSheetNames,
  withStandIn,
} from "./fixtures";

describe("applyPatch writes a generated breakdown sheet (ExcelApi 1.18)", () => {
  const run = () =>
    withStandIn({ sheets: ["我的台账"] }, async (excel) => {
      excel.workbook
        .sheet("我的台账")
        .setValues("A1", [["自己记的", 42]])
        .setFill("B1", "#FFFF00");
      const before = excel.workbook.sheet("我的台账").snapshot();
      const op = breakdownSheetOp("区重点工作", 20);
      op.values!.push({ row: 22, col: 0, values: [["+C18", "=SUM(A1:A3)", "-（一）", "'引号"]] });
      op.notes = [{ row: 0, col: 7, text: "由完成时限推算" }];
      op.columns!.push({ col: 10, width: 12, hidden: true });
      op.tabColor = "#4472C4";
      op.position = 0;
      op.activate = true;
      const report = await applyPatch({ sheets: [op] });
      return { excel, before, report, sheet: excel.workbook.sheet("区重点工作") };
    });

  test("values land where the patch says, text as text", async () => {
    const { sheet } = await run();
    const rows = districtRows(20);
    expect(sheet.cell("A1").value).toBe("序号");
    expect(sheet.cell("C2").value).toBe(rows[0][2]);
    // A multi-line cell of the seed keeps its line breaks.
    expect(sheet.cell("D3").value).toBe(districtTable().rows[1].fields.detail);
    expect(sheet.cell("F21").value).toBe(rows[19][5]);
    for (const [address, text] of [
      ["A23", "+C18"],
      ["B23", "=SUM(A1:A3)"],
      ["C23", "-（一）"],
      ["D23", "'引号"],
    ]) {
      const cell = sheet.cell(address);
      expect(cell).toMatchObject({ value: text, formula: null, numberFormat: "@" });
    }
    expect(sheet.cell("A2").numberFormat).toBe("@");
  });

  test("dates are real dates; empty cells are empty", async () => {
    const { sheet } = await run();
    expect(sheet.cell("H2")).toMatchObject({
      value: 44926,
      numberFormat: "yyyy-mm-dd",
      text: "2022-12-31",
    });
    expect(sheet.cell("I2").value).toBe("");
  });

  test("fills, fonts, alignment, wrap and thin borders", async () => {
    const { sheet } = await run();
    const head = sheet.cell("B1");
    expect(head.fill).toBe("#D9E1F2");
    expect(head.font.bold).toBe(true);
    expect(head.horizontalAlignment).toBe("Center");
    expect(head.verticalAlignment).toBe("Center");
    expect(sheet.cell("D5").wrapText).toBe(true);
    expect(sheet.cell("C5").wrapText).toBe(false);
    const inner = sheet.cell("E10").borders;
    for (const side of [inner.top, inner.bottom, inner.left, inner.right]) {
      expect(side).toEqual({ style: "Continuous", weight: "Thin", color: "#808080" });
    }
    expect(sheet.cell("C2").fill).toBeNull();
  });

  test("column widths in characters become points; row heights stay points", async () => {
    const { sheet } = await run();
    // 6 characters = 6 × 7 + 5 = 47 px = 35.25 pt; 50 characters = 355 px = 266.25 pt.
    expect(sheet.columnWidth("A")).toBe(35.25);
    expect(sheet.columnWidth("D")).toBe(266.25);
    expect(sheet.rowHeight(1)).toBe(30);
    expect(sheet.snapshot().hiddenColumns).toEqual(["K"]);
  });

  test("frozen header, overdue colouring, status drop-down, note, print setup", async () => {
    const { sheet } = await run();
    const snap = sheet.snapshot();
    expect(snap.frozenRows).toBe(1);
    expect(sheet.cell("H2").conditionalFormats).toEqual([
      { formula: OVERDUE, fill: "#FFC7CE", fontColor: "#9C0006" },
    ]);
    expect(sheet.cell("A1").conditionalFormats).toEqual([]);
    expect(sheet.cell("I5").dataValidation?.rule).toEqual({
      list: { inCellDropDown: true, source: STATUSES.join(",") },
    });
    expect(sheet.cell("H5").dataValidation).toBeNull();
    expect(snap.notes).toEqual({ H1: "由完成时限推算" });
    expect(snap.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$1",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });

  test("tab colour, position, activation and the generated marker", async () => {
    const { excel, sheet } = await run();
    const snap = sheet.snapshot();
    expect(userSheetNames(excel)).toEqual(["区重点工作", "我的台账"]);
    expect(snap.tabColor).toBe("#4472C4");
    expect(excel.workbook.activeSheet).toBe("区重点工作");
    expect(JSON.parse(snap.customProperties[MARKER_PROPERTY])).toEqual({
      kind: "import",
      key: "district",
      version: 1,
    });
  });

  test("the user's sheet is left exactly as it was; the report is clean", async () => {
    const { excel, before, report } = await run();
    const after = excel.workbook.sheet("我的台账").snapshot();
    // Only its tab moved one place right, as the new sheet went in front of it.
    expect(after.position).toBe(before.position + 1);
    expect({ ...after, position: before.position }).toEqual(before);
    expect(report.sheetsWritten).toEqual(["区重点工作"]);
    expect(report.fallbacks).toEqual([]);
    expect(report.syncs).toBe(excel.stats.syncs);
  });
});

describe("applyPatch writes an issue sheet with links and merged title", () => {
  test("links point at the cell, merges and text cells hold", async () => {
    await withStandIn({ sheets: ["区重点工作"] }, async (excel) => {
      const issues = {
        sheet: "校验结果",
        mode: "replace" as const,
        generated: { kind: "issues" as const },
        values: [
          {
            row: 0,
            col: 0,
            values: [
              ["校验结果：错误 1 处", null, null],
              ["位置", "规则", "说明"],
              [
                linkCell("区重点工作!F12", { sheet: "区重点工作", row: 11, col: 5 }),
                "缺少牵头单位",
                "牵头单位为空",
              ],
            ],
          },
        ],
        merges: [rect(0, 0, 1, 3)],
      };
      await applyPatch({ sheets: [issues] });
      const sheet = excel.workbook.sheet("校验结果");
      expect(sheet.cell("A3").value).toBe("区重点工作!F12");
      expect(sheet.cell("A3").hyperlink).toMatchObject({
        documentReference: "'区重点工作'!F12",
        textToDisplay: "区重点工作!F12",
      });
      expect(sheet.snapshot().merges).toEqual(["A1:C1"]);
    });
  });
});
