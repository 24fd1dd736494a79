import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runSplit } from "../../src/cli/splitCommand";
import { writeCheckedWorkbook } from "../../src/cli/workbookCommand";
import { defaultRoster } from "../../src/core/roster";
import {
  ideographSizes,
  pdfPages,
  printToPdf,
  describeIfRendering,
  type PdfPage,
} from "../support/libreoffice";
import { MINXIN_FILE, NOTICE_FILE, SEED_DIR } from "../support/seeds";

/**
 * A unit's file of 下发 printed through LibreOffice, read back from the PDF: what the unit puts
 * on paper. 八里台镇 has the seeds' longest list (3 lead and 18 cooperating items). Skipped, with
 * the reason printed, where LibreOffice or poppler is missing.
 */
const TITLE = "八里台镇重点工作督办事项";

describeIfRendering("a unit's file printed to PDF", () => {
  let pages: PdfPage[] = [];
  const dir = mkdtempSync(join(tmpdir(), "duban-unit-pdf-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const master = join(dir, "总表.xlsx");
    const roster = defaultRoster();
    await writeCheckedWorkbook(
      [NOTICE_FILE, MINXIN_FILE].map((f) => join(SEED_DIR, f)),
      { output: master, force: false, checkDate: "2022-09-30", roster }
    );
    await runSplit(master, { output: dir, date: "2022-09-30", roster, force: false });
    pages = pdfPages(await printToPdf(join(dir, "八里台镇-督办事项-20220930.xlsx")));
  }, 400_000);

  test("every page has the title on top and 第 N 页 共 M 页 below, the header repeated", () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.lines[0]).toBe(TITLE);
      expect(page.lines).toContain(`第${i + 1}页共${pages.length}页`);
      expect(page.lines).toContain("进展情况");
    });
  });

  test("its 五号 text prints at 9 pt or more (A4 landscape, columns fitted)", () => {
    const sizes = pages.flatMap(ideographSizes);
    expect(sizes.length).toBeGreaterThan(150);
    // The print scale allows for LibreOffice's column widths as well as Excel's (src/core/outputs):
    // worked out from Excel's alone it printed at 8.7 pt; a fit-to-width shrink (the fault this
    // guards against) gives far less.
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });
});
