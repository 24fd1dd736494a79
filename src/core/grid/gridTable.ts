import type {
  Column,
  ColumnReading,
  FieldKey,
  Fields,
  ParseProblem,
  Row,
  Table,
} from "../table/schema";
import { readingProblems, resolveColumns, type HeaderCell } from "../parse/columnRoles";
import { fillDownMerged, type DraftRow } from "../parse/fillDown";
import { dominantStyle, numberingOf, styleDepth, type NumberStyle } from "../parse/numbering";
import { NOTE_TEXT } from "../parse/patterns";
import { planYearOf } from "../parse/tableIdentity";
import { splitUnitPerson } from "../parse/unitPerson";
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
      `工作表「${grid.sheet}」中找不到表头：前 ${HEADER_SEARCH_ROWS} 行没有一行含两个以上已知列名，且其中有工作内容（如 重点工作、工作明细、工作任务）。`
    );
    return { table: null, problems };
  }
  const header = readHeader(
    text,
    headerAt,
    vocabulary,
    grid.mergesUnknown ? null : mergedDown(grid, headerAt)
  );
  for (const message of readingProblems(header.reading)) report(headerAt, message);
  const firstData = headerAt + header.rows;
  const verticalMerges = mergedBelow(grid, firstData);
  const { rows, rowIndex, note } = readRows(grid, header, firstData, verticalMerges);
  fillMergedFromAbove(rows, verticalMerges);
  joinColumns(grid, rows, rowIndex, header.joins);
  // A workbook states its merges: an empty cell is empty. Only a host that cannot say which
  // cells are merged leaves it to the inference made for seed text.
  if (grid.mergesUnknown)
    fillDownMerged(
      rows,
      header.columns.map((c) => c.key),
      vocabulary
    );
  const columns = withFoundColumns(header.columns, rows);
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
      columns,
      reading: header.reading,
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
 * The header's columns with those the rows brought: 涉及领域 from sub-heading rows (2．…, （一）…)
 * and 责任人 split off lead-unit cells (区财政局 张三).
 */
function withFoundColumns(columns: Column[], rows: readonly Row[]): Column[] {
  const out = [...columns];
  const has = (key: FieldKey) => out.some((c) => c.key === key);
  if (!has("domain") && rows.some((d) => d.fields.domain !== undefined))
    out.splice(Math.min(1, out.length), 0, { key: "domain", title: "涉及领域", group: null });
  if (!has("person") && rows.some((d) => d.fields.person !== undefined))
    out.push({ key: "person", title: "责任人", group: null });
  return out;
}

/**
 * The data rows under the header, as Rows (fill-down completes them in place) with their sheet
 * rows beside, and the table's note. A function of its own so that the optimizing compiler,
 * which a large sheet calls in while this loop runs, compiles the loop and not all of
 * readGridTable: in the bench that compile cost as much CPU as the loop itself.
 */
function readRows(
  grid: Grid,
  header: GridHeader,
  firstData: number,
  verticalMerges: Set<number>
): { rows: Row[]; rowIndex: number[]; note: string | null } {
  const { slots } = header;
  const rows: Row[] = [];
  const rowIndex: number[] = [];
  const seqAt = slots.indexOf("seq");
  const seqStyle = seqAt < 0 ? null : dominantStyle(seqTexts(grid, firstData, seqAt));
  const splitPerson = !slots.includes("person") && slots.includes("lead");
  let section: string | null = null;
  let sectionDepth = -1;
  let domain: string | null = null;
  let note: string | null = null;
  for (let r = firstData; r < grid.values.length; r++) {
    const filled = filledCells(grid, r);
    if (filled === 0) continue;
    if (filled === 1) {
      const only = filledCell(grid, r).trim();
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
      const continues = verticalMerges.size > 0 && verticalMerges.has(cellKey(r, c));
      if (key === "seq") {
        // A 序号 merged over sub-rows: the sub-rows are parts of the item above.
        seq = continues ? (rows[rows.length - 1]?.seq ?? null) : value.trim() || null;
        if (continues) merged.push("seq");
      } else {
        fields[key] = value;
        if (continues) merged.push(key);
      }
    }
    // One-cell rows and numbered rows with nothing but a title are the headings that group a
    // table (一、… sections, （一）/ 2．… sub-headings); see outputs/importSheet.ts.
    const heading = headingOf(grid, r, filled, seq, fields, seqStyle);
    if (heading) {
      const depth = styleDepth(heading.style);
      if (sectionDepth < 0 && !slots.includes("category")) sectionDepth = depth;
      if (depth === sectionDepth && !slots.includes("category")) {
        section = heading.text;
        domain = null;
        continue;
      }
      if (depth > sectionDepth && !slots.includes("domain")) {
        domain = heading.text;
        continue;
      }
    }
    if (domain !== null) fields.domain = domain;
    if (splitPerson && fields.lead && !merged.includes("lead")) {
      const split = splitUnitPerson(fields.lead);
      if (split) {
        fields.lead = split.unit;
        fields.person = split.person;
      }
    }
    const row: Row = { row: rows.length + 1, seq, line: grid.top + r + 1, section, fields, merged };
    if (header.history.length > 0)
      row.history = Object.fromEntries(header.history.map((h) => [h.title, textAt(grid, r, h.at)]));
    rows.push(row);
    rowIndex.push(grid.top + r);
  }
  return { rows, rowIndex, note };
}

/** The owner and schedule columns: a row with any of them filled is a task, not a heading. */
const TASK_KEYS: readonly FieldKey[] = [
  "detail",
  "due",
  "leader",
  "lead",
  "coop",
  "person",
  "cityUnit",
  "q1",
  "q2",
  "q3",
  "q4",
];

/**
 * A row that is only a heading: one numbered cell (（一）坚持常态化疫情防控), or a 序号 in another
 * style than the table's items (（一） among 1、2、…) with a title and no owner or schedule.
 */
function headingOf(
  grid: Grid,
  r: number,
  filled: number,
  seq: string | null,
  fields: Fields,
  seqStyle: NumberStyle | null
): { text: string; style: NumberStyle } | null {
  if (filled === 1) {
    const only = filledCell(grid, r).trim();
    const n = numberingOf(only);
    // A label with a title after it (2．加快…); a bare number alone is an item with the rest lost.
    if (!n || n.rest === "") return null;
    return { text: only, style: n.style };
  }
  const n = seq === null ? null : numberingOf(seq);
  if (!n || seqStyle === null || styleDepth(n.style) === styleDepth(seqStyle)) return null;
  if (TASK_KEYS.some((k) => (fields[k] ?? "").trim() !== "")) return null;
  const title = (fields.task ?? fields.category ?? "").trim();
  return { text: `${seq}${title}`, style: n.style };
}

/** The 序号 cells of rows with more than one cell (headings stand alone), for the items' style. */
function seqTexts(grid: Grid, firstData: number, col: number): string[] {
  const out: string[] = [];
  for (let r = firstData; r < grid.values.length; r++) {
    const text = textAt(grid, r, col).trim();
    if (text && filledCells(grid, r) > 1) out.push(text);
  }
  return out;
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

/** The header row's columns whose title is merged down over the row under it (one column wide). */
function mergedDown(grid: Grid, headerAt: number): Set<number> {
  const out = new Set<number>();
  for (const m of grid.merges)
    if (m.row - grid.top === headerAt && m.rowCount >= 2 && m.colCount === 1)
      out.add(m.col - grid.left);
  return out;
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

/** The text of a column joined to the one on its left (one title merged over both), added on its own line. */
function joinColumns(
  grid: Grid,
  rows: Row[],
  rowIndex: readonly number[],
  joins: readonly { at: number; key: FieldKey }[]
): void {
  for (const { at, key } of joins) {
    rows.forEach((row, i) => {
      const text = textAt(grid, rowIndex[i] - grid.top, at).trim();
      const own = row.fields[key] ?? "";
      if (text !== "" && !own.includes(text))
        row.fields[key] = own.trim() ? `${own}\n${text}` : text;
    });
  }
}

/** A merged area's value sits in its top cell: copy it into the rows the area covers. */
function fillMergedFromAbove(rows: DraftRow[], merges: Set<number>): void {
  if (merges.size === 0) return;
  for (let i = 1; i < rows.length; i++) {
    for (const key of rows[i].merged)
      if (key !== "seq") rows[i].fields[key] = rows[i - 1].fields[key] ?? "";
  }
}

/** What a breakdown table always names: the work (a 台账 may name no unit: 开化县's does not). */
const WORK_KEYS: ReadonlySet<FieldKey> = new Set(["task", "detail"]);

/** The meanings a header cell names (a spanning title such as 责任单位及领导 names several). */
function keysOf(match: HeaderMatch): FieldKey[] {
  if (match.kind === "column") return [match.key];
  if (match.kind === "spanning") return match.columns.map((c) => c.key);
  return [];
}

/** A cell no header has: a bare number, or a reference (市重点工作!E3) as 校验结果 lists them. */
const DATA_CELL = /^\d+$|![A-Z]{1,3}\d+$/;

/**
 * The header row: the one with most known names, two at least, one of them the work, and
 * holding no cell that is plainly data. A ledger headed 日期、事项、金额、备注, a 汇总 table by
 * 牵头单位, or a copy of 校验结果 is not a breakdown table.
 */
function findHeaderRow(text: string[][], vocabulary: HeaderVocabulary): number {
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(text.length, HEADER_SEARCH_ROWS); r++) {
    const cells = text[r].map((t) => compactHeader(t)).filter((t) => t !== "");
    if (cells.some((t) => DATA_CELL.test(t))) continue;
    const matches = cells
      .map((t) => ({ t, match: vocabulary.match(t) }))
      .filter(({ match }) => match.kind !== "unknown");
    const keys = matches.flatMap(({ match }) => keysOf(match));
    if (!keys.some((k) => WORK_KEYS.has(k))) continue;
    const score = new Set(matches.map(({ t }) => t)).size;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  // 一季度…四季度 may outscore the row above them, but that row (阶段性目标) starts the header.
  const above = best > 0 ? text[best - 1].map((t) => vocabulary.match(t).kind) : [];
  return above.includes("group") ? best - 1 : best;
}

/** The table's title: the nearest text above the header that is not a note (注:…) or 附件1. */
function titleAbove(text: string[][], headerAt: number): string | null {
  for (let r = headerAt - 1; r >= 0; r--) {
    const first = text[r].find((c) => c.trim() !== "")?.trim();
    if (first && !NOTE_ABOVE.test(first)) return first;
  }
  return null;
}

/** Lines printed above a table that are not its title: （注：A类指…）, 附件1. */
const NOTE_ABOVE =
  /^[（(]?\s*(注|备注|说明)\s*[：:]|^附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$/;

interface GridHeader {
  rows: 1 | 2;
  columns: Column[];
  slots: (FieldKey | null)[];
  reading: ColumnReading[];
  history: { at: number; title: string }[];
  joins: { at: number; key: FieldKey }[];
}

function readHeader(
  text: string[][],
  at: number,
  vocabulary: HeaderVocabulary,
  mergedDown: ReadonlySet<number> | null = new Set()
): GridHeader {
  const top = text[at];
  const matches: HeaderMatch[] = top.map((t) => vocabulary.match(t));
  const below = text[at + 1] ?? [];
  const fromBelow = spannedBelow(top, below, matches, vocabulary, mergedDown);
  let twoRows =
    fromBelow.size > 0 || matches.some((m) => m.kind === "group" || m.kind === "spanning");
  const cells: HeaderCell[] = [];
  let group: { title: string; keys: FieldKey[] } | null = null;
  for (let c = 0; c < top.length; c++) {
    const title = compactHeader(top[c]);
    const m = matches[c];
    if (m.kind === "group") group = { title, keys: m.keys };
    else if (title !== "") group = null; // an empty top cell stays under the group on its left
    const sub = twoRows ? compactHeader(below[c] ?? "") : "";
    const subMatch = sub ? vocabulary.match(sub) : null;
    if (fromBelow.has(c)) {
      cells.push({ title: sub, group: spanTitle(top, c), match: subMatch ?? { kind: "unknown" } });
    } else if (m.kind === "column" || m.kind === "ignored")
      cells.push({ title, group: null, match: m });
    else if (group && subMatch?.kind === "column" && group.keys.includes(subMatch.key))
      cells.push({ title: sub, group: group.title, match: subMatch });
    else if (m.kind === "spanning") {
      // A span's text repeats across its merged area (spreadAcrossMerges): its n-th cell is its n-th column.
      let n = 0;
      while (c - n - 1 >= 0 && compactHeader(top[c - n - 1]) === title) n++;
      const spanned = m.columns[n];
      const column = (k: number): HeaderCell => ({
        title: m.columns[k].title,
        group: title,
        match: { kind: "column", key: m.columns[k].key },
      });
      cells.push(spanned ? column(n) : { title, group: title, match: { kind: "unknown" } });
      // Without merge information the span's other cells read empty: they are its next columns.
      for (
        let k = n + 1;
        k < m.columns.length && c + 1 < top.length && compactHeader(top[c + 1]) === "";
        k++
      ) {
        c++;
        cells.push(column(k));
      }
    } else cells.push({ title, group: null, match: m });
    // One title merged over two columns (spreadAcrossMerges repeats it): the second adds to the first.
    const last = cells[cells.length - 1];
    if (c > 0 && !fromBelow.has(c) && m.kind === "column" && title === compactHeader(top[c - 1]))
      last.joinsPrevious = true;
  }
  twoRows ||= cells.some((cell) => cell.group !== null);
  const resolved = resolveColumns(cells);
  return { rows: twoRows ? 2 : 1, ...resolved };
}

/**
 * Columns whose titles stand in the header's second row: under a cell spanning several columns
 * (工作任务安排 over 第二季度 and 完成情况), when every title under the span is a known one —
 * else the row below is data, not header. A title over one column only (工作任务安排 over
 * 第二季度 alone, as a 导入 sheet writes it once 完成情况 became its 进展情况) heads a second row
 * when the workbook says so: every other title is merged down over that row (mergedDown; null
 * where the host cannot tell merges).
 */
function spannedBelow(
  top: readonly string[],
  below: readonly string[],
  matches: readonly HeaderMatch[],
  vocabulary: HeaderVocabulary,
  mergedDown: ReadonlySet<number> | null
): Set<number> {
  const out = new Set<number>();
  // A host that cannot say which cells are merged (ExcelApi before 1.13): the row under holds
  // nothing but known titles, none in the first column (where a section row's text stands).
  const oneColumnSpans =
    mergedDown === null
      ? below.every(
          (t, k) => compactHeader(t) === "" || (k > 0 && vocabulary.match(t).kind === "column")
        )
      : mergedDown.size > 0 &&
        top.every(
          (t, k) =>
            compactHeader(t) === "" || compactHeader(below[k] ?? "") !== "" || mergedDown.has(k)
        );
  for (let c = 0; c < top.length;) {
    const title = compactHeader(top[c]);
    let end = c + 1;
    while (end < top.length && compactHeader(top[end]) === title) end++;
    if (title !== "" && matches[c].kind !== "group" && matches[c].kind !== "spanning") {
      // Without merge information the span's other cells read empty.
      while (
        end < top.length &&
        compactHeader(top[end]) === "" &&
        compactHeader(below[end] ?? "") !== ""
      )
        end++;
      const under: number[] = [];
      for (let k = c; k < end; k++) if (compactHeader(below[k] ?? "") !== "") under.push(k);
      if (
        (end - c >= 2 ? under.length >= 2 : under.length === 1 && oneColumnSpans) &&
        under.every((k) => vocabulary.match(below[k]).kind === "column")
      )
        for (const k of under) out.add(k);
    }
    c = end;
  }
  return out;
}

/** The title of the span a second-row column stands under: the nearest titled cell to its left. */
function spanTitle(top: readonly string[], c: number): string {
  for (let k = c; k >= 0; k--) if (compactHeader(top[k]) !== "") return compactHeader(top[k]);
  return "";
}
