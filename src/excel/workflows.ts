import { createWorkbookActions, type WorkbookActionsOptions } from "../workflows/actions";
import type { WorkbookActions } from "../taskpane/actions";
import { excelHost } from "./host";

/** The task pane's actions carried out in the open workbook through Office.js. */
export function createExcelActions(options: WorkbookActionsOptions = {}): WorkbookActions {
  return createWorkbookActions(excelHost, options);
}
