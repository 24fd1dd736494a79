import { join } from "path";
import type { EtStandInOptions } from "../../support/et-standin";
import type { StandInOptions } from "../../support/excel-standin";
import { browserBundle } from "./browserBundle";
import type { UserSheet } from "./probes/workbookProbe";

/** Each stand-in's browser entry with the workbook probe after it, and where it reads its options. */
const STAND_INS = {
  excel: { entry: join(__dirname, "probes", "excel.ts"), options: "__excelStandInOptions" },
  et: { entry: join(__dirname, "probes", "et.ts"), options: "__etStandInOptions" },
};

type Options<K extends keyof typeof STAND_INS> = Omit<
  K extends "excel" ? StandInOptions : EtStandInOptions,
  "sheets" | "target"
>;

/**
 * The script a page runs before the pane's own: the stand-in (Office.js for Excel, served in
 * place of office.js; window.Application for WPS, put first in each page's <head>) bundled for
 * the browser and installed with `options`, the steps' workbook probe, and the user's sheets
 * filled in directly (no request, nothing counted). Each page load starts a fresh workbook.
 */
export function standInScript<K extends keyof typeof STAND_INS>(
  kind: K,
  options: Options<K>,
  userSheets: UserSheet[]
): string {
  const { entry, options: global } = STAND_INS[kind];
  const pageOptions = { ...options, sheets: userSheets.map((s) => s.name) };
  return [
    `window.${global} = ${JSON.stringify(pageOptions)};`,
    browserBundle(entry),
    ...userSheets.map((sheet) => `window.__paneProbe.seed(${JSON.stringify(sheet)});`),
  ].join("\n");
}
