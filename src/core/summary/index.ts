import { reportHtml, reportSentences, reportTables, reportText } from "./report";
import { summaryFigures, type IssueRef, type SummaryOptions } from "./figures";
import type { Summary } from "./schema";
import type { Table } from "../table/schema";

export { buildSummarySheet, SUMMARY_SHEET } from "./sheet";
export { reportLabel, type IssueRef, type SummaryOptions } from "./figures";
export { reportTables, type ReportTable } from "./report";
export * from "./schema";

/**
 * 汇总: the figures of the tables on the check date (per table and section, per lead unit, per
 * 分管领导), the report sentences with the numbers filled in, and the same as HTML and plain text.
 */
export function summarize(
  tables: readonly Table[],
  issues: readonly IssueRef[],
  options: SummaryOptions
): Summary {
  const figures = summaryFigures(tables, issues, options);
  const sentences = reportSentences(figures);
  const tablesOut = reportTables(figures);
  return {
    ...figures,
    sentences,
    text: reportText(sentences, tablesOut),
    html: reportHtml(sentences, tablesOut),
  };
}
