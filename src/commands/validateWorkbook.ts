/** The ribbon's 校验 button. */
export async function validateWorkbookCommand(event: Office.AddinCommands.Event): Promise<void> {
  // Placeholder until the Excel slice runs the 校验 here; completed() must be called in every case.
  event.completed();
}
