import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { join } from "path";
import { linkCell, rect } from "../../src/core/patch/build";
import {
  invalidPatchMessage,
  notGeneratedMessage,
  notesOccupiedMessage,
  sheetExistsMessage,
  sheetMissingMessage,
} from "../../src/core/patch/messages";
import type { SheetOpInput } from "../../src/core/patch/schema";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { columnPoints, printablePoints } from "../../src/core/outputs/style";
import { XlsxPatchError } from "../../src/xlsx/errors";
import { loadXlsx } from "../../src/xlsx/loadWorkbook";
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { STORE_SHEET } from "../../src/xlsx/store";
import { applyPatchToWorkbook } from "../../src/xlsx/writePatch";
import { seedTable } from "../support/seeds";
import { errorOf, fillOf, patchFile, saveHandMade, sheetXml, useTempDir } from "./support";
import { renameSheet } from "../support/renameSheet";

const dir = useTempDir();

const district = seedTable("district");
const [first, second, third] = district.rows;

/** A user's own sheet: their header and three rows of the district table, one cell filled yellow. */
async function userFile(name = "台账.xlsx"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("我的台账");
  ws.addRow(["序号", "重点工作", "牵头单位", "备注"]);
  for (const row of [first, second, third])
    ws.addRow([row.seq, row.fields.task, row.fields.lead, null]);
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("D3").note = "请财政局核实";
  return saveHandMade(workbook, join(dir(), name));
}

function issueSheet(mode: "create" | "replace" = "replace"): SheetOpInput {
  return {
    sheet: "校验结果",
    mode,
    generated: { kind: "issues" },
    values: [
      {
        row: 0,
        col: 0,
        values: [
          ["工作表", "位置", "问题"],
          ["我的台账", "C3", "牵头单位写法不一"],
        ],
      },
    ],
  };
}

function refusal(work: () => unknown): Promise<XlsxPatchError> {
  return errorOf(XlsxPatchError, work);
}

describe("applyPatchToWorkbook: create, replace, update", () => {
  test("replace refuses a sheet the add-in did not generate, before anything is written", async () => {
    const input = await userFile();
    const before = readFileSync(input);
    const workbook = await loadXlsx(input);
    const error = await refusal(() =>
      applyPatchToWorkbook(workbook, {
        sheets: [
          issueSheet(),
          { ...issueSheet(), sheet: "我的台账", generated: { kind: "import" } },
        ],
      })
    );
    expect(error.message).toBe(notGeneratedMessage("我的台账"));
    expect(error.message).toBe(
      "工作表「我的台账」不是督办助手生成的，为保护您的数据，不会替换它。请把它改名后重试，或为生成的表另取名称。"
    );
    // Not even the op before it was carried out; the file on disk is untouched.
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["我的台账"]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("create refuses an existing name; update refuses a missing sheet; names compare without case", async () => {
    const workbook = await loadXlsx(await userFile());
    expect(
      (
        await refusal(() =>
          applyPatchToWorkbook(workbook, {
            sheets: [{ ...issueSheet("create"), sheet: "我的台账" }],
          })
        )
      ).message
    ).toBe(sheetExistsMessage("我的台账", false));
    expect(
      (
        await refusal(() =>
          applyPatchToWorkbook(workbook, { sheets: [{ sheet: "汇总", mode: "update" }] })
        )
      ).message
    ).toBe(sheetMissingMessage("汇总"));
    workbook.getWorksheet("我的台账")!.name = "Sheet A";
    expect(
      (
        await refusal(() =>
          applyPatchToWorkbook(workbook, { sheets: [{ ...issueSheet(), sheet: "SHEET a" }] })
        )
      ).message
    ).toBe(notGeneratedMessage("SHEET a"));
  });

  test("a patch the core should never build is refused in Chinese", async () => {
    const error = await refusal(() =>
      applyPatchToWorkbook(new ExcelJS.Workbook(), { sheets: [issueSheet(), issueSheet()] })
    );
    expect(error.message).toBe(
      invalidPatchMessage("sheets.1.sheet：工作表「校验结果」在写入计划中出现了两次")
    );
  });

  test("the record sheet's name is not for patches", async () => {
    const error = await refusal(() =>
      applyPatchToWorkbook(new ExcelJS.Workbook(), {
        sheets: [{ ...issueSheet(), sheet: STORE_SHEET }],
      })
    );
    expect(error.message).toContain(`「${STORE_SHEET}」留给督办助手`);
  });

  test("a generated sheet keeps its marker across save and load, and a later replace rebuilds it in place", async () => {
    const once = join(dir(), "一.xlsx");
    await patchFile({ sheets: [issueSheet()] }, once, await userFile());
    const read = await readXlsx(once);
    expect(read.sheets.map((s) => [s.name, s.generated])).toEqual([
      ["我的台账", null],
      ["校验结果", { kind: "issues", version: 1 }],
    ]);

    const twice = join(dir(), "二.xlsx");
    const rebuilt: SheetOpInput = {
      ...issueSheet(),
      position: undefined,
      values: [{ row: 0, col: 0, values: [["校验完成：未发现问题"]] }],
    };
    const { workbook } = await patchFile({ sheets: [rebuilt] }, twice, once);
    const ws = workbook.getWorksheet("校验结果")!;
    expect(ws.getCell("A1").value).toBe("校验完成：未发现问题");
    // The old sheet went with everything on it.
    expect(ws.getCell("C2").value).toBeNull();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["我的台账", "校验结果", STORE_SHEET]);
  });

  test("a generated sheet renamed outside the add-in counts as the user's", async () => {
    const once = join(dir(), "一.xlsx");
    await patchFile({ sheets: [issueSheet()] }, once);
    const workbook = await loadXlsx(once);
    renameSheet(workbook, "校验结果", "问题清单");
    workbook.addWorksheet("校验结果");
    const error = await refusal(() => applyPatchToWorkbook(workbook, { sheets: [issueSheet()] }));
    expect(error.message).toBe(notGeneratedMessage("校验结果"));
  });

  test("a record whose text another program saved as rich text (Calc: a run per font) still reads", async () => {
    const once = join(dir(), "一.xlsx");
    await patchFile({ sheets: [issueSheet()] }, once, await userFile());
    const workbook = await loadXlsx(once);
    const record = workbook.getWorksheet(STORE_SHEET)!;
    expect(record.getCell("B2").value).toBe("校验结果");
    record.getCell("B2").value = {
      richText: [{ text: "校验" }, { font: { name: "Calibri" }, text: "结果" }],
    };
    const again = join(dir(), "另存.xlsx");
    await workbook.xlsx.writeFile(again);
    const read = await readXlsx(again);
    expect(read.sheets.map((s) => [s.name, s.generated])).toEqual([
      ["我的台账", null],
      ["校验结果", { kind: "issues", version: 1 }],
    ]);
  });

  // LibreOffice Calc numbers the sheets afresh when it saves (tests/office/calc.test.ts runs it).
  test("sheetIds numbered afresh by another program: generated sheets and marks are still known", async () => {
    const once = join(dir(), "一.xlsx");
    const mark: SheetOpInput = {
      sheet: "我的台账",
      mode: "update",
      marks: [{ row: 1, col: 2, fill: "#FFC7CE", note: "牵头单位写法与名册不一致" }],
    };
    await patchFile({ sheets: [mark, issueSheet()] }, once, await userFile());
    const zip = await JSZip.loadAsync(readFileSync(once));
    const book = await zip.file("xl/workbook.xml")!.async("string");
    // Each recorded sheet carries its key as a hidden name (not offered in 名称管理器).
    expect([...book.matchAll(/<definedName [^>]*>/g)].map(([tag]) => tag).sort()).toEqual([
      '<definedName name="_duban_sheet_1" hidden="1">',
      '<definedName name="_duban_sheet_2" hidden="1">',
    ]);
    const count = [...book.matchAll(/<sheet /g)].length;
    let next = count;
    const renumbered = book.replace(/sheetId="\d+"/g, () => `sheetId="${next--}"`);
    expect(renumbered).not.toBe(book);
    zip.file("xl/workbook.xml", renumbered);
    const again = join(dir(), "另存.xlsx");
    writeFileSync(again, await zip.generateAsync({ type: "nodebuffer" }));

    const clear: SheetOpInput = { sheet: "我的台账", mode: "update", clearMarks: true };
    const { workbook } = await patchFile(
      { sheets: [clear, issueSheet()] },
      join(dir(), "二.xlsx"),
      again
    );
    const ws = workbook.getWorksheet("我的台账")!;
    expect(fillOf(ws.getCell("C2"))).toBe("#FFFF00");
    expect(ws.getCell("C2").note).toBeUndefined();
    expect(ws.getCell("D3").note).toBe("请财政局核实");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["我的台账", "校验结果", STORE_SHEET]);
  });
});

describe("applyPatchToWorkbook: what lands in the file", () => {
  test("text stays text, dates are dates, links jump to the cell", async () => {
    const out = join(dir(), "out.xlsx");
    const { workbook } = await patchFile(
      {
        sheets: [
          {
            sheet: "校验结果",
            mode: "create",
            generated: { kind: "issues" },
            values: [
              {
                row: 0,
                col: 0,
                values: [
                  ["+C18", "=SUM(A1:A3)", "-", { date: "2022-06-30" }, 7, true],
                  [
                    linkCell("区重点工作!B3", { sheet: "区 重点工作", row: 2, col: 1 }),
                    null,
                    null,
                    null,
                    null,
                    null,
                  ],
                ],
              },
            ],
          },
          { sheet: "区 重点工作", mode: "create", generated: { kind: "import", key: "district" } },
        ],
      },
      out
    );
    const ws = workbook.getWorksheet("校验结果")!;
    const row = [1, 2, 3, 4, 5, 6].map((c) => ws.getRow(1).getCell(c));
    expect(row.map((c) => c.value)).toEqual([
      "+C18",
      "=SUM(A1:A3)",
      "-",
      new Date(Date.UTC(2022, 5, 30)),
      7,
      true,
    ]);
    expect(row.map((c) => c.numFmt ?? "General")).toEqual([
      "@",
      "@",
      "@",
      "yyyy-mm-dd",
      "General",
      "General",
    ]);
    expect(row.map((c) => c.formula)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(ws.getCell("A2").value).toEqual({
      text: "区重点工作!B3",
      hyperlink: "#'区 重点工作'!$B$3",
    });
  });

  test("the 关键任务 导入 sheet with tracking: widths, hidden column, heights, merges, print, freeze, colours, drop-down, note", async () => {
    const { op } = buildImportSheet(seedTable("key"), undefined, { checkDate: "2022-09-30" });
    op.columns!.push({ col: 9, width: 12, hidden: true });
    const { workbook } = await patchFile({ sheets: [op] }, join(dir(), "关键任务.xlsx"));
    const ws = workbook.getWorksheet("关键任务")!;
    // Narrowed to fit A4 landscape at the printed scale, in Excel's and LibreOffice's widths;
    // the prose columns stay widest.
    const widths = Array.from({ length: 9 }, (_, c) => ws.getColumn(c + 1).width!);
    const points = widths.reduce((sum, w) => sum + columnPoints(w), 0);
    expect((points * ws.pageSetup.scale!) / 100).toBeLessThanOrEqual(printablePoints("A4"));
    expect(Math.max(...widths)).toBe(widths[1]);
    expect(widths[2]).toBe(widths[1]);
    expect([ws.getColumn(9).hidden, ws.getColumn(10).hidden]).toEqual([false, true]);
    expect(ws.getRow(1).height).toBe(36);
    // Wrapped text gets the rows LibreOffice would otherwise cut to one line.
    expect(ws.getRow(3).height).toBeGreaterThan(60);
    // The title keeps A1:C1; D1:I1 are the printed legend of the colours.
    expect(ws.model.merges).toEqual(["A1:C1", "A8:I8"]);
    expect(["D1", "E1", "F1", "G1", "H1", "I1"].map((a) => ws.getCell(a).value)).toEqual([
      "错误",
      "警告",
      "超期",
      "即将到期",
      "已完成",
      "无截止日期",
    ]);
    expect(fillOf(ws.getCell("F1"))).toBe("#F8CBAD");
    expect(ws.headerFooter.oddHeader).toBe(
      "&L2022年市政府工作关键任务（涉及津南区工作）&R检查日期：2022年9月30日"
    );
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    // (ExcelJS reads <sz val="10.5"/> back as 10: it parses sizes as integers.)
    expect(ws.getCell("C3").font).toMatchObject({ name: "宋体" });
    expect(ws.getCell("A1").font).toMatchObject({ name: "黑体", size: 14 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF2F5597" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 2, topLeftCell: "A3" });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      // A stated scale, not fit to width (LibreOffice fitted some sheets far too small), at
      // which 五号 (10.5 pt) text prints at 9.1 pt or more.
      fitToPage: false,
      printTitlesRow: "2:2",
    });
    expect((10.5 * ws.pageSetup.scale!) / 100).toBeGreaterThanOrEqual(9.1);
    expect(ws.pageSetup.scale).toBeLessThanOrEqual(100);
    expect(ws.getCell("G3").value).toEqual(new Date(Date.UTC(2022, 11, 31)));
    expect(ws.getCell("G2").note).toContain("截止日期取自「工作明细及完成时限」");
    expect(fillOf(ws.getCell("B2"))).toBe("#D9E1F2");
    expect(ws.getCell("B2").font).toMatchObject({ name: "黑体" });

    const rules = (
      ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(
      rules.map((cf) => [
        cf.ref,
        cf.rules[0].type,
        (cf.rules[0] as ExcelJS.ExpressionRuleType).formulae,
      ])
    ).toEqual(op.conditionalFormats!.map((cf) => ["G3:H6", "expression", [cf.formula.slice(1)]]));
    expect(rules.map((cf) => cf.rules[0].style?.fill)).toContainEqual({
      type: "pattern",
      pattern: "solid",
      bgColor: { argb: "FFF8CBAD" },
    });
    const validation = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(Object.keys(validation).sort()).toEqual(["H3", "H4", "H5", "H6"]);
    expect(validation.H5).toMatchObject({
      type: "list",
      formulae: ['"未启动,推进中,已完成,已延期"'],
      showErrorMessage: true,
      errorTitle: "输入无效",
      error: "完成状态请从下拉列表中选择：未启动、推进中、已完成、已延期。",
    });
  });

  test("tab position and activation, one selected tab", async () => {
    const out = join(dir(), "out.xlsx");
    const { workbook } = await patchFile(
      { sheets: [{ ...issueSheet(), position: 0, activate: true }] },
      out,
      await userFile()
    );
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["校验结果", "我的台账", STORE_SHEET]);
    expect(workbook.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");
    expect(workbook.views[0].activeTab).toBe(0);
    // ExcelJS does not read tabSelected back: look at the file itself.
    const selected = [...(await sheetXml(out))].map(([name, xml]) => [
      name,
      xml.includes('tabSelected="1"'),
    ]);
    expect(selected).toEqual([
      ["校验结果", true],
      ["我的台账", false],
      [STORE_SHEET, false],
    ]);
  });

  test("clearing part of a conditional format's range keeps the rest, its formula moved with it", async () => {
    const formula = '=AND($C2<>"",$C2<TODAY())';
    const once = join(dir(), "一.xlsx");
    await patchFile(
      {
        sheets: [
          {
            sheet: "我的台账",
            mode: "update",
            conditionalFormats: [{ range: rect(1, 0, 20, 4), formula, fill: "#F8CBAD" }],
          },
        ],
      },
      once,
      await userFile()
    );
    const { workbook } = await patchFile(
      {
        sheets: [
          { sheet: "我的台账", mode: "update", clearConditionalFormats: [rect(1, 0, 10, 4)] },
        ],
      },
      join(dir(), "二.xlsx"),
      once
    );
    const rules = (
      workbook.getWorksheet("我的台账") as unknown as {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      }
    ).conditionalFormattings;
    expect(
      rules.map((cf) => [cf.ref, (cf.rules[0] as ExcelJS.ExpressionRuleType).formulae])
    ).toEqual([["A12:D21", ['AND($C12<>"",$C12<TODAY())']]]);
  });
});

describe("marks on a user's sheet, across save and load", () => {
  const marks: SheetOpInput = {
    sheet: "我的台账",
    mode: "update",
    marks: [
      { row: 1, col: 2, fill: "#FFC7CE", note: "牵头单位「发展改革委」写法与名册不一致" },
      { row: 2, col: 2, fill: "#FFEB9C" },
      { row: 2, col: 3, fill: "#FFEB9C", note: "备注为空" },
    ],
  };
  const clear: SheetOpInput = { sheet: "我的台账", mode: "update", clearMarks: true };

  test("marking fills the cells and notes them, never over the user's own note", async () => {
    const { report, workbook } = await patchFile(
      { sheets: [marks] },
      join(dir(), "标记.xlsx"),
      await userFile()
    );
    const ws = workbook.getWorksheet("我的台账")!;
    expect(["C2", "C3", "D3"].map((a) => fillOf(ws.getCell(a)))).toEqual([
      "#FFC7CE",
      "#FFEB9C",
      "#FFEB9C",
    ]);
    expect(ws.getCell("C2").note).toBe("牵头单位「发展改革委」写法与名册不一致");
    expect(ws.getCell("D3").note).toBe("请财政局核实");
    expect(report.fallbacks).toEqual([notesOccupiedMessage("我的台账", 1)]);
    // The user's cells keep their values.
    expect(ws.getCell("B2").value).toBe(first.fields.task);
  });

  test("clearing restores each cell's own fill (yellow, or none) and takes off only the add-in's notes", async () => {
    const marked = join(dir(), "标记.xlsx");
    await patchFile({ sheets: [marks] }, marked, await userFile());
    const { workbook } = await patchFile({ sheets: [clear] }, join(dir(), "清除.xlsx"), marked);
    const ws = workbook.getWorksheet("我的台账")!;
    expect(["C2", "C3", "D3"].map((a) => fillOf(ws.getCell(a)))).toEqual(["#FFFF00", null, null]);
    expect(ws.getCell("C2").note).toBeUndefined();
    expect(ws.getCell("D3").note).toBe("请财政局核实");
    // Nothing left to record: the record sheet is gone.
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["我的台账"]);
  });

  test("a fill the user changed after marking is kept; marking again keeps the first original", async () => {
    const marked = join(dir(), "标记.xlsx");
    await patchFile({ sheets: [marks] }, marked, await userFile());
    const again = join(dir(), "再次.xlsx");
    await patchFile(
      { sheets: [{ ...marks, marks: [{ row: 1, col: 2, fill: "#F8CBAD" }] }] },
      again,
      marked
    );
    const workbook = await loadXlsx(again);
    workbook.getWorksheet("我的台账")!.getCell("C3").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFC6EFCE" },
    };
    applyPatchToWorkbook(workbook, { sheets: [clear] });
    const ws = workbook.getWorksheet("我的台账")!;
    expect(fillOf(ws.getCell("C2"))).toBe("#FFFF00");
    expect(fillOf(ws.getCell("C3"))).toBe("#C6EFCE");
  });
});
