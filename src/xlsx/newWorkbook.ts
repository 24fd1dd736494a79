import ExcelJS from "exceljs";
import type { SheetOpInput } from "../core/patch/schema";
import { applyPatchToWorkbook } from "./writePatch";

/** A new workbook holding just the patch's sheets (a unit's file of 下发), as .xlsx bytes. */
export async function workbookBytes(sheets: SheetOpInput[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  applyPatchToWorkbook(workbook, { sheets });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
