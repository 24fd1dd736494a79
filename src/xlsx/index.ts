/** The .xlsx adapter: read a workbook into grids, carry out a WorkbookPatch, save a copy. */
export {
  readXlsx,
  readAllSheets,
  gridOfWorksheet,
  type XlsxRead,
  type XlsxSheet,
} from "./readWorkbook";
export { applyPatchToWorkbook, type XlsxPatchReport } from "./writePatch";
export { refuseOutput, writeXlsx, type SaveOptions } from "./saveWorkbook";
export { loadXlsx, MAX_XLSX_BYTES, type XlsxSource } from "./loadWorkbook";
export {
  XlsxError,
  XlsxInputError,
  XlsxOutputError,
  XlsxPatchError,
  type XlsxInputProblem,
} from "./errors";
export { workbookBytes } from "./newWorkbook";
export { workbookFileBytes } from "./newWorkbookFile";
export { readReturnSource } from "./returnFile";
