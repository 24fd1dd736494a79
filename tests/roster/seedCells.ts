import { readFileSync } from "fs";
import { join } from "path";

/**
 * Test-only reader of the leader and unit cells of the seed tables, independent of the
 * product's parser: every cell starts with a TAB; lines without a TAB continue the cell.
 * Columns are found by position, which each table's layout fixes (see DESIGN.md).
 */
export type SeedTableId = "city" | "key" | "district" | "minxin";
export type NameField = "leader" | "lead" | "coop";

export interface SeedNameCell {
  table: SeedTableId;
  /** 1-based data-row position in its table. */
  row: number;
  field: NameField;
  text: string;
}

const SEEDS = join(__dirname, "..", "..", "seeds");

interface Cell {
  text: string;
  /** The line began with a space and a TAB: a row whose 序号 was lost. */
  rowStart: boolean;
}

function cellsOf(lines: string[]): Cell[] {
  const cells: Cell[] = [];
  for (const line of lines) {
    const tab = /^ ?\t/.exec(line);
    if (tab) cells.push({ text: line.slice(tab[0].length), rowStart: tab[0] === " \t" });
    else if (cells.length > 0) cells[cells.length - 1].text += "\n" + line;
  }
  return cells.map((c) => ({ ...c, text: c.text.replace(/\s+$/, "") }));
}

/** Splits a file's lines at the 附件N lines; a table chunk ends at its closing note (注：). */
function attachments(lines: string[]): string[][] {
  const chunks: string[][] = [[]];
  for (const line of lines) {
    if (/^\s*附件\d\s*$/.test(line)) chunks.push([]);
    else chunks[chunks.length - 1].push(line);
  }
  return chunks.slice(1).map((chunk) => {
    const note = chunk.findIndex((l) => l.startsWith("注："));
    return note < 0 ? chunk : chunk.slice(0, note);
  });
}

function readLines(file: string): string[] {
  return readFileSync(join(SEEDS, file), "utf8").split(/\r?\n/);
}

const isSeq = (text: string) => /^\d+$/.test(text);

/** Rows of 序号 | 市政府重点工作 | 明细 | 市责任单位 | 分管区领导 | 牵头单位. */
function cityRows(table: SeedTableId, lines: string[]): SeedNameCell[] {
  const rows: Cell[][] = [];
  for (const cell of cellsOf(lines)) {
    if (isSeq(cell.text) || rows.length === 0) rows.push([]);
    rows[rows.length - 1].push(cell);
  }
  return rows.slice(1).flatMap((cells, i) => {
    if (cells.length !== 6) throw new Error(`${table} row ${i + 1}: ${cells.length} cells`);
    return [
      { table, row: i + 1, field: "leader" as const, text: cells[4].text },
      { table, row: i + 1, field: "lead" as const, text: cells[5].text },
    ];
  });
}

/**
 * Rows of 序号 | 涉及领域 | 重点工作 | 明细 | 分管领导 | 牵头单位 | 配合单位, under section rows (一、…).
 * A row without 序号 leaves out its 涉及领域 unless it starts a new one (2．…); 配合单位 may be left out.
 */
function districtRows(lines: string[]): SeedNameCell[] {
  const rows: Cell[][] = [];
  for (const cell of cellsOf(lines)) {
    const section = /^[一二三四五六七八九十]+、/.test(cell.text);
    if (cell.rowStart || isSeq(cell.text) || section || rows.length === 0) rows.push([]);
    rows[rows.length - 1].push(cell);
  }
  const data = rows.filter((cells) => cells.length > 1 && cells[0].text !== "序号");
  return data.flatMap((cells, i) => {
    const rest = isSeq(cells[0].text)
      ? cells.slice(2)
      : cells.slice(/^\d+．/.test(cells[0].text) ? 1 : 0);
    if (rest.length < 4 || rest.length > 5)
      throw new Error(`district row ${i + 1}: ${rest.length} cells`);
    const [, , leader, lead, coop] = rest;
    const out: SeedNameCell[] = [
      { table: "district", row: i + 1, field: "leader", text: leader.text },
      { table: "district", row: i + 1, field: "lead", text: lead.text },
    ];
    if (coop) out.push({ table: "district", row: i + 1, field: "coop", text: coop.text });
    return out;
  });
}

/** Rows of 类别 | 市级任务 | 具体工作 | 一季度 … 四季度 | 责任单位, after a two-row header; every cell is written. */
function minxinRows(lines: string[]): SeedNameCell[] {
  const cells = cellsOf(lines);
  const data = cells.slice(cells.findIndex((c) => c.text === "四季度") + 2);
  if (data.length % 8 !== 0) throw new Error(`minxin: ${data.length} cells`);
  const out: SeedNameCell[] = [];
  for (let i = 0; i < data.length; i += 8) {
    out.push({ table: "minxin", row: i / 8 + 1, field: "lead", text: data[i + 7].text });
  }
  return out;
}

let cached: SeedNameCell[] | undefined;

/** Every 分管领导 / 牵头单位 / 责任单位 / 配合单位 cell of the seeds, as written (empty cells included). */
export function seedNameCells(): SeedNameCell[] {
  if (!cached) {
    const [city, key, district] = attachments(readLines("000_867c357d3391b2e7.txt"));
    cached = [
      ...cityRows("city", city),
      ...cityRows("key", key),
      ...districtRows(district),
      ...minxinRows(readLines("003_4a3e803327059358.txt")),
    ];
  }
  return cached;
}
