import {
  buildPatch,
  dateCell,
  existingSheet,
  generatedSheet,
  linkCell,
  rect,
} from "../../src/core/patch/build";
import { resolveCell } from "../../src/core/patch/cells";
import { PATCH_VERSION, WorkbookPatch } from "../../src/core/patch/schema";

const messages = (input: unknown): string[] => {
  const parsed = WorkbookPatch.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("WorkbookPatch schema", () => {
  test("a generated sheet carries its marker with the schema version", () => {
    const op = generatedSheet("区重点工作", "import", { key: "district" });
    expect(op.mode).toBe("replace");
    expect(op.generated).toEqual({ kind: "import", key: "district", version: PATCH_VERSION });
    expect(op.values).toEqual([]);
  });

  test("create and replace need a marker; marks only go on existing sheets", () => {
    expect(messages({ sheets: [{ sheet: "汇总", mode: "create" }] })).toEqual([
      "新建或替换的工作表「汇总」必须带有生成标记",
    ]);
    const marked = {
      ...generatedSheet("校验结果", "issues"),
      marks: [{ row: 1, col: 1, fill: "#FFC7CE" }],
    };
    expect(messages({ sheets: [marked] })).toEqual(["标记只能加在已有的工作表上（「校验结果」）"]);
  });

  test("a sheet may appear once, compared as Excel compares names", () => {
    const a = generatedSheet("Summary", "summary");
    const b = generatedSheet("SUMMARY", "summary");
    expect(messages({ sheets: [a, b] })).toEqual(["工作表「SUMMARY」在写入计划中出现了两次"]);
  });

  test("bad sheet names, colours and list items are refused with Chinese reasons", () => {
    const bad = { ...existingSheet("区重点工作"), sheet: "区重点工作/2022" };
    expect(messages({ sheets: [bad] })[0]).toContain("不允许的字符「/」");
    const colour = { ...existingSheet("区重点工作"), tabColor: "red" };
    expect(messages({ sheets: [colour] })).toEqual(["颜色须写成 #RRGGBB"]);
    const list = {
      ...existingSheet("区重点工作"),
      validations: [{ range: rect(1, 7, 10), list: ["未启动,推进中"] }],
    };
    expect(messages({ sheets: [list] })).toEqual(["下拉选项不能含英文逗号"]);
  });

  test("two messages on one cell must be merged by the core", () => {
    const op = {
      ...existingSheet("区重点工作"),
      marks: [{ row: 4, col: 5, fill: "#FFC7CE", note: "缺少牵头单位" }],
      notes: [{ row: 4, col: 5, text: "牵头单位为空" }],
    };
    expect(messages({ sheets: [op] })).toEqual([
      "工作表「区重点工作」的同一单元格有多个标记或说明，请合并为一条",
    ]);
  });

  test("value blocks must be rectangular", () => {
    const op = {
      ...existingSheet("区重点工作"),
      values: [{ row: 0, col: 0, values: [["序号", "重点工作"], ["1"]] }],
    };
    expect(messages({ sheets: [op] })).toEqual(["值块的每一行必须同样长，且不能为空"]);
  });

  test("a conditional format needs a formula and a colour", () => {
    const formula = '=AND($F2<>"",$F2<TODAY(),$G2<>"已完成")';
    const ok = {
      ...existingSheet("区重点工作"),
      conditionalFormats: [{ range: rect(1, 0, 50, 8), formula, fill: "#FFC7CE" }],
    };
    expect(messages({ sheets: [ok] })).toEqual([]);
    const noColour = { ...ok, conditionalFormats: [{ range: rect(1, 0), formula }] };
    expect(messages({ sheets: [noColour] })).toEqual(["条件格式须至少给出填充色或字体颜色"]);
  });

  test("buildPatch fills in defaults and checks the whole patch", () => {
    const patch = buildPatch([
      { sheet: "区重点工作", mode: "update", marks: [{ row: 3, col: 5, fill: "#FFC7CE" }] },
    ]);
    expect(patch.sheets[0].noteFallback).toBe("comment");
    expect(patch.sheets[0].clearMarks).toBe(false);
    expect(() => buildPatch([{ sheet: "汇总", mode: "replace" }])).toThrow("必须带有生成标记");
  });
});

describe("how each patch cell is written", () => {
  test("text — also text that looks like a formula — is written as text", () => {
    expect(resolveCell("+C18")).toEqual({ value: "+C18", numberFormat: "@" });
    expect(resolveCell("=SUM(A1:A3)")).toEqual({ value: "=SUM(A1:A3)", numberFormat: "@" });
  });

  test("dates become serials with a date format; numbers and empties stay general", () => {
    expect(resolveCell(dateCell("2022-06-30"))).toEqual({
      value: 44742,
      numberFormat: "yyyy-mm-dd",
    });
    expect(resolveCell(106)).toEqual({ value: 106, numberFormat: "General" });
    expect(resolveCell(null)).toEqual({ value: "", numberFormat: "General" });
  });

  test("a link shows its text and keeps its target", () => {
    const cell = linkCell("区重点工作!F12", { sheet: "区重点工作", row: 11, col: 5 });
    expect(resolveCell(cell)).toEqual({
      value: "区重点工作!F12",
      numberFormat: "@",
      link: { sheet: "区重点工作", row: 11, col: 5 },
    });
  });
});
