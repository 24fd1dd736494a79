import ExcelJS from "exceljs";
import type { SheetOpInput } from "../core/patch/schema";
import { xlsxChunks } from "./sheetBySheet";
import { applyPatchToWorkbook } from "./writePatch";

/**
 * workbookBytes for Node (the CLI's 下发): the same parts, compressed by Node's zlib as
 * writeXlsx does rather than by ExcelJS's JSZip, which spends most of a small file's save
 * setting up and running its JavaScript deflate. Not for the pane: it needs Node's zlib.
 */
export async function workbookFileBytes(sheets: SheetOpInput[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  applyPatchToWorkbook(workbook, { sheets });
  return Buffer.concat(await xlsxChunks(workbook));
}
