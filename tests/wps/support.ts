import { RECORD_SHEET, parseRecord, type WorkbookRecord } from "../../src/core/patch/record";
import {
  type EtStandIn,
  type EtSheetModel,
  installEtStandIn,
  type EtStandInOptions,
} from "../support/et-standin";

export const noProgress = (): void => undefined;

/** Runs `body` with the ET stand-in as window.Application, removed afterwards. */
export async function withEt<T>(
  options: EtStandInOptions,
  body: (et: EtStandIn) => Promise<T>
): Promise<T> {
  const et = installEtStandIn(options);
  try {
    return await body(et);
  } finally {
    et.uninstall();
  }
}

/** "#RRGGBB" as ET holds it (BGR), written out here independently of the adapter. */
export function etColor(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return r + g * 256 + b * 65536;
}

/** The record as its very hidden sheet holds it. */
export function etRecord(et: EtStandIn): WorkbookRecord {
  const sheet = et.workbook.find(RECORD_SHEET);
  if (!sheet) return parseRecord([]);
  expect(sheet.visible).toBe(2);
  return parseRecord(sheet.toGrid());
}

/** The row and column (0-based) of the first cell whose text starts with `text`. */
export function findCell(sheet: EtSheetModel, text: string): { row: number; col: number } {
  for (const [key, cell] of sheet.cells)
    if (typeof cell.value === "string" && cell.value.startsWith(text)) {
      const [row, col] = key.split(",").map(Number);
      return { row, col };
    }
  throw new Error(`no cell starting with ${text} on ${sheet.name}`);
}
