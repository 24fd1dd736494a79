import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DECISION_HEADER } from "../../src/core/distribute/decisionRows";
import type { ReturnSource } from "../../src/core/distribute/readReturn";
import { a1 } from "../../src/core/patch/address";
import { createExcelActions } from "../../src/excel/workflows";
import { readReturnSource, workbookBytes } from "../../src/xlsx";
import { installStandIn, type StandInHandle } from "../support/excel-standin";
import { UnitFile } from "../distribute/simulate";
import { DISTRICT_HEADER, districtRows } from "./fixtures";

/* A 回收 with one conflict, in the Excel stand-in: for the tests of 处理 chosen in 回收情况. */

export const SHEET = "区重点工作";
export const DATE = "2022-09-30";
export const noProgress = () => undefined;
const dir = mkdtempSync(join(tmpdir(), "duban-excel-decisions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let excel: StandInHandle | undefined;
afterEach(() => {
  excel?.uninstall();
  excel = undefined;
});

/**
 * The master (30 rows of the 区重点工作 seed, with 完成状态) open in the stand-in, sent to one
 * unit (下发), whose file reports 已完成 on its first item: what the unit returns.
 */
export async function masterAndFilledReturn(): Promise<{
  standIn: StandInHandle;
  path: string;
  file: UnitFile;
  first: number;
}> {
  excel = installStandIn({ sheets: [SHEET] });
  const rows = districtRows(30).map((r) => [...r, ""]);
  excel.workbook.sheet(SHEET).setValues("A1", [[...DISTRICT_HEADER, "完成状态"], ...rows]);
  const plan = await createExcelActions().splitPlan({ date: DATE }, noProgress);
  const unit = plan.find((p) => p.lead > 0)!;
  const path = join(dir, unit.fileName);
  writeFileSync(path, await workbookBytes(unit.sheets));
  const file = await UnitFile.open(path);
  const first = file.itemRows()[0];
  file.set(first, "status", "已完成");
  await file.save(path);
  return { standIn: excel, path, file, first };
}

/** As masterAndFilledReturn, while the 督查室 wrote 推进中 on that item: one conflict. */
export async function conflictingReturn(): Promise<{ standIn: StandInHandle; path: string }> {
  const { standIn, path, file, first } = await masterAndFilledReturn();
  // The same item in the master, by its detail text.
  const grid = standIn.workbook.sheet(SHEET).toGrid() as unknown[][];
  const detail = file.text(first, "detail");
  const row = grid.findIndex((r) => r[DISTRICT_HEADER.indexOf("工作明细及完成时限")] === detail);
  expect(row).toBeGreaterThan(0);
  standIn.workbook.sheet(SHEET).setValues(a1(row, DISTRICT_HEADER.length), [["推进中"]]);
  return { standIn, path };
}

export async function read(path: string): Promise<ReturnSource> {
  const source = await readReturnSource(path, path.split("/").pop()!, new Date(2022, 9, 15));
  if ("reason" in source) throw new Error(source.reason);
  return source;
}

/** The 处理 cell of the first line under 回收情况's 待确认 header. */
export function decisionCell(standIn: StandInHandle): { address: string; value: unknown } {
  const grid = standIn.workbook.sheet("回收情况").toGrid() as unknown[][];
  const header = grid.findIndex((r) => DECISION_HEADER.every((t, c) => r[c] === t));
  expect(header).toBeGreaterThan(0);
  const col = DECISION_HEADER.indexOf("处理");
  return { address: a1(header + 1, col), value: grid[header + 1][col] };
}
