import ExcelJS from "exceljs";
import { parseRange } from "./ranges";
import { RECORD_KEY_NAME } from "./recordKeys";

/**
 * Repairs to how ExcelJS 4.4 reads and writes a file, made once before the adapter loads or
 * saves one. The first two would otherwise lose what the user has in the workbook, in what the
 * core reads and in the copy the adapter saves; the third keeps the record's keys out of sight. They reach into ExcelJS's own modules (pinned by package-lock), and
 * the tests in tests/xlsx/excelJsFixes.test.ts fail if an upgrade changes what they rely on.
 *
 * 1. Notes on empty cells. Excel keeps a note on a cell without a value or format only in the
 *    comments part; ExcelJS hands notes to the cells it finds in the sheet data and drops the
 *    rest. An empty cell is added for each such note before ExcelJS matches notes to cells.
 * 2. Chinese built-in number formats. Excel and WPS in Chinese store 年/月/日 dates by built-in
 *    ids (31 is yyyy"年"m"月"d"日") without writing the code out. ExcelJS knows the zh-CN codes
 *    of ids 27–36 and 50–58 but does not use them, so such a date reads as a bare number and
 *    loses its format in the saved copy. The zh-CN codes are made theirs.
 * 3. Hidden names. ExcelJS writes every defined name visible; the record's sheet keys (store.ts)
 *    are written hidden, so Excel's 名称管理器 and name box do not offer them.
 * 4. Half-point font sizes. ExcelJS reads a font's size as an integer, so 五号 (10.5 pt) text
 *    came back as 10 pt and a workbook saved again printed smaller; the size is read as written.
 * 5. Texts that hold the whole part. ExcelJS reads each part as one string and hands the parser
 *    pieces of it; V8 makes a longer text cut from a string a view of that string, so one cell's
 *    text kept the whole shared-strings part (8 MB at 20,000 rows) and a few notes the whole
 *    sheet (14 MB) alive for as long as the workbook lived. Texts are copied out as they are read.
 */

interface CellModel {
  address: string;
  type?: number;
}
interface RowModel {
  number: number;
  cells: CellModel[];
  min?: number;
  max?: number;
}
interface SheetModel {
  rows?: (RowModel | undefined)[];
  relationships?: { Type: string; Target: string }[];
}
interface ReconcileOptions {
  comments?: Record<string, { comments?: { ref?: string }[] } | undefined>;
}
interface Reconciling {
  reconcile(model: SheetModel, options: ReconcileOptions): void;
}

const COMMENTS_RELATION =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

function worksheetXform(): { prototype: Reconciling } {
  return require("exceljs/lib/xlsx/xform/sheet/worksheet-xform");
}
interface DefinedNameModel {
  name: string;
  localSheetId?: number;
  ranges: string[];
}
interface XmlStream {
  openNode(name: string, attributes: Record<string, unknown>): void;
  writeText(text: string): void;
  closeNode(): void;
}
function definedNameXform(): {
  prototype: { render(xmlStream: XmlStream, model: DefinedNameModel): void };
} {
  return require("exceljs/lib/xlsx/xform/book/defined-name-xform");
}
interface XmlNode {
  name: string;
  attributes: Record<string, string>;
}
interface FontParsing {
  parser?: { model?: unknown };
  parseOpen(node: XmlNode): boolean;
}
function fontXform(): { prototype: FontParsing } {
  return require("exceljs/lib/xlsx/xform/style/font-xform");
}
/** A batch of parser events, as exceljs/lib/utils/parse-sax.js yields them. */
type SaxEvent =
  | { eventType: "text"; value: string }
  | { eventType: "opentag"; value: XmlNode }
  | { eventType: "closetag"; value: unknown };
interface StreamParsing {
  parse(events: AsyncIterable<SaxEvent[]>): Promise<unknown>;
  parseStream(stream: unknown): Promise<unknown>;
}
function baseXform(): { prototype: StreamParsing } {
  return require("exceljs/lib/xlsx/xform/base-xform");
}
function parseSax(): (stream: unknown) => AsyncIterable<SaxEvent[]> {
  return require("exceljs/lib/utils/parse-sax");
}

/**
 * V8 copies a cut of fewer than 13 characters and makes a longer one a view of the whole
 * string; the text's UTF-16 bytes made into a string again are a string of its own.
 */
const SHORTEST_VIEW = 13;
function ownCopy(text: string): string {
  return text.length < SHORTEST_VIEW ? text : Buffer.from(text, "utf16le").toString("utf16le");
}

/** The parser's events with every text and attribute value a string of its own. */
async function* ownTexts(events: AsyncIterable<SaxEvent[]>): AsyncIterable<SaxEvent[]> {
  for await (const batch of events) {
    for (const event of batch) {
      if (event.eventType === "text") event.value = ownCopy(event.value);
      else if (event.eventType === "opentag") {
        const attributes = event.value.attributes;
        for (const key in attributes) attributes[key] = ownCopy(attributes[key]);
      }
    }
    yield batch;
  }
}

function defaultNumFormats(): Record<string, { f?: string; "zh-cn"?: string }> {
  return require("exceljs/lib/xlsx/defaultnumformats");
}

/** Adds an empty cell (and row) for every note whose cell the sheet data leaves out. */
function addCellsForNotes(model: SheetModel, options: ReconcileOptions): void {
  const rows = (model.rows ??= []);
  for (const rel of model.relationships ?? []) {
    if (rel.Type !== COMMENTS_RELATION) continue;
    for (const { ref } of options.comments?.[rel.Target]?.comments ?? []) {
      if (!ref) continue;
      // ExcelJS counts rows and columns from 1.
      const at = parseRange(ref);
      let row = rows.find((r) => r?.number === at.row + 1);
      if (!row) {
        row = { number: at.row + 1, cells: [], min: at.col + 1, max: at.col + 1 };
        rows.push(row);
        rows.sort((a, b) => (a?.number ?? 0) - (b?.number ?? 0));
      }
      if (!row.cells.some((c) => c?.address === ref))
        row.cells.push({ address: ref, type: ExcelJS.ValueType.Null });
    }
  }
}

const CHINESE_BUILT_IN_FORMATS = [
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
];

let applied = false;

export function applyExcelJsFixes(): void {
  if (applied) return;
  applied = true;
  const proto = worksheetXform().prototype;
  const reconcile = proto.reconcile;
  proto.reconcile = function (this: Reconciling, model, options) {
    addCellsForNotes(model, options);
    reconcile.call(this, model, options);
  };
  const names = definedNameXform().prototype;
  const render = names.render;
  names.render = function (xmlStream, model) {
    if (!RECORD_KEY_NAME.test(model.name)) return render.call(this, xmlStream, model);
    xmlStream.openNode("definedName", { name: model.name, hidden: "1" });
    xmlStream.writeText(model.ranges.join(","));
    xmlStream.closeNode();
  };
  const fonts = fontXform().prototype;
  const parseOpen = fonts.parseOpen;
  fonts.parseOpen = function (this: FontParsing, node) {
    const handled = parseOpen.call(this, node);
    const size = node.name === "sz" ? Number(node.attributes.val) : NaN;
    if (this.parser && Number.isFinite(size)) this.parser.model = size;
    return handled;
  };
  const base = baseXform().prototype;
  const sax = parseSax();
  base.parseStream = function (this: StreamParsing, stream) {
    return this.parse(ownTexts(sax(stream)));
  };
  const formats = defaultNumFormats();
  for (const id of CHINESE_BUILT_IN_FORMATS) {
    const format = formats[id];
    if (format && !format.f && format["zh-cn"]) format.f = format["zh-cn"];
  }
}
