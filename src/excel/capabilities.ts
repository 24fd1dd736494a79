/**
 * What this Excel can do beyond the add-in's minimum (ExcelApi 1.7, Office 2019). Each newer
 * feature the adapter uses is detected once and has a fallback when missing.
 */
export interface Capabilities {
  /** ExcelApi 1.8: list drop-downs. Without: skipped, with a message. */
  dataValidation: boolean;
  /** ExcelApi 1.9: page layout. Without: print setup skipped, with a message. */
  pageLayout: boolean;
  /** ExcelApi 1.10: comments, the fallback for notes. */
  comments: boolean;
  /** ExcelApi 1.12: worksheet custom properties hold the generated-sheet marker. Without: document settings. */
  customProperties: boolean;
  /** ExcelApi 1.13: merged areas are read. Without: the grid has no merges. */
  mergedAreas: boolean;
  /** ExcelApi 1.18: cell notes. Without: comments, or the text is left to the issue listing. */
  notes: boolean;
}

const REQUIRED_VERSION: Record<keyof Capabilities, string> = {
  dataValidation: "1.8",
  pageLayout: "1.9",
  comments: "1.10",
  customProperties: "1.12",
  mergedAreas: "1.13",
  notes: "1.18",
};

export function detectCapabilities(): Capabilities {
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  const has = (version: string): boolean =>
    requirements?.isSetSupported("ExcelApi", version) ?? false;
  const entries = Object.entries(REQUIRED_VERSION).map(([feature, version]) => [
    feature,
    has(version),
  ]);
  return Object.fromEntries(entries) as Capabilities;
}
