import "../../../support/excel-standin/browser-entry";
import type { StandInHandle } from "../../../support/excel-standin";
import { MARKER_PROPERTY } from "../../../../src/excel/markers";
import {
  type CellValue,
  RECORD_SHEET,
  exposeProbe,
  formulaLink,
  generatedInRecord,
  linkTarget,
} from "./workbookProbe";

/**
 * The workbook probe on the Excel stand-in (bundled after it: the stand-in installs itself as
 * Office.js first, then this reads its model).
 */
const { workbook, stats } = (globalThis as unknown as { __excelStandIn: StandInHandle })
  .__excelStandIn;

exposeProbe({
  seed(sheet) {
    const view = workbook.sheet(sheet.name).setValues("A1", sheet.values);
    if (sheet.fill) view.setFill(sheet.fill.range, sheet.fill.color);
  },
  sheetNames: () =>
    workbook.sheetNames().filter((n) => workbook.sheet(n).model.visibility !== "VeryHidden"),
  activeSheet: () => workbook.activeSheet,
  selection: () => workbook.selection,
  cell(sheet, address) {
    const c = workbook.sheet(sheet).cell(address);
    const hyperlink = c.hyperlink?.documentReference;
    return {
      value: c.value,
      formula: c.formula,
      numberFormat: c.numberFormat,
      fill: c.fill,
      note: c.note,
      link: hyperlink ? linkTarget(hyperlink) : formulaLink(c.formula),
    };
  },
  grid: (sheet, kind) => workbook.toGrid(sheet, kind) as CellValue[][],
  type(sheet, address, value) {
    workbook.sheet(sheet).setValues(address, [[value]]);
  },
  flat(sheets) {
    const flat: Record<string, string> = {};
    for (const name of sheets) {
      const { cells, ...rest } = workbook.sheet(name).snapshot();
      flat[name] = JSON.stringify(rest);
      for (const [at, c] of Object.entries(cells)) flat[`${name}!${at}`] = JSON.stringify(c);
    }
    return flat;
  },
  notes: (sheets) => sheets.flatMap((name) => Object.values(workbook.sheet(name).snapshot().notes)),
  generated(kind) {
    if (!workbook.hasSheet(RECORD_SHEET)) return [];
    const recorded = generatedInRecord(workbook.toGrid(RECORD_SHEET) as CellValue[][], kind);
    // Excel keeps the marker on the sheet as well (a custom property, ExcelApi 1.12): both must say so.
    return workbook.sheetNames().filter((name) => {
      const property = workbook
        .sheet(name)
        .model.customProperties.find((p) => p.key === MARKER_PROPERTY);
      const marked =
        property !== undefined && (JSON.parse(property.value) as { kind?: string }).kind === kind;
      return marked && recorded.includes(name);
    });
  },
  cost: () => stats.syncs,
  resetCost: () => stats.reset(),
});
