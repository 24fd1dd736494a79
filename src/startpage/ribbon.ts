import { canRunBundles, loadScript } from "./startPage";

/**
 * The ribbon's function file's first script, ES5 like the start page: where the ribbon's
 * ES2020 bundle can run it loads it (that bundle registers 校验 itself, src/commands); in an old
 * webview it registers 校验 as a button that opens the pane's page in a dialog, where the start
 * page says in Chinese why 督办助手 cannot run there — instead of a button that does nothing.
 */
export const COMMAND_NAME = "validateWorkbook";

/** The pane's page beside this one (commands.html → taskpane.html). */
function panePage(): string {
  return location.href.replace(/[^/?#]*([?#].*)?$/, "taskpane.html");
}

function explain(event: Office.AddinCommands.Event): void {
  try {
    Office.context.ui.displayDialogAsync(panePage(), { height: 30, width: 40 });
  } finally {
    event.completed();
  }
}

export function startRibbon(): void {
  var holder = document.getElementById("commands");
  var bundle = holder ? holder.getAttribute("data-bundle") : null;
  if (bundle && canRunBundles()) {
    loadScript(bundle);
    return;
  }
  var scope = window as unknown as Record<string, unknown>;
  // Office versions without Office.actions call the global function the manifest names.
  scope[COMMAND_NAME] = explain;
  Office.onReady(function () {
    if (Office.actions) Office.actions.associate(COMMAND_NAME, explain);
  });
}
