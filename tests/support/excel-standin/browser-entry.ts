import { installStandIn, type StandInOptions } from "./install";

/**
 * Entry for a browser page (bundled as an IIFE, injected before the task pane's bundle): installs
 * the stand-in as window.Office/Excel/OfficeExtension with the options the page sets in
 * window.__excelStandInOptions, and exposes the handle as window.__excelStandIn for assertions.
 */
const page = globalThis as unknown as Record<string, unknown>;
page.__excelStandIn = installStandIn(
  (page.__excelStandInOptions as StandInOptions | undefined) ?? {}
);
