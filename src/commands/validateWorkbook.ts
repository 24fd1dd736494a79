import { excelHost } from "../excel/host";
import { validateWorkbook } from "../workflows/validate";
import { todayIso } from "../taskpane/format";

/**
 * The ribbon's 校验 button: the task pane's 校验 as of today, without opening the pane — its
 * result is the 校验结果 sheet, which is brought to the front. A function command has no
 * surface to show an error on, so a failure leaves the workbook as it was; the same 校验 in
 * the pane says what went wrong. completed() must be called in every case.
 */
export async function validateWorkbookCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await validateWorkbook(excelHost, null, { checkDate: todayIso() }, () => undefined);
  } catch {
    // Nothing was written (applyPatch checks before it writes); see the comment above.
  } finally {
    event.completed();
  }
}
