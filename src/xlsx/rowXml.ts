/**
 * A sheet row's XML as ExcelJS 4.4's RowXform and CellXform render it (xform/sheet/row-xform.js,
 * cell-xform.js), made as one string. ExcelJS writes a cell as a dozen small strings through its
 * XmlStream, each attribute escaped on its own: for the hundreds of thousands of cells of a big
 * check, most of the time spent rendering and then joining them. Only the kinds of cell a check
 * writes are made here (empty, number, date, shared text, link, merged); a row with any other
 * kind is left to ExcelJS. tests/xlsx/sheetBySheet.test.ts compares the parts with ExcelJS's.
 */

const utils: {
  xmlEncode(text: string): string;
  dateToExcel(date: Date, date1904?: boolean): number;
} = require("exceljs/lib/utils/utils");
const { ValueType }: { ValueType: Record<string, number> } = require("exceljs/lib/doc/enums");

export interface CellModel {
  address: string;
  type: number;
  styleId?: number;
  value?: unknown;
  ssId?: number;
  date1904?: boolean;
}

export interface RowModel {
  number: number;
  cells: CellModel[];
  min?: number;
  max?: number;
  height?: number;
  hidden?: boolean;
  styleId?: number;
  outlineLevel?: number;
  collapsed?: boolean;
}

/** An attribute as XmlStream.addAttribute writes it. */
function attribute(name: string, value: unknown): string {
  return ` ${name}="${utils.xmlEncode(String(value))}"`;
}

/** `<c …>` with its value, "" for a cell ExcelJS leaves out, null for a kind not made here. */
function cellXml(model: CellModel): string | null {
  if (model.type === ValueType.Null && !model.styleId) return "";
  const open =
    "<c" + attribute("r", model.address) + (model.styleId ? attribute("s", model.styleId) : "");
  switch (model.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return open + "/>";
    case ValueType.Number:
      return typeof model.value === "number"
        ? `${open}><v>${utils.xmlEncode(String(model.value))}</v></c>`
        : null;
    case ValueType.Date:
      return model.value instanceof Date
        ? `${open}><v>${utils.xmlEncode(String(utils.dateToExcel(model.value, model.date1904)))}</v></c>`
        : null;
    case ValueType.String:
    case ValueType.Hyperlink:
      return model.ssId !== undefined ? `${open} t="s"><v>${model.ssId}</v></c>` : null;
    default:
      return null;
  }
}

/** The row's XML, or null when one of its cells is of a kind only ExcelJS writes. */
export function rowXml(model: RowModel): string | null {
  let xml = "<row" + attribute("r", model.number);
  if (model.height) xml += attribute("ht", model.height) + ' customHeight="1"';
  if (model.hidden) xml += ' hidden="1"';
  const { min, max } = model;
  if (min !== undefined && max !== undefined && min > 0 && max > 0 && min <= max)
    xml += attribute("spans", `${min}:${max}`);
  if (model.styleId) xml += attribute("s", model.styleId) + ' customFormat="1"';
  xml += ' x14ac:dyDescent="0.25"';
  if (model.outlineLevel) xml += attribute("outlineLevel", model.outlineLevel);
  if (model.collapsed) xml += ' collapsed="1"';
  let cells = "";
  for (const cell of model.cells) {
    const part = cellXml(cell);
    if (part === null) return null;
    cells += part;
  }
  return cells === "" ? xml + "/>" : `${xml}>${cells}</row>`;
}
