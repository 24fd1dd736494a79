import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

// Interim: App needs the Excel implementation of WorkbookActions (src/excel/workflows.ts),
// which is not in the repository yet; until it is, the pane says so instead of failing.
Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="info">
        <MessageBarBody>督办助手的表格操作尚未接入，请稍后更新加载项。</MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
});
