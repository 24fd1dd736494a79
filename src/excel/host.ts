import type { WorkbookHost } from "../workflows/host";
import { applyPatch } from "./applyPatch";
import { recordColumnMeaning } from "./columnMapping";
import { readRecord } from "./record";
import { readSheets } from "./readSheets";
import { listSheets, selectAddress } from "./sheets";

/**
 * The open workbook's file name, as the files of 下发 record their master (for messages only:
 * matching goes by the tables). Hosts without a document URL give "当前工作簿".
 */
function workbookName(): string {
  let url = "";
  try {
    url = Office.context.document.url ?? "";
  } catch {
    // Excel on the web before the file is saved, and test hosts, have no URL.
  }
  return decodeURIComponent(url.replace(/^.*[\\/]/, "")) || "当前工作簿";
}

/** Excel through Office.js, as the workflows see a host. */
export const excelHost: WorkbookHost = {
  readSheets,
  listSheets,
  applyPatch: (patch, options) => applyPatch(patch, options),
  readRecord,
  recordColumnMeaning,
  selectAddress,
  workbookName,
};
