// What core-js cannot supply in Internet Explorer 11, before anything else loads: BigInt (for
// zod) and String.prototype.normalize (NFKC, which folds names for the 名册), by unorm.
import "./bigIntStandIn";
import "unorm";
import { validateWorkbookCommand } from "./validateWorkbook";

/** The <FunctionName> of the 校验 button in manifest.xml. */
export const COMMAND_NAME = "validateWorkbook";

// Office versions without Office.actions (Office 2016/2019) call the global function the manifest
// names; the others run what is associated with it.
(globalThis as unknown as Record<string, unknown>)[COMMAND_NAME] = validateWorkbookCommand;
Office.onReady(() => {
  if (Office.actions) Office.actions.associate(COMMAND_NAME, validateWorkbookCommand);
});
