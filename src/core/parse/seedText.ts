import type {
  Column,
  ColumnReading,
  FieldKey,
  Fields,
  ParseProblem,
  ParseResult,
  Row,
  Table,
} from "../table/schema";
import { readingProblems, resolveColumns, type HeaderCell } from "./columnRoles";
import { fillDownMerged, type DraftRow } from "./fillDown";
import { readTextBlocks, splitLines, type TextBlock, type TextCell } from "./textCells";
import { compactHeader, defaultHeaderVocabulary, type HeaderVocabulary } from "./vocabulary";
import { DOMAIN_TEXT, HEADING_TEXT, SEQ_TEXT } from "./patterns";
import { planYearOf, uniqueTableId } from "./tableIdentity";

/**
 * Reads the breakdown tables of a document extracted from Word to text (see textCells.ts for the
 * layout). Never throws: what it cannot read becomes a ParseProblem with its line number.
 */
export function parseSeedText(
  text: string,
  source: string,
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): ParseResult {
  const problems: ParseProblem[] = [];
  const report = (line: number, message: string) => problems.push({ source, line, message });
  if (!looksLikeText(text)) {
    report(0, "文件不是可读的文本（可能是二进制文件，或不是 UTF-8 编码），未读取任何表格。");
    return { tables: [], problems };
  }
  const tables: Table[] = [];
  for (const block of readTextBlocks(splitLines(text), (cell) => vocabulary.isTitle(cell))) {
    const table = readBlock(block, source, vocabulary, report, tables);
    if (table) tables.push(table);
  }
  if (tables.length === 0 && problems.length === 0) {
    report(0, "未找到表格：文件中没有以制表符（TAB）开头的表格行。");
  }
  return { tables, problems };
}

type Report = (line: number, message: string) => void;

export function looksLikeText(text: string): boolean {
  if (text.includes("\u0000")) return false;
  const sample = text.slice(0, 20000);
  let bad = 0;
  for (const ch of sample) if (ch === "\ufffd" || isControl(ch.charCodeAt(0))) bad++;
  return bad <= sample.length * 0.01;
}

/** C0 control characters other than TAB, LF, VT, FF and CR do not occur in text documents. */
function isControl(code: number): boolean {
  return (code >= 1 && code <= 8) || (code >= 14 && code <= 31);
}

interface Header {
  columns: Column[];
  /** The field each cell position fills, null for a column that could not be recognised. */
  slots: (FieldKey | null)[];
  reading: ColumnReading[];
  /** Index of the first data cell. */
  bodyStart: number;
}

function readBlock(
  block: TextBlock,
  source: string,
  vocabulary: HeaderVocabulary,
  report: Report,
  earlier: readonly Table[]
): Table | null {
  const header = readHeader(block.cells, vocabulary, report);
  if (!header) return null;
  const title = block.title;
  const drafts = readRows(block.cells.slice(header.bodyStart), header, report);
  const keys = header.columns.map((c) => c.key);
  fillDownMerged(drafts, keys, vocabulary);
  const rows: Row[] = drafts.map((d, i) => ({
    row: i + 1,
    seq: d.seq,
    line: d.line,
    section: d.section,
    fields: d.fields,
    merged: d.merged,
  }));
  if (rows.length === 0)
    report(block.endLine, `表格「${title || "无标题"}」只有表头，没有数据行。`);
  return {
    id: uniqueTableId(
      vocabulary.tableIdFor(title),
      earlier.map((t) => t.id)
    ),
    title,
    planYear: planYearOf(title),
    columns: header.columns,
    reading: header.reading,
    note: block.note,
    source,
    rows,
  };
}

/** Header row 1 runs up to the first blank line; a group header (阶段性目标) brings a second row. */
function readHeader(
  cells: readonly TextCell[],
  vocabulary: HeaderVocabulary,
  report: Report
): Header | null {
  const firstEnd = nextRowBreak(cells, 0);
  const row1 = cells.slice(0, firstEnd);
  const matches = row1.map((c) => vocabulary.match(c.text));
  if (!matches.some((m) => m.kind !== "unknown")) {
    report(
      cells[0]?.line ?? 0,
      `无法识别表头：第一行「${row1.map((c) => compactHeader(c.text)).join("｜")}」中没有已知的列名（如 序号、牵头单位、分管领导）。`
    );
    return null;
  }
  const hasGroup = matches.some((m) => m.kind === "group");
  const secondEnd = hasGroup ? nextRowBreak(cells, firstEnd) : firstEnd;
  const row2 = cells.slice(firstEnd, secondEnd);
  const heads: HeaderCell[] = [];
  let below = 0;
  row1.forEach((cell, i) => {
    const title = compactHeader(cell.text);
    const m = matches[i];
    if (m.kind === "spanning") {
      for (const c of m.columns)
        heads.push({ title: c.title, group: title, match: { kind: "column", key: c.key } });
      below++;
    } else if (m.kind === "group") {
      let taken = 0;
      while (below < row2.length) {
        const sub = vocabulary.match(row2[below].text);
        if (sub.kind !== "column" || !m.keys.includes(sub.key)) break;
        heads.push({ title: compactHeader(row2[below].text), group: title, match: sub });
        below++;
        taken++;
      }
      if (taken === 0) report(cell.line, `表头「${title}」下面没有找到分列（如 一季度、二季度）。`);
    } else {
      heads.push({ title, group: null, match: m });
      below++;
    }
  });
  const resolved = resolveColumns(heads);
  for (const message of readingProblems(resolved.reading)) report(row1[0].line, message);
  return {
    columns: resolved.columns,
    slots: resolved.slots,
    reading: resolved.reading,
    bodyStart: secondEnd,
  };
}

function nextRowBreak(cells: readonly TextCell[], from: number): number {
  let i = from + 1;
  while (i < cells.length && !cells[i].afterBlank && !cells[i].lostSeq) i++;
  return Math.min(i, cells.length);
}

interface Draft extends DraftRow {
  seq: string | null;
  line: number;
}

function readRows(cells: readonly TextCell[], header: Header, report: Report): Draft[] {
  const numbered = header.slots[0] === "seq";
  const width = header.slots.length;
  const grouped: { cells: TextCell[]; section: string | null }[] = [];
  let section: string | null = null;
  let current: TextCell[] | null = null;
  let inSectionRow = false;

  for (const cell of cells) {
    const startsRow =
      current === null ||
      cell.lostSeq ||
      (cell.afterBlank &&
        (numbered
          ? SEQ_TEXT.test(cell.text) || HEADING_TEXT.test(cell.text)
          : HEADING_TEXT.test(cell.text) ||
            current.length >= width ||
            (cell.text.trim() === "" && current.length >= width - 1)));
    if (!startsRow && current) {
      if (inSectionRow)
        report(
          cell.line,
          `分节行「${section}」后面还有内容「${cell.text.trim().slice(0, 20)}」，未读取。`
        );
      else current.push(cell);
      continue;
    }
    inSectionRow = numbered && !cell.lostSeq && HEADING_TEXT.test(cell.text);
    if (inSectionRow) {
      section = cell.text.trim();
      current = [];
      continue;
    }
    current = [cell];
    grouped.push({ cells: current, section });
  }
  return grouped.map((g) => toDraft(g.cells, g.section, header, numbered, report));
}

function toDraft(
  cells: TextCell[],
  section: string | null,
  header: Header,
  numbered: boolean,
  report: Report
): Draft {
  const first = cells[0];
  const hasSeq = numbered && !first.lostSeq;
  const seq = hasSeq ? first.text.trim() : null;
  const body = hasSeq ? cells.slice(1) : cells;
  let slots = numbered ? header.slots.slice(1) : header.slots;
  // A vertically merged 涉及领域 is usually left out of the rows it continues into.
  const domainAt = slots.indexOf("domain");
  if (
    first.lostSeq &&
    domainAt === 0 &&
    body.length < slots.length &&
    !DOMAIN_TEXT.test(body[0]?.text ?? "")
  ) {
    slots = slots.slice(1);
  }
  const fields: Fields = {};
  body.forEach((cell, i) => {
    const key = slots[i];
    if (i >= slots.length) {
      report(
        cell.line,
        `这一行的单元格比表头多（多出「${cell.text.trim().slice(0, 20)}」），多出的内容未读取。`
      );
    } else if (key) {
      fields[key] = cell.text;
    }
  });
  if (slots.length - body.length >= 2) {
    report(
      first.line,
      `这一行不完整：应有 ${slots.length} 列，只读到 ${body.length} 列，可能被截断。`
    );
  }
  for (const key of header.columns.map((c) => c.key)) if (key !== "seq") fields[key] ??= "";
  return { seq, line: first.line, section, fields, merged: [] };
}
