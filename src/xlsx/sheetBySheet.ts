import type ExcelJS from "exceljs";
import { dropCells } from "./internals";
import { type RowModel, rowXml } from "./rowXml";
import { isEmpty } from "./writeContent";
import { writeDeferred } from "./writePatch";
import { ZipWriter } from "./zipWriter";

/**
 * ExcelJS's own .xlsx writer (XLSX.write in exceljs 4.4), reordered to hold one sheet at a time.
 * ExcelJS builds the model of every cell of every sheet twice (Workbook.model asks each sheet for
 * its model for two lists), then the XML of all sheets, then zips it all at the end: for a
 * 20,000-row check that is 1.3 GB on top of the workbook itself. Here each sheet's model is
 * made, prepared, rendered and compressed in turn, and only its bookkeeping (name, id, rels,
 * drawing, tables) is kept. The same xforms write the same parts in the same order, with the
 * same shared strings and styles; tests/xlsx/sheetBySheet.test.ts compares the two writers part
 * by part. It reaches into ExcelJS's modules as excelJsFixes.ts does (pinned by package-lock).
 */

type Model = Record<string, unknown> & { worksheets: SheetModel[] };
type SheetModel = Record<string, unknown> & {
  id: number;
  rows: { style: Partial<ExcelJS.Style> }[];
  tables: { target?: string; id?: number }[];
};

interface Xform {
  prepare(model: unknown, options?: unknown): void;
  render(stream: unknown, model: unknown): void;
}
interface XlsxWriter {
  addContentTypes(zip: ZipWriter, model: Model): Promise<void>;
  addOfficeRels(zip: ZipWriter, model: Model): Promise<void>;
  addWorkbookRels(zip: ZipWriter, model: Model): Promise<void>;
  addSharedStrings(zip: ZipWriter, model: Model): Promise<void>;
  addDrawings(zip: ZipWriter, model: Model): void;
  addTables(zip: ZipWriter, model: Model): void;
  addThemes(zip: ZipWriter, model: Model): Promise<void>;
  addStyles(zip: ZipWriter, model: Model): Promise<void>;
  addMedia(zip: ZipWriter, model: Model): Promise<void>;
  addApp(zip: ZipWriter, model: Model): Promise<void>;
  addCore(zip: ZipWriter, model: Model): Promise<void>;
  addWorkbook(zip: ZipWriter, model: Model): Promise<void>;
}
type XformClass = new (...args: unknown[]) => Xform;

const xform = (path: string): XformClass => require(`exceljs/lib/xlsx/xform/${path}`);

/** ExcelJS's XmlStream: the text so far as pieces in `_xml`, and open rollbacks. */
interface ExcelJsXmlStream {
  _xml: string[];
  _rollbacks: unknown[];
  readonly xml: string;
  closeNode(): void;
  writeXml(xml: string): void;
}
const XmlStream: new () => ExcelJsXmlStream = require("exceljs/lib/utils/xml-stream");

/** Pieces of text, and characters of markup written whole, an XmlStream holds before they become bytes. */
const PIECES_PER_CHUNK = 1 << 16;
const MARKUP_PER_CHUNK = 1 << 18;

/**
 * ExcelJS's XmlStream, whose pieces of text become UTF-8 bytes every PIECES_PER_CHUNK pieces
 * (or MARKUP_PER_CHUNK characters of rows written whole, a row being one piece).
 * ExcelJS keeps every piece of a part (about ten per cell) until the part is done and joins
 * them then: for a 100,000-row sheet tens of millions of small strings that live long enough
 * to be moved into the old generation, which made garbage collection most of a big save. Here
 * they die young. Pieces are turned into bytes only after a node is closed and while no
 * rollback is open (ExcelJS rolls back by piece count), so the bytes are those of `xml`.
 */
class ByteXmlStream extends XmlStream {
  private readonly chunks: Buffer[] = [];
  private markup = 0;

  override closeNode(): void {
    super.closeNode();
    this.flush();
  }

  /** Writes markup as it is, as a closed node (rowXml.ts's rows). */
  override writeXml(xml: string): void {
    super.writeXml(xml);
    this.markup += xml.length;
    this.flush();
  }

  private flush(): void {
    const full = this._xml.length >= PIECES_PER_CHUNK || this.markup >= MARKUP_PER_CHUNK;
    if (full && this._rollbacks.length === 0) {
      this.chunks.push(Buffer.from(this._xml.join(""), "utf8"));
      this._xml = [];
      this.markup = 0;
    }
  }

  /** The part as UTF-8, every node closed. */
  bytes(): Buffer {
    const rest = this.xml;
    return Buffer.concat([...this.chunks, Buffer.from(rest, "utf8")]);
  }
}

/** ExcelJS's shared strings part: `addText` gives a text's index, adding it when new. */
interface ExcelJsSharedStrings {
  model: { values: unknown[]; count: number };
  addText(value: string): number;
}
const SharedStringsXform: new () => ExcelJsSharedStrings = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform");

/**
 * ExcelJS's shared strings, indexed by a Map. ExcelJS indexes them by an object's keys, which
 * turns every cell's text into a property name (an internalized string, looked up in V8's
 * string table): slow for hundreds of thousands of long texts. Same indexes, same part.
 */
class SharedStrings extends SharedStringsXform {
  private readonly index = new Map<string, number>();

  override addText(value: string): number {
    // An object's key is the text of what it is given (a link's text may be a number).
    const key = String(value);
    let index = this.index.get(key);
    if (index === undefined) {
      index = this.model.values.length;
      this.index.set(key, index);
      this.model.values.push(value);
    }
    this.model.count++;
    return index;
  }
}

/** The style of every row that has none. */
const NO_ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/** Workbook.model without its sheets (exceljs/lib/doc/workbook.js). */
function workbookModel(workbook: ExcelJS.Workbook): Model {
  const wb = workbook as unknown as Record<string, unknown> & {
    _definedNames: { model: unknown };
    _themes: unknown;
  };
  return {
    creator: wb.creator || "Unknown",
    lastModifiedBy: wb.lastModifiedBy || "Unknown",
    lastPrinted: wb.lastPrinted,
    created: wb.created,
    modified: wb.modified,
    properties: wb.properties,
    worksheets: [],
    definedNames: wb._definedNames.model,
    views: wb.views,
    company: wb.company,
    manager: wb.manager,
    title: wb.title,
    subject: wb.subject,
    keywords: wb.keywords,
    category: wb.category,
    description: wb.description,
    language: wb.language,
    revision: wb.revision,
    contentStatus: wb.contentStatus,
    themes: wb._themes,
    media: wb.media,
    calcProperties: wb.calcProperties,
  };
}

function render(x: Xform, model: unknown): Buffer {
  const stream = new ByteXmlStream();
  x.render(stream, model);
  return stream.bytes();
}

/** The workbook as .xlsx bytes, in chunks, holding one sheet's model at a time. */
export async function xlsxChunks(workbook: ExcelJS.Workbook): Promise<Buffer[]> {
  const xlsx = workbook.xlsx as unknown as XlsxWriter;
  const Styles = xform("style/styles-xform");
  const worksheetXform = new (xform("sheet/worksheet-xform"))();
  // Rows are made by rowXml as ExcelJS would make them, each as one string.
  const rowXform = (worksheetXform as unknown as { map: { sheetData: { childXform: Xform } } }).map
    .sheetData.childXform;
  const renderRow = rowXform.render.bind(rowXform);
  rowXform.render = (stream, row) => {
    const xml = rowXml(row as RowModel);
    if (xml === null) renderRow(stream, row);
    else (stream as ByteXmlStream).writeXml(xml);
  };
  const relationshipsXform = new (xform("core/relationships-xform"))();
  const commentsXform = new (xform("comment/comments-xform"))();
  const vmlNotesXform = new (xform("comment/vml-notes-xform"))();

  // XLSX.prepareModel, with the sheets prepared below one by one.
  const model = workbookModel(workbook);
  model.creator ||= "ExcelJS";
  model.lastModifiedBy ||= "ExcelJS";
  model.created ||= new Date();
  model.modified ||= new Date();
  model.useSharedStrings = true;
  model.useStyles = true;
  model.sharedStrings = new SharedStrings();
  model.styles = new Styles(true);
  // The workbook's part reads only the sheets' names and page setups (print areas and titles).
  const book: Record<string, unknown> = { ...model, worksheets: workbook.worksheets };
  new (xform("book/workbook-xform"))().prepare(book);
  model.definedNames = book.definedNames;
  const options = {
    sharedStrings: model.sharedStrings,
    styles: model.styles,
    date1904: (model.properties as { date1904?: boolean } | undefined)?.date1904,
    drawingsCount: 0,
    media: model.media,
    drawings: (model.drawings = [] as unknown[]),
    commentRefs: (model.commentRefs = [] as unknown[]),
  };
  const tables: unknown[] = (model.tables = []);

  // XLSX.addWorksheets, a sheet at a time; the parts go into the zip after those written first.
  const sheets = new ZipWriter();
  for (const worksheet of workbook.worksheets) {
    const fresh = writeDeferred(worksheet);
    const sheet = worksheet.model as unknown as SheetModel;
    if (fresh) dropCells(worksheet);
    // ExcelJS gives every row a style object of its own and, for each, makes the style's XML to
    // look its id up; rows without a style share one object, whose id ExcelJS then remembers.
    for (const row of sheet.rows) if (row.style && isEmpty(row.style)) row.style = NO_ROW_STYLE;
    for (const table of sheet.tables) {
      tables.push(table);
      table.target = `table${tables.length}.xml`;
      table.id = tables.length;
    }
    worksheetXform.prepare(sheet, options);
    sheets.append(render(worksheetXform, sheet), { name: `xl/worksheets/sheet${sheet.id}.xml` });
    const rels = sheet.rels as unknown[] | undefined;
    if (rels?.length)
      sheets.append(render(relationshipsXform, rels), {
        name: `xl/worksheets/_rels/sheet${sheet.id}.xml.rels`,
      });
    if ((sheet.comments as unknown[]).length > 0) {
      sheets.append(render(commentsXform, sheet), { name: `xl/comments${sheet.id}.xml` });
      sheets.append(render(vmlNotesXform, sheet), {
        name: `xl/drawings/vmlDrawing${sheet.id}.vml`,
      });
    }
    // What the later parts read of a sheet stays; its cells go.
    sheet.rows = [];
    sheet.comments = [];
    sheet.hyperlinks = [];
    model.worksheets.push(sheet);
  }
  model.sheets = model.worksheets;

  const zip = new ZipWriter();
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  zip.take(sheets);
  await xlsx.addSharedStrings(zip, model);
  xlsx.addDrawings(zip, model);
  xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return zip.chunks();
}
