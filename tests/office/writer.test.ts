import { DOMParser, type Element } from "@xmldom/xmldom";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { readDocx, type DocxContent } from "../support/docx";
import { seedTables } from "../support/seeds";
import { describeIfSoffice } from "../support/soffice";

/**
 * What a 督查室 does with 汇总's 复制表格: paste it into a Word 通报. LibreOffice Writer opens the
 * HTML the button copies and saves it as .docx; the document must hold the same tables, rows and
 * cell texts, and the report's sentences as paragraphs.
 */

const CHECK_DATE = "2022-09-30";

/** The HTML's paragraphs and tables as a browser's parser reads them (xmldom's HTML mode). */
function htmlContent(html: string): DocxContent {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  const text = (e: Element) => (e.textContent ?? "").trim();
  return {
    paragraphs: [...doc.getElementsByTagName("p")].map(text),
    tables: [...doc.getElementsByTagName("table")].map((table) =>
      [...table.getElementsByTagName("tr")].map((tr) =>
        [...tr.childNodes]
          .filter((c): c is Element => c.nodeType === 1 && /^t[hd]$/i.test((c as Element).tagName))
          .map(text)
      )
    ),
  };
}

describeIfSoffice(
  "汇总's 复制表格 HTML in LibreOffice Writer, saved as a Word document",
  (soffice) => {
    const dir = mkdtempSync(join(tmpdir(), "duban-writer-"));
    const tables = seedTables();
    let html: string;
    let sectioned: number;
    let docx: DocxContent;

    beforeAll(async () => {
      // The figures 汇总 reports in the pane for the seeds on the check date.
      const roster = defaultRoster();
      const { issues } = validate(tables, { roster, checkDate: CHECK_DATE });
      const summary = summarize(tables, issues, { checkDate: CHECK_DATE, roster });
      html = summary.html;
      sectioned = summary.tables.filter((t) => t.sections.length > 0).length;
      // Chromium puts a copied fragment on the clipboard under a UTF-8 meta tag; so does this file.
      const page = join(dir, "汇总.html");
      writeFileSync(page, `<html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
      const [written] = await soffice.convert(
        [page],
        "docx:MS Word 2007 XML",
        join(dir, "docx"),
        "HTML (StarWriter)"
      );
      docx = await readDocx(written);
    }, 1_300_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test("every table arrives as a Word table with the same rows and cell texts", () => {
      const copied = htmlContent(html);
      // Per unit, per leader, per table, and one per table with sections (一、… or 类别).
      expect(sectioned).toBeGreaterThan(0);
      expect(copied.tables).toHaveLength(3 + sectioned);
      expect(docx.tables).toEqual(copied.tables);
      // 各表完成情况: the header, then one row per seed table with its number of tasks.
      const perTable = docx.tables.find((t) => t[0][0] === "表" && t[0][1] === "事项")!;
      expect(perTable.slice(1).map((r) => Number(r[1]))).toEqual(tables.map((t) => t.rows.length));
    });

    test("the report's sentences and table titles are the document's paragraphs, in order", () => {
      const copied = htmlContent(html);
      expect(copied.paragraphs[0]).toMatch(/^截至2022年9月30日，/);
      expect(docx.paragraphs).toEqual(copied.paragraphs);
    });
  }
);
