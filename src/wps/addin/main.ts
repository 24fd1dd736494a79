import { todayIso } from "../../taskpane/format";
import { type PaneStart, startSearch } from "../../taskpane/host";
import { type EtApplication, etApplication } from "../et";
import { createWpsActions } from "../host";

/**
 * The add-in's main page in WPS 表格: WPS calls the functions ribbon.xml names (onLoad, onAction,
 * getImage) on this page's window. 打开督办助手 shows the pane (one per WPS window, its id kept in
 * PluginStorage); 导入分解表 opens it at its 导入分解表 button (taskpane.html?start=import, as the
 * Excel manifest's button does); 校验 runs at once and says what it found; 下发 and 回收 need files
 * chosen by the user, so they open the pane, where those buttons are.
 */

const PANE_ID = "duban.taskpane";

interface RibbonControl {
  Id: string;
}

function app(): EtApplication {
  const found = etApplication(window);
  if (!found) throw new Error("督办助手只能在 WPS 表格中运行。");
  return found;
}

/** The pane page, beside this one (an intranet server's folder or the offline jsaddons folder). */
function paneUrl(start: PaneStart): string {
  return window.location.href.replace(/[^/]*([?#].*)?$/, `taskpane.html${startSearch(start)}`);
}

/**
 * Shows the pane, created at `start` when this WPS window has none yet. A pane already made is
 * shown as it is (what it shows is kept), as Excel shows its open pane for either button.
 */
function openPane(start?: PaneStart): void {
  const application = app();
  const storage = application.PluginStorage;
  const id = storage.getItem(PANE_ID);
  if (id) {
    application.GetTaskPane(id).Visible = true;
    return;
  }
  const pane = application.CreateTaskPane(paneUrl(start), "督办助手");
  storage.setItem(PANE_ID, String(pane.ID));
  pane.Visible = true;
}

async function validate(): Promise<string> {
  const outcome = await createWpsActions().validate({ checkDate: todayIso() }, () => undefined);
  return [outcome.summary, ...outcome.fallbacks].join("\n");
}

const handlers = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnOpenPane(): boolean {
    openPane();
    return true;
  },
  OnImport(): boolean {
    openPane("import");
    return true;
  },
  /** Resolves when done, so a caller (and the tests) can wait; WPS ignores the value. */
  OnValidate(): Promise<void> {
    return validate().then(
      (text) => window.alert(text),
      (error: unknown) => window.alert(error instanceof Error ? error.message : String(error))
    );
  },
  OnDistribute(): boolean {
    openPane();
    return true;
  },
  OnCollect(): boolean {
    openPane();
    return true;
  },
  GetImage(control: RibbonControl): string {
    return control.Id === "dubanOpenPane" ? "assets/icon-64.png" : "assets/icon-32.png";
  },
};

Object.assign(window, handlers);
