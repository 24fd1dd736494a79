import { DOMParser, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { readFile } from "fs/promises";

/** A cell as LibreOffice stored it: text, a number, a boolean, or a date as YYYY-MM-DD[Thh:mm:ss]. */
export type OdsValue = string | number | boolean;

export interface OdsSheet {
  name: string;
  hidden: boolean;
  /** Cells holding a value (not an empty text) by A1 address. */
  cells: Map<string, OdsValue>;
  /** Note text by A1 address (office:annotation). */
  notes: Map<string, string>;
  /** The number of the last row holding a value or a note (0 for an empty sheet). */
  rowCount: number;
}

const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function children(node: Element, ns: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const e = c as Element;
    if (e.nodeType === 1 && e.namespaceURI === ns && (!local || e.localName === local)) out.push(e);
  }
  return out;
}

/** Text of a paragraph as shown: spans and links read through, text:s, tabs and line breaks kept. */
function inlineText(node: Element): string {
  let text = "";
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) text += c.nodeValue ?? "";
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if (e.namespaceURI === TEXT && e.localName === "s")
      text += " ".repeat(Number(e.getAttributeNS(TEXT, "c") || 1));
    else if (e.namespaceURI === TEXT && e.localName === "tab") text += "\t";
    else if (e.namespaceURI === TEXT && e.localName === "line-break") text += "\n";
    else if (!(e.namespaceURI === OFFICE && e.localName === "annotation")) text += inlineText(e);
  }
  return text;
}

const paragraphs = (node: Element) => children(node, TEXT, "p").map(inlineText).join("\n");

function cellValue(cell: Element): OdsValue | null {
  const type = cell.getAttributeNS(OFFICE, "value-type");
  if (!type) return null;
  if (type === "boolean") return cell.getAttributeNS(OFFICE, "boolean-value") === "true";
  if (type === "date") return cell.getAttributeNS(OFFICE, "date-value") ?? "";
  if (type === "string") return paragraphs(cell);
  return Number(cell.getAttributeNS(OFFICE, "value"));
}

/** Rows of a table, whatever groups them (header rows, row groups). */
function rowsOf(node: Element): Element[] {
  return [...children(node, TABLE)].flatMap((e) =>
    e.localName === "table-row" ? [e] : /rows|row-group/.test(e.localName ?? "") ? rowsOf(e) : []
  );
}

/**
 * Every sheet of an .ods file LibreOffice wrote, in tab order, read from its content.xml with
 * repeated rows and columns expanded (LibreOffice folds equal neighbouring cells into one).
 */
export async function readOds(path: string): Promise<OdsSheet[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = await zip.file("content.xml")?.async("string");
  if (!xml) throw new Error(`${path} 中没有 content.xml`);
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const hiddenStyles = new Set(
    [...doc.getElementsByTagNameNS(STYLE, "table-properties")]
      .filter((p) => p.getAttributeNS(TABLE, "display") === "false")
      .map((p) => (p.parentNode as Element).getAttributeNS(STYLE, "name"))
  );
  return [...doc.getElementsByTagNameNS(TABLE, "table")].map((table) => {
    const cells = new Map<string, OdsValue>();
    const notes = new Map<string, string>();
    let row = 0;
    let rowCount = 0;
    for (const tr of rowsOf(table)) {
      const rowRepeat = Number(tr.getAttributeNS(TABLE, "number-rows-repeated") || 1);
      let col = 0;
      let filled = false;
      for (const td of children(tr, TABLE)) {
        const colRepeat = Number(td.getAttributeNS(TABLE, "number-columns-repeated") || 1);
        const read = td.localName === "table-cell" ? cellValue(td) : null;
        const value = read === "" ? null : read;
        const [note] = children(td, OFFICE, "annotation");
        if (value !== null || note) {
          filled = true;
          for (let r = 0; r < rowRepeat; r++)
            for (let c = 0; c < colRepeat; c++) {
              const at = `${columnName(col + c)}${row + r + 1}`;
              if (value !== null) cells.set(at, value);
              if (note) notes.set(at, paragraphs(note));
            }
        }
        col += colRepeat;
      }
      if (filled) rowCount = row + rowRepeat;
      row += rowRepeat;
    }
    return {
      name: table.getAttributeNS(TABLE, "name") ?? "",
      hidden: hiddenStyles.has(table.getAttributeNS(TABLE, "style-name")),
      cells,
      notes,
      rowCount,
    };
  });
}
