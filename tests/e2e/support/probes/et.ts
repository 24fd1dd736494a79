import "../../../support/et-standin/browser-entry";
import type { EtCell, EtStandIn } from "../../../support/et-standin";
import { formatText } from "../../../support/excel-standin/text-format";
import {
  RECORD_SHEET,
  exposeProbe,
  formulaLink,
  generatedInRecord,
  linkTarget,
} from "./workbookProbe";

/**
 * The workbook probe on the ET stand-in (bundled after it: the stand-in installs itself as
 * window.Application first, then this reads its model). ET keeps colours as BGR longs and notes
 * as 批注 (comments); they are given here as the Excel probe gives them.
 */
const { workbook, stats } = (globalThis as unknown as { __etStandIn: EtStandIn }).__etStandIn;

function hex(bgr: number): string {
  const byte = (n: number) => n.toString(16).padStart(2, "0");
  return `#${byte(bgr & 0xff)}${byte((bgr >> 8) & 0xff)}${byte((bgr >> 16) & 0xff)}`.toUpperCase();
}

function a1(row: number, col: number): string {
  let letters = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** An "A1:D1" range's cells, as [row, col]. */
function cellsOf(range: string): Array<[number, number]> {
  const [from, to = from] = range.split(":").map((at) => {
    const m = /^([A-Z]+)(\d+)$/.exec(at)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return [Number(m[2]) - 1, col];
  });
  const cells: Array<[number, number]> = [];
  for (let r = from[0]; r <= to[0]; r++) for (let c = from[1]; c <= to[1]; c++) cells.push([r, c]);
  return cells;
}

exposeProbe({
  seed(sheet) {
    const model = workbook.sheet(sheet.name);
    sheet.values.forEach((row, r) => row.forEach((v, c) => (model.touch(r, c).value = v)));
    if (sheet.fill) {
      const bgr = parseInt(sheet.fill.color.slice(1), 16);
      const color = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
      for (const [r, c] of cellsOf(sheet.fill.range)) model.touch(r, c).fill = color;
    }
  },
  sheetNames: () => workbook.sheets.filter((s) => s.visible !== 2).map((s) => s.name),
  activeSheet: () => workbook.sheets[workbook.active].name,
  selection() {
    const sheet = workbook.sheets[workbook.active];
    return `${sheet.name}!${a1(sheet.selection.row, sheet.selection.col)}`;
  },
  cell(sheet, address) {
    const c = workbook.sheet(sheet).cell(address);
    return {
      value: c.value ?? "",
      formula: c.formula,
      numberFormat: c.numberFormat,
      fill: c.fill === null ? null : hex(c.fill),
      note: c.comment,
      link: c.hyperlink ? linkTarget(c.hyperlink.subAddress) : formulaLink(c.formula),
    };
  },
  grid(sheet, kind) {
    const model = workbook.sheet(sheet);
    const values = model.toGrid();
    if (kind === "values") return values;
    return values.map((row, r) =>
      row.map((v, c) =>
        v === "" ? "" : formatText(v, model.cellAt(r, c)?.numberFormat ?? "General")
      )
    );
  },
  type(sheet, address, value) {
    const [[row, col]] = cellsOf(address);
    workbook.sheet(sheet).touch(row, col).value = value;
  },
  flat(sheets) {
    const flat: Record<string, string> = {};
    for (const name of sheets) {
      // The active cell is where the user is, not what the sheet holds (Excel keeps it per workbook).
      const { cells, ...rest } = workbook.sheet(name).snapshot() as {
        cells: Array<[string, EtCell]>;
        selection?: unknown;
      };
      delete rest.selection;
      flat[name] = JSON.stringify(rest);
      for (const [key, c] of cells) flat[`${name}!${key}`] = JSON.stringify(c);
    }
    return flat;
  },
  notes: (sheets) =>
    sheets.flatMap((name) =>
      [...workbook.sheet(name).cells.values()].flatMap((c) =>
        c.comment === null ? [] : [c.comment]
      )
    ),
  generated(kind) {
    const record = workbook.find(RECORD_SHEET);
    if (!record) return [];
    const recorded = generatedInRecord(record.toGrid(), kind);
    return workbook.sheets.map((s) => s.name).filter((name) => recorded.includes(name));
  },
  cost: () => stats.calls,
  resetCost: () => stats.reset(),
});
