import { readGridTable } from "../src/core/grid/gridTable";
import { buildUnitSheets, type MasterSheet } from "../src/core/outputs/unitSheets";
import type { Roster } from "../src/core/roster/schema";
import { applyPatch } from "../src/excel/applyPatch";
import { readGrids } from "../src/excel/readGrid";
import { listSheets } from "../src/excel/sheets";

/**
 * 生成单位表 through the Office.js adapter, as the task pane would run it on a workbook that has
 * no unit sheets yet: list the sheets, read the 导入 sheets, build the unit sheets in the core,
 * write them as one patch. src/excel has no 生成单位表 action yet, so the bench composes it from
 * the adapter's own pieces (listSheets, readGrids, applyPatch) — the same calls such an action makes.
 */
export async function generateUnitSheets(roster: Roster, checkDate: string): Promise<number> {
  const sheets = await listSheets();
  const masters = sheets.filter((s) => s.marker?.kind === "import").map((s) => s.name);
  const placed: MasterSheet[] = [];
  for (const grid of await readGrids(masters)) {
    const read = readGridTable(grid);
    if (read.table) placed.push({ table: read.table, layout: read.layout });
  }
  const result = buildUnitSheets(placed, {
    roster,
    checkDate,
    existing: sheets.map((s) => ({ name: s.name, generated: s.marker })),
  });
  await applyPatch({ sheets: result.sheets });
  return result.placed.length;
}
