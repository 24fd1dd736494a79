import type { Column, FieldKey, Fields, ParseProblem, Row, Table } from "../table/schema";
import { fillDownMerged, type DraftRow } from "../parse/fillDown";
import { DOMAIN_TEXT, HEADING_TEXT, NOTE_TEXT } from "../parse/patterns";
import { planYearOf } from "../parse/tableIdentity";
import {
  compactHeader,
  defaultHeaderVocabulary,
  type HeaderMatch,
  type HeaderVocabulary,
} from "../parse/vocabulary";
import { cellKey } from "../patch/address";
import { cellText } from "./cellText";
import type { Grid } from "./schema";

/** Where a table read from a sheet stands in it, so issues and marks can point at cells. */
export interface GridLayout {
  sheet: string;
  /** 0-based sheet rows of the header (one or two). */
  headerRows: number[];
  /** 0-based sheet row of each data row, parallel to table.rows. */
  rowIndex: number[];
  /** 0-based sheet column of each field. */
  columnIndex: Partial<Record<FieldKey, number>>;
}

export interface GridTable {
  table: Table;
  layout: GridLayout;
  problems: ParseProblem[];
}

/** How far down a sheet the header row is looked for. */
const HEADER_SEARCH_ROWS = 30;

/**
 * Reads a sheet laid out as a breakdown table: the header row is found by its names (with
 * synonyms), a second header row under a group title (阶段性目标 → 一季度…四季度) is read too,
 * merged cells are filled down, and one-cell rows such as 一、主要预期目标 become sections.
 * Returns null with a problem when no header can be found. Never throws.
 */
export function readGridTable(
  grid: Grid,
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): GridTable | { table: null; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const report = (row: number, message: string) =>
    problems.push({ source: grid.sheet, line: grid.top + row + 1, message });
  // Only the rows a header is looked for in (and the one under it) are read whole; data rows
  // are read cell by cell, so a large sheet is not copied.
  const text = spreadAcrossMerges(headerTexts(grid), grid);
  const headerAt = findHeaderRow(text, vocabulary);
  if (headerAt < 0) {
    report(
      0,
      `工作表「${grid.sheet}」中找不到表头：前 ${HEADER_SEARCH_ROWS} 行没有一行含两个以上已知列名（如 序号、重点工作、牵头单位、分管领导、完成时限）。`
    );
    return { table: null, problems };
  }
  const header = readHeader(text, headerAt, vocabulary, report);
  const firstData = headerAt + header.rows;
  const verticalMerges = mergedBelow(grid, firstData);
  const { rows, rowIndex, note } = readRows(grid, header.slots, firstData, verticalMerges);
  fillMergedFromAbove(rows, verticalMerges);
  fillDownMerged(
    rows,
    header.columns.map((c) => c.key),
    vocabulary
  );
  const title = titleAbove(text, headerAt) ?? grid.sheet;
  if (rows.length === 0) report(firstData, `工作表「${grid.sheet}」只有表头，没有数据行。`);
  const columnIndex: Partial<Record<FieldKey, number>> = {};
  header.slots.forEach((key, c) => {
    if (key) columnIndex[key] = grid.left + c;
  });
  return {
    table: {
      id: vocabulary.tableIdFor(title) ?? grid.sheet,
      title,
      planYear: planYearOf(title),
      columns:
        rows.some((d) => d.fields.domain !== undefined) && !header.slots.includes("domain")
          ? [
              ...header.columns.slice(0, 1),
              { key: "domain", title: "涉及领域", group: null },
              ...header.columns.slice(1),
            ]
          : header.columns,
      note,
      source: grid.sheet,
      rows,
    },
    layout: {
      sheet: grid.sheet,
      headerRows: Array.from({ length: header.rows }, (_, i) => grid.top + headerAt + i),
      rowIndex,
      columnIndex,
    },
    problems,
  };
}

/**
 * The data rows under the header, as Rows (fill-down completes them in place) with their sheet
 * rows beside, and the table's note. A function of its own so that the optimizing compiler,
 * which a large sheet calls in while this loop runs, compiles the loop and not all of
 * readGridTable: in the bench that compile cost as much CPU as the loop itself.
 */
function readRows(
  grid: Grid,
  slots: readonly (FieldKey | null)[],
  firstData: number,
  verticalMerges: Set<number>
): { rows: Row[]; rowIndex: number[]; note: string | null } {
  const rows: Row[] = [];
  const rowIndex: number[] = [];
  let section: string | null = null;
  let domain: string | null = null;
  let note: string | null = null;
  for (let r = firstData; r < grid.values.length; r++) {
    const filled = filledCells(grid, r);
    if (filled === 0) continue;
    if (filled === 1) {
      // One-cell rows are the bands that group a table (see outputs/importSheet.ts) or its note.
      const only = filledCell(grid, r).trim();
      if (HEADING_TEXT.test(only) && !slots.includes("category")) {
        section = only;
        domain = null;
        continue;
      }
      if (DOMAIN_TEXT.test(only) && !slots.includes("domain")) {
        domain = only;
        continue;
      }
      if (NOTE_TEXT.test(only)) {
        note = only;
        continue;
      }
    }
    const fields: Fields = {};
    const merged: FieldKey[] = [];
    let seq: string | null = null;
    for (let c = 0; c < slots.length; c++) {
      const key = slots[c];
      if (!key) continue;
      const value = textAt(grid, r, c);
      if (key === "seq") seq = value.trim() === "" ? null : value.trim();
      else {
        fields[key] = value;
        if (verticalMerges.size > 0 && verticalMerges.has(cellKey(r, c))) merged.push(key);
      }
    }
    if (domain !== null) fields.domain = domain;
    rows.push({ row: rows.length + 1, seq, line: grid.top + r + 1, section, fields, merged });
    rowIndex.push(grid.top + r);
  }
  return { rows, rowIndex, note };
}

/** The text of a grid-relative cell (see cellText); "" past the end of its row. */
function textAt(grid: Grid, row: number, col: number): string {
  const value = grid.values[row][col];
  return value === undefined ? "" : cellText(value, grid.numberFormats?.[row]?.[col]);
}

/** The texts of the rows a header can be in: the first HEADER_SEARCH_ROWS and the one under. */
function headerTexts(grid: Grid): string[][] {
  return grid.values
    .slice(0, HEADER_SEARCH_ROWS + 1)
    .map((values, r) => values.map((_, c) => textAt(grid, r, c)));
}

/** How many of a row's cells hold more than whitespace: 0, 1, or 2 for two or more. */
function filledCells(grid: Grid, row: number): number {
  let n = 0;
  for (let c = 0; c < grid.values[row].length; c++)
    if (textAt(grid, row, c).trim() !== "" && ++n === 2) break;
  return n;
}

/** The text of a row's first cell that holds more than whitespace. */
function filledCell(grid: Grid, row: number): string {
  for (let c = 0; c < grid.values[row].length; c++) {
    const text = textAt(grid, row, c);
    if (text.trim() !== "") return text;
  }
  return "";
}

/** Header texts: a merged area's text repeated across it, as a spanning header reads (in place). */
function spreadAcrossMerges(text: string[][], grid: Grid): string[][] {
  for (const m of grid.merges) {
    const r0 = m.row - grid.top;
    const c0 = m.col - grid.left;
    const value = text[r0]?.[c0] ?? "";
    for (let c = c0 + 1; c < c0 + m.colCount; c++) {
      for (let r = r0; r < r0 + m.rowCount; r++)
        if (text[r] && (text[r][c] ?? "") === "") text[r][c] = value;
    }
  }
  return text;
}

/** Grid-relative cells (cellKey) that continue a vertically merged area starting above them. */
function mergedBelow(grid: Grid, firstData: number): Set<number> {
  const cells = new Set<number>();
  for (const m of grid.merges) {
    const r0 = m.row - grid.top;
    if (m.rowCount < 2 || r0 + m.rowCount <= firstData) continue;
    for (let r = Math.max(r0 + 1, firstData); r < r0 + m.rowCount; r++) {
      for (let c = Math.max(0, m.col - grid.left); c < m.col - grid.left + m.colCount; c++)
        cells.add(cellKey(r, c));
    }
  }
  return cells;
}

/** A merged area's value sits in its top cell: copy it into the rows the area covers. */
function fillMergedFromAbove(rows: DraftRow[], merges: Set<number>): void {
  if (merges.size === 0) return;
  for (let i = 1; i < rows.length; i++) {
    for (const key of rows[i].merged) rows[i].fields[key] = rows[i - 1].fields[key] ?? "";
  }
}

function findHeaderRow(text: string[][], vocabulary: HeaderVocabulary): number {
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(text.length, HEADER_SEARCH_ROWS); r++) {
    const score = new Set(
      text[r]
        .map((t) => compactHeader(t))
        .filter((t) => t && vocabulary.match(t).kind !== "unknown")
    ).size;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  // 一季度…四季度 may outscore the row above them, but that row (阶段性目标) starts the header.
  const above = best > 0 ? text[best - 1].map((t) => vocabulary.match(t).kind) : [];
  return above.includes("group") ? best - 1 : best;
}

function titleAbove(text: string[][], headerAt: number): string | null {
  for (let r = headerAt - 1; r >= 0; r--) {
    const filled = text[r].filter((c) => c.trim() !== "");
    if (filled.length > 0) return filled[0].trim();
  }
  return null;
}

interface GridHeader {
  rows: 1 | 2;
  columns: Column[];
  slots: (FieldKey | null)[];
}

function readHeader(
  text: string[][],
  at: number,
  vocabulary: HeaderVocabulary,
  report: (row: number, message: string) => void
): GridHeader {
  const top = text[at];
  const matches: HeaderMatch[] = top.map((t) => vocabulary.match(t));
  const twoRows = matches.some((m) => m.kind === "group" || m.kind === "spanning");
  const below = twoRows ? (text[at + 1] ?? []) : [];
  const columns: Column[] = [];
  const slots: (FieldKey | null)[] = [];
  const place = (key: FieldKey | undefined, title: string, group: string | null) => {
    if (!key || slots.includes(key)) {
      if (title)
        report(
          at,
          key
            ? `表头「${title}」与前面的列含义相同，已忽略这一列。`
            : `无法识别的表头「${title}」，这一列未读取。`
        );
      slots.push(null);
      return;
    }
    columns.push({ key, title, group });
    slots.push(key);
  };
  let group: { title: string; keys: FieldKey[] } | null = null;
  for (let c = 0; c < top.length; c++) {
    const title = compactHeader(top[c]);
    const m = matches[c];
    if (m.kind === "group") group = { title, keys: m.keys };
    else if (title !== "") group = null; // an empty top cell stays under the group on its left
    const sub = compactHeader(below[c] ?? "");
    const subMatch = sub ? vocabulary.match(sub) : null;
    if (m.kind === "column") place(m.key, title, null);
    else if (group && subMatch?.kind === "column" && group.keys.includes(subMatch.key))
      place(subMatch.key, sub, group.title);
    else if (m.kind === "spanning") {
      // A span's text repeats across its merged area (spreadAcrossMerges): its n-th cell is its n-th column.
      let n = 0;
      while (c - n - 1 >= 0 && compactHeader(top[c - n - 1]) === title) n++;
      const spanned = m.columns[n];
      place(spanned?.key, spanned?.title ?? title, title);
      // Without merge information the span's other cells read empty: they are its next columns.
      for (
        let k = n + 1;
        k < m.columns.length && c + 1 < top.length && compactHeader(top[c + 1]) === "";
        k++
      ) {
        c++;
        place(m.columns[k].key, m.columns[k].title, title);
      }
    } else place(undefined, title, null);
  }
  return { rows: twoRows ? 2 : 1, columns, slots };
}
