import { validateWorkbookCommand } from "./validateWorkbook";

// The name matches <FunctionName> of the 校验 button in manifest.xml.
Office.onReady(() => {
  Office.actions.associate("validateWorkbook", (event: Office.AddinCommands.Event) =>
    validateWorkbookCommand(event)
  );
});
