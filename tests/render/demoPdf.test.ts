import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { applyExcelJsFixes } from "../../src/xlsx/excelJsFixes";
import { dubanIn } from "../support/cli";
import {
  ideographSizes,
  pdfPages,
  printToPdf,
  describeIfRendering,
  type PdfPage,
} from "../support/libreoffice";

/**
 * The demo workbook (`duban demo`) printed through LibreOffice, read back from the PDF: what a
 * 督查室 gets on paper. Skipped, with the reason printed, where LibreOffice or poppler is missing.
 */

const KEPT_UNITS = ["单位-区委组织部", "单位-区发展改革委", "单位-区水务局"];

/** The titles the page headers carry. */
const TITLE = /^(2022年.+|天津市.+|校验结果|督办情况汇总.*|.+重点工作任务清单)$/;

/**
 * For each table row of a page but the last, the space between its lowest text and the next
 * row's 序号 (points): a row cut short has its text run past the next row's top (negative), a
 * row far too tall leaves empty lines. Rows are found by the 序号 in the first column.
 */
function rowSlacks(page: PdfPage): number[] {
  const seqs = page.words
    .filter((w) => /^\d+$/.test(w.text) && w.xMax < 85 && w.yMin > 60)
    .sort((a, b) => a.yMin - b.yMin);
  return seqs.slice(0, -1).map((seq, i) => {
    const top = seq.yMin - 1;
    const next = seqs[i + 1].yMin - 1;
    const inRow = page.words.filter((w) => w.yMin >= top && w.yMin < next);
    return next - Math.max(...inRow.map((w) => w.yMax));
  });
}

describeIfRendering("the demo workbook printed to PDF", () => {
  let pages: PdfPage[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "duban-demo-"));
    const run = dubanIn(dir, "demo");
    expect(run.status).toBe(0);
    // All sheets but the unit sheets of units other than KEPT_UNITS: printing all 63 takes
    // LibreOffice minutes, and one unit sheet prints like another.
    // Read and saved again as the CLI would (half-point sizes such as 五号 10.5 pt kept).
    applyExcelJsFixes();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "out", "督办助手示例.xlsx"));
    for (const ws of [...book.worksheets])
      if (ws.name.startsWith("单位-") && !KEPT_UNITS.includes(ws.name)) book.removeWorksheet(ws.id);
    const printed = join(dir, "示例-打印.xlsx");
    await book.xlsx.writeFile(printed);
    pages = pdfPages(printToPdf(printed));
  }, 400_000);

  /** Pages per sheet, by the title each page's header carries. */
  const pagesOf = (title: string) => pages.filter((p) => p.lines.includes(title));

  test("every page has the table title and 检查日期 at the top and 第 N 页 共 M 页 at the bottom", () => {
    expect(pages.length).toBeGreaterThan(40);
    // LibreOffice numbers each sheet's pages from 1 (as Excel prints a sheet) and counts the
    // whole document's pages for &N.
    const numbers = pages.map((page) => {
      expect(page.lines).toContain("检查日期：2022年9月30日");
      // The header's title; a merged cell split by the page break may leave clipped text above it.
      const title = page.lines.find((l) => TITLE.test(l));
      expect(title).toBeDefined();
      const footer = /第(\d+)页共(\d+)页/.exec(page.words.map((w) => w.text).join(""));
      expect(footer?.[2]).toBe(String(pages.length));
      return { title, n: Number(footer?.[1]) };
    });
    numbers.forEach(({ title, n }, i) =>
      expect(n).toBe(i > 0 && numbers[i - 1].title === title ? numbers[i - 1].n + 1 : 1)
    );
  });

  test("each sheet prints on a bounded number of pages", () => {
    const bounds: [string, number, number][] = [
      ["2022年市政府重点工作责任分解表（涉及津南区工作）", 3, 8],
      ["2022年市政府工作关键任务（涉及津南区工作）", 1, 2],
      ["2022年津南区政府重点工作责任分解表", 10, 24],
      ["天津市2022年20项民心工程涉及津南区任务责任清单", 3, 12],
      ["校验结果", 8, 18],
      ["督办情况汇总（截至2022年9月30日）", 2, 6],
      ["区发展改革委重点工作任务清单", 6, 14],
    ];
    const counts = bounds.map(([title]) => pagesOf(title).length);
    console.log(`每张表的页数：${bounds.map(([t], i) => `${t} ${counts[i]}`).join("；")}`);
    expect(counts.map((n, i) => n >= bounds[i][1] && n <= bounds[i][2])).toEqual(
      bounds.map(() => true)
    );
    // A unit with three tasks prints on two pages at most.
    expect(pagesOf("区委组织部重点工作任务清单").length).toBeLessThanOrEqual(2);
  });

  test("民心工程's text prints at 8 pt or more (五号 fitted to A4 landscape)", () => {
    const sizes = pagesOf("天津市2022年20项民心工程涉及津南区任务责任清单").flatMap(ideographSizes);
    expect(sizes.length).toBeGreaterThan(200);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
  });

  test("校验结果 and 汇总 print at 8.5 pt or more, not shrunk to fit what LibreOffice thinks is wide", () => {
    // Fitted to the page width by LibreOffice, 校验结果 printed at 5.6 pt; the sheets now state
    // the scale their columns need.
    for (const title of ["校验结果", "督办情况汇总（截至2022年9月30日）"]) {
      const sizes = pagesOf(title).flatMap(ideographSizes);
      expect(sizes.length).toBeGreaterThan(100);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8.5);
    }
  });

  test("rows are as tall as their text: no text runs into the next row, at most two spare lines", () => {
    for (const title of [
      "2022年市政府重点工作责任分解表（涉及津南区工作）",
      "2022年市政府工作关键任务（涉及津南区工作）",
      "区发展改革委重点工作任务清单",
    ]) {
      const slacks = pagesOf(title).flatMap(rowSlacks);
      expect(slacks.length).toBeGreaterThan(1);
      // A printed line of 五号 text at the sheets' scale is about 13 pt; before, rows had three
      // empty lines (42 pt) and text running 7 pt into the next row.
      expect(Math.min(...slacks)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...slacks)).toBeLessThanOrEqual(30);
    }
  });

  test("the legend of the colours prints above the marked tables", () => {
    const first = pagesOf("2022年市政府重点工作责任分解表（涉及津南区工作）")[0];
    for (const label of ["错误", "警告", "超期", "即将到期", "已完成", "无截止日期"])
      expect(first.lines.join("\n")).toContain(label);
  });

  test("汇总 repeats the per-unit table's header on the pages it runs on to", () => {
    const summary = pagesOf("督办情况汇总（截至2022年9月30日）");
    const starts = summary.findIndex((p) => p.lines.includes("各牵头单位完成情况"));
    const after = summary.slice(starts + 1);
    expect(after.length).toBeGreaterThan(0);
    for (const page of after) {
      expect(page.lines.includes("各牵头单位完成情况")).toBe(false);
      // The header's first cells lead the page (a wrapped title such as 其中来自统称 may come first).
      expect(page.lines.slice(2, 6)).toEqual(expect.arrayContaining(["牵头单位", "牵头"]));
    }
  });
});
