import { DOMParser, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { readFile } from "fs/promises";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export interface DocxContent {
  /** Paragraphs of the body outside tables, in order, empty ones left out. */
  paragraphs: string[];
  /** Each table as rows of cell texts (a cell's paragraphs joined by "\n"). */
  tables: string[][][];
}

const elements = (node: Element, local: string) =>
  [...node.childNodes].filter(
    (c): c is Element =>
      c.nodeType === 1 && (c as Element).namespaceURI === W && (c as Element).localName === local
  );

/** A paragraph's text: every w:t of its runs (hyperlinks and fields included), tabs as "\t". */
function paragraphText(p: Element): string {
  let text = "";
  const walk = (node: Element) => {
    for (const c of [...node.childNodes]) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI === W && e.localName === "t") text += e.textContent ?? "";
      else if (e.namespaceURI === W && e.localName === "tab") text += "\t";
      else walk(e);
    }
  };
  walk(p);
  return text;
}

/** The body of a .docx as Word would show it: its paragraphs and its tables' cell texts. */
export async function readDocx(path: string): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error(`${path} 中没有 word/document.xml`);
  const body = new DOMParser()
    .parseFromString(xml, "text/xml")
    .getElementsByTagNameNS(W, "body")
    .item(0);
  if (!body) throw new Error(`${path} 没有正文`);
  const paragraphs = elements(body, "p")
    .map(paragraphText)
    .filter((t) => t.trim() !== "");
  const tables = elements(body, "tbl").map((tbl) =>
    elements(tbl, "tr").map((tr) =>
      elements(tr, "tc").map((tc) => elements(tc, "p").map(paragraphText).join("\n"))
    )
  );
  return { paragraphs, tables };
}
