import type { GridLayout } from "../grid/gridTable";
import { MAX_SHEET_NAME_LENGTH } from "../patch/sheetName";
import { defaultHeaderVocabulary, type HeaderVocabulary } from "../parse/vocabulary";
import type { Row, Table } from "../table/schema";

/** Sheet row of a 导入 sheet's title; the header starts right under it. */
export const TITLE_ROW = 0;
export const HEADER_ROW = 1;

/** One line of a 导入 sheet's body: a section or 涉及领域 band, or a data row. */
export type ImportLine = { band: string; kind: "section" | "domain" } | { row: Row };

/** How many header rows a 导入 sheet has: two when columns are grouped (阶段性目标 over 一季度…). */
export const importHeaderRows = (table: Table): number =>
  table.columns.some((c) => c.group !== null) ? 2 : 1;

/**
 * The body of a 导入 sheet in order: a band where the section (一、…) or the 涉及领域 (2．…)
 * changes, then the row. buildImportSheet writes it and importLayout counts it, so the rows
 * messages name are the rows the sheet shows.
 */
export function importLines(table: Table, rows: readonly Row[] = table.rows): ImportLine[] {
  const lines: ImportLine[] = [];
  const hasDomain = table.columns.some((c) => c.key === "domain");
  let section: string | null = null;
  let domain: string | null = null;
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      if (section) lines.push({ band: section, kind: "section" });
    }
    const rowDomain = row.fields.domain?.trim() || null;
    if (hasDomain && rowDomain !== domain) {
      domain = rowDomain;
      if (domain) lines.push({ band: domain, kind: "domain" });
    }
    lines.push({ row });
  }
  return lines;
}

/**
 * Where a table read from text lands when it is imported: its 导入 sheet, the sheet row of each
 * data row and the column of each field (the tracking columns come after them all).
 */
export function importLayout(
  table: Table,
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): GridLayout {
  const headerRows = importHeaderRows(table);
  const rowIndex: number[] = [];
  let at = HEADER_ROW + headerRows;
  for (const line of importLines(table)) {
    if ("row" in line) rowIndex.push(at);
    at++;
  }
  const columnIndex: GridLayout["columnIndex"] = {};
  table.columns.filter((c) => c.key !== "domain").forEach((c, i) => (columnIndex[c.key] = i));
  return {
    sheet: importSheetName(table, vocabulary),
    headerRows: Array.from({ length: headerRows }, (_, i) => HEADER_ROW + i),
    rowIndex,
    columnIndex,
  };
}

/** The short name of a known table (区重点工作 …), else its title made into a valid sheet name. */
export function importSheetName(
  table: Table,
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): string {
  const known = vocabulary.sheetNameFor(table.id.replace(/-\d+$/, ""));
  const suffix = /-(\d+)$/.exec(table.id)?.[1];
  if (known) return suffix ? `${known}${suffix}` : known;
  const cleaned = (table.title || table.id)
    .replace(/[:\\/?*[\]]/g, "")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || table.id).slice(0, MAX_SHEET_NAME_LENGTH);
}
