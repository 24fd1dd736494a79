import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelActions } from "../excel/workflows";
import { App } from "./App";

// Office.js must be ready before anything touches Excel; the pane's first act reads the workbook.
Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App actions={createExcelActions()} />
    </FluentProvider>
  );
});
