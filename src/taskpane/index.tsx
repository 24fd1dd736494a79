import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelActions } from "../excel/workflows";
import { createWpsActions } from "../wps/host";
import type { WorkbookActions } from "./actions";
import { App } from "./App";
import { detectHost, startOf } from "./host";

function render(actions: WorkbookActions): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} start={startOf(window.location.search)} />
    </FluentProvider>
  );
}

// WPS 表格 is ready when the page is; Office.js must be ready before anything touches Excel.
if (detectHost(window) === "wps") render(createWpsActions());
else Office.onReady(() => render(createExcelActions()));
