import { rect } from "../patch/build";
import type { GridLayout } from "../grid/gridTable";
import type { PatchCell, RangeFormat, Rect, SheetOpInput } from "../patch/schema";
import { MAX_SHEET_NAME_LENGTH } from "../patch/sheetName";
import { defaultHeaderVocabulary, type HeaderVocabulary } from "../parse/vocabulary";
import type { Column, Row, Table } from "../table/schema";
import { COLORS, TITLE_FONT, fittedWidth } from "./style";

/** A table's 导入 sheet, and where each of its rows and fields lands in it. */
export interface ImportedSheet {
  op: SheetOpInput;
  layout: GridLayout;
}

/** Sheet row of the title; the header starts right under it. */
const TITLE_ROW = 0;
const HEADER_ROW = 1;

/**
 * 导入: one sheet per table, formatted for people. The title sits on top; the header (two rows
 * when columns are grouped, as 阶段性目标 over 一季度…四季度) is bold, shaded and frozen;
 * section rows (一、…) and 涉及领域 rows (2．…) are set apart as full-width bands, as the
 * printed tables group them; cells continuing a merged cell are grey; the table's note goes
 * under it. Prints on A4 landscape with the header repeated on every page.
 */
export function buildImportSheet(
  table: Table,
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): ImportedSheet {
  const columns = table.columns.filter((c) => c.key !== "domain");
  const width = columns.length;
  const grouped = columns.some((c) => c.group !== null);
  const headerRows = grouped ? 2 : 1;
  const values: PatchCell[][] = [[table.title, ...blank(width - 1)]];
  const merges: Rect[] = [rect(TITLE_ROW, 0, 1, width)];
  const formats: RangeFormat[] = [
    { range: rect(TITLE_ROW, 0, 1, width), font: TITLE_FONT, vertical: "center" },
  ];
  const rowIndex: number[] = [];

  values.push(...headerValues(columns, grouped, merges));
  formats.push({
    range: rect(HEADER_ROW, 0, headerRows, width),
    fill: COLORS.headerFill,
    font: { bold: true },
    wrap: true,
    horizontal: "center",
    vertical: "center",
  });

  let section: string | null = null;
  let domain: string | null = null;
  const band = (text: string, fill: string) => {
    const at = values.length;
    values.push([text, ...blank(width - 1)]);
    merges.push(rect(at, 0, 1, width));
    formats.push({ range: rect(at, 0, 1, width), fill, font: { bold: true }, wrap: true });
  };
  for (const row of table.rows) {
    if (row.section !== section) {
      section = row.section;
      if (section) band(section, COLORS.sectionFill);
    }
    const rowDomain = row.fields.domain?.trim() || null;
    if (table.columns.some((c) => c.key === "domain") && rowDomain !== domain) {
      domain = rowDomain;
      if (domain) band(domain, COLORS.domainFill);
    }
    const at = values.length;
    rowIndex.push(at);
    values.push(columns.map((c) => cellOf(row, c)));
    columns.forEach((c, i) => {
      if (row.merged.includes(c.key))
        formats.push({ range: rect(at, i), font: { color: COLORS.continuedFont } });
    });
  }
  const bodyStart = HEADER_ROW + headerRows;
  if (values.length > bodyStart) {
    formats.push({
      range: rect(bodyStart, 0, values.length - bodyStart, width),
      wrap: true,
      vertical: "top",
    });
  }
  formats.push({
    range: rect(HEADER_ROW, 0, values.length - HEADER_ROW, width),
    borders: { color: "#808080" },
  });
  if (table.note) {
    const at = values.length + 1;
    values.push(blank(width), [table.note, ...blank(width - 1)]);
    merges.push(rect(at, 0, 1, width));
    formats.push({ range: rect(at, 0, 1, width), wrap: true });
  }

  const sheet = importSheetName(table, vocabulary);
  const columnIndex: GridLayout["columnIndex"] = {};
  columns.forEach((c, i) => (columnIndex[c.key] = i));
  const op: SheetOpInput = {
    sheet,
    mode: "replace",
    generated: { kind: "import", key: table.id },
    tabColor: COLORS.tab,
    columns: columns.map((c, i) => ({ col: i, width: columnWidth(c, table.rows, i === 0) })),
    rows: [{ row: TITLE_ROW, height: 28 }],
    values: [{ row: 0, col: 0, values }],
    formats,
    merges,
    freeze: { rows: bodyStart, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: { first: HEADER_ROW, count: headerRows },
      fitToWidth: true,
    },
  };
  const headerRowIndexes = Array.from({ length: headerRows }, (_, i) => HEADER_ROW + i);
  return { op, layout: { sheet, headerRows: headerRowIndexes, rowIndex, columnIndex } };
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

function headerValues(columns: Column[], grouped: boolean, merges: Rect[]): PatchCell[][] {
  if (!grouped) return [columns.map((c) => c.title)];
  const top: PatchCell[] = [];
  const bottom: PatchCell[] = [];
  columns.forEach((c, i) => {
    const startsGroup = c.group !== null && columns[i - 1]?.group !== c.group;
    if (c.group === null) {
      top.push(c.title);
      bottom.push(null);
      merges.push(rect(HEADER_ROW, i, 2, 1));
    } else {
      top.push(startsGroup ? c.group : null);
      bottom.push(c.title);
      if (startsGroup) {
        const span = columns.slice(i).findIndex((o) => o.group !== c.group);
        const count = span < 0 ? columns.length - i : span;
        if (count > 1) merges.push(rect(HEADER_ROW, i, 1, count));
      }
    }
  });
  return [top, bottom];
}

function cellOf(row: Row, column: Column): PatchCell {
  if (column.key === "seq") return row.seq;
  return row.fields[column.key] ?? "";
}

function columnWidth(column: Column, rows: readonly Row[], first: boolean): number {
  if (column.key === "seq") return 6;
  const texts = rows.map((r) => r.fields[column.key] ?? "");
  // Long prose columns wrap at a comfortable reading width; short ones fit their content.
  return fittedWidth(
    [column.title, ...texts],
    first ? 10 : 8,
    ["task", "detail", "q1", "q2", "q3", "q4"].includes(column.key) ? 40 : 24
  );
}

function blank(count: number): PatchCell[] {
  return Array.from({ length: Math.max(0, count) }, () => null);
}
