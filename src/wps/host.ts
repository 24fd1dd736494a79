import { parseSheetCell, a1 } from "../core/patch/address";
import { createWorkbookActions, type WorkbookActionsOptions } from "../workflows/actions";
import type { SheetInfo, WorkbookHost } from "../workflows/host";
import type { WorkbookActions } from "../taskpane/actions";
import { withColumnMeaning } from "../core/patch/record";
import { sameSheetName } from "../core/patch/sheetName";
import { applyPatchWps } from "./applyPatch";
import { etApplication } from "./et";
import { WpsAdapterError, toWpsError } from "./errors";
import { recordedMergesOf } from "./mergeRecord";
import { readGrid } from "./readGrid";
import { type OpenWorkbook, openWorkbook, sheetInfos, writeRecord } from "./workbook";

/**
 * The workbook as the last readSheets found it (its sheets and record), for the patch the same
 * command writes next: applyPatch is given that read's sheet list, and then does not look again.
 */
let lastRead: { sheets: SheetInfo[]; open: OpenWorkbook } | null = null;

/**
 * WPS 表格 as the workflows see a host. ET calls are synchronous; each method still answers
 * with a promise, as the WorkbookHost contract (and Office.js) has it.
 */
export const wpsHost: WorkbookHost = {
  async readSheets(pick) {
    try {
      const open = openWorkbook();
      const sheets = sheetInfos(open);
      lastRead = { sheets, open };
      const read = sheets.flatMap((info, i) =>
        pick(info)
          ? [
              {
                info,
                grid: readGrid(
                  open.listed[i].sheet,
                  info.name,
                  recordedMergesOf(open.merges, info.name)
                ),
              },
            ]
          : []
      );
      return { sheets, read };
    } catch (error) {
      throw toWpsError(error, "读取");
    }
  },

  async listSheets() {
    try {
      return sheetInfos(openWorkbook());
    } catch (error) {
      throw toWpsError(error, "读取");
    }
  },

  async applyPatch(patch, options) {
    const read = options?.sheets && lastRead?.sheets === options.sheets ? lastRead.open : undefined;
    lastRead = null;
    return applyPatchWps(patch, options?.protectedSheets, read);
  },

  async readRecord() {
    try {
      return openWorkbook().record;
    } catch (error) {
      throw toWpsError(error, "读取督办助手记录，");
    }
  },

  async recordColumnMeaning(choice) {
    try {
      const open = openWorkbook();
      const next = withColumnMeaning(open.record, choice.sheet, choice.title, choice.meaning);
      writeRecord(
        open,
        next,
        open.listed.map((s) => s.name)
      );
    } catch (error) {
      throw toWpsError(error, "保存列对照，");
    }
  },

  async selectAddress(address) {
    const { sheet, row, col } = parseSheetCell(address);
    const found = openWorkbook().listed.find((s) => sameSheetName(s.name, sheet));
    if (!found)
      throw new WpsAdapterError(`找不到工作表「${sheet}」，可能已被删除或改名。`, [sheet]);
    try {
      found.sheet.Activate();
      found.sheet.Range(a1(row, col)).Select();
    } catch (error) {
      throw toWpsError(error, `定位到单元格 ${a1(row, col)}，`, sheet);
    }
  },

  workbookName() {
    return etApplication()?.ActiveWorkbook?.Name || "当前工作簿";
  },
};

/** The task pane's actions carried out in the open WPS 表格 workbook. */
export function createWpsActions(options: WorkbookActionsOptions = {}): WorkbookActions {
  return createWorkbookActions(wpsHost, options);
}
