import { readFileSync } from "fs";
import { join } from "path";
import { parseDeadlines } from "../src/core/deadline";
import type { Grid } from "../src/core/grid/schema";
import { buildImportSheet } from "../src/core/outputs/importSheet";
import { parseSeedText } from "../src/core/parse/seedText";
import { readTextBlocks, splitLines } from "../src/core/parse/textCells";
import { defaultHeaderVocabulary } from "../src/core/parse/vocabulary";
import type { SheetOpInput } from "../src/core/patch/schema";
import { figuresIn } from "../src/core/rules/figure/figures";
import type { FieldKey, Row, Table } from "../src/core/table/schema";
import { gridOfSheetOp } from "../tests/support/sheetGrid";

/**
 * Synthetic breakdown tables of any size, made of the seed documents' own words.
 *
 * The four seed tables (city 26 rows, key 4, district 106, 民心工程 34) are stretched: each seed
 * row becomes a run of rows in the same place (same section, 涉及领域 or 类别, same merged and
 * lost-序号 layout), so the document keeps the seeds' structure and their defects in the seeds'
 * proportion — lost 序号, aliases, run-together and spaced names come with the 分管领导 and
 * unit cells, which are drawn from the same column of the same seed table; missing, open-ended
 * and late deadlines come with the sentences that carry time expressions, which stay with their
 * row. Prose varies from row to row (sentences and clauses without a figure or a time
 * expression are exchanged between rows), so caches keyed by cell text cannot make a large
 * table look cheaper than it is. +C18 residue and doubled words are rare in the seeds (one row
 * of 170 each) and are injected at the rate measured there. The key table stays at its four
 * rows (a list of key tasks does not grow with the plan) and its note points at the city rows
 * it was copied from. Deterministic: the same size and seed give the same document.
 */

const SEED_DIR = join(__dirname, "..", "seeds");
const SEED_FILES = ["000_867c357d3391b2e7.txt", "003_4a3e803327059358.txt"] as const;
/** The checks' plan year; time expressions are looked for in it. */
const PLAN_YEAR = 2022;
/** How often a free sentence or clause is swapped for another, and another one added. */
const SWAP_RATE = 0.5;
const ADD_RATE = 0.5;

const RESIDUE = /[+=＋＝][A-Za-z]{1,3}[0-9]{1,7}/;
const DOUBLED = /([\u4e00-\u9fff]{2,4})\1/;
/** Sentences of a detail or goal cell (the terminator and a line break kept with each). */
const SENTENCE = /[^。；;\n]+[。；;]?\n?/g;
/** Clauses of a task: split at commas too. */
const CLAUSE = /[^。；;，,\n]+[。；;，,]?\n?/g;

/** mulberry32: a small seeded PRNG, enough to draw rows reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedTable {
  table: Table;
  /** The printed lines from the title to the end of the header, verbatim. */
  headerLines: string[];
  /** The table has a 序号 column (the 民心工程 table has none: its rows start with 类别). */
  numbered: boolean;
}

/** What a synthetic row may be made of, per seed table. */
interface Pools {
  /** Own (not merged) cells of name columns, as written, defects and all. */
  names: Partial<Record<FieldKey, string[]>>;
  /** Sentences (detail, quarter goals) and task clauses with no figure and no time expression. */
  sentences: string[];
  clauses: string[];
}

/** Seed-document statistics the generator reproduces. */
export interface SeedRates {
  rows: number;
  residueRows: number;
  doubledRows: number;
}

interface Seeds {
  tables: SeedTable[];
  pools: Map<string, Pools>;
  rates: SeedRates;
}

let seedCache: Seeds | undefined;

function loadSeeds(): Seeds {
  if (seedCache) return seedCache;
  const vocabulary = defaultHeaderVocabulary();
  const tables: SeedTable[] = [];
  for (const file of SEED_FILES) {
    const text = readFileSync(join(SEED_DIR, file), "utf8");
    const lines = splitLines(text);
    const parsed = parseSeedText(text, file);
    if (parsed.problems.length > 0) throw new Error(`seed ${file}: ${parsed.problems[0].message}`);
    const blocks = readTextBlocks(lines, (cell) => vocabulary.isTitle(cell));
    for (const table of parsed.tables) {
      const block = blocks.find((b) => b.title === table.title);
      if (!block) throw new Error(`seed ${file}: no text block for ${table.title}`);
      tables.push({
        table,
        headerLines: headerLines(lines, block.titleLine, table),
        numbered: table.columns[0]?.key === "seq",
      });
    }
  }
  const rows = tables.flatMap((t) => t.table.rows);
  const text = (r: Row) => Object.values(r.fields).join("\n");
  seedCache = {
    tables,
    pools: new Map(tables.map((t) => [t.table.id, pools(t.table)])),
    rates: {
      rows: rows.length,
      residueRows: rows.filter((r) => RESIDUE.test(text(r))).length,
      doubledRows: rows.filter((r) => DOUBLED.test(text(r))).length,
    },
  };
  return seedCache;
}

/** From the title line down to the line before the first section or data row, trailing blanks dropped. */
function headerLines(lines: readonly string[], titleLine: number, table: Table): string[] {
  const first = table.rows[0];
  let end = first.line - 1; // 0-based index of the first data row's line
  if (first.section !== null) {
    const at = lines.lastIndexOf(`\t${first.section}`, end);
    if (at >= titleLine) end = at;
  }
  const out = lines.slice(titleLine - 1, end);
  while (out.length > 0 && out[out.length - 1].trim() === "") out.pop();
  return out;
}

const freeCache = new Map<string, boolean>();

/** A sentence with a figure or a time expression belongs to its row; anything else may move. */
function free(piece: string): boolean {
  let known = freeCache.get(piece);
  if (known === undefined) freeCache.set(piece, (known = isFree(piece.trim())));
  return known;
}

function isFree(t: string): boolean {
  return (
    t.length >= 6 &&
    /[。；;，,]$/.test(t) &&
    figuresIn(t).length === 0 &&
    parseDeadlines(t, PLAN_YEAR).milestones.length === 0 &&
    !RESIDUE.test(t) &&
    !DOUBLED.test(t)
  );
}

function pieces(text: string, pattern: RegExp): string[] {
  return text.match(pattern) ?? [];
}

const NAME_KEYS: FieldKey[] = ["leader", "lead", "coop", "cityUnit"];
const SENTENCE_KEYS: FieldKey[] = ["detail", "q1", "q2", "q3", "q4"];

function pools(table: Table): Pools {
  const own = (key: FieldKey) =>
    table.rows.filter((r) => !r.merged.includes(key)).map((r) => r.fields[key] ?? "");
  const names: Pools["names"] = {};
  for (const key of NAME_KEYS) {
    const cells = own(key).filter((c) => c.trim() !== "");
    if (cells.length > 0) names[key] = cells;
  }
  const sentences = SENTENCE_KEYS.flatMap(own).flatMap((c) => pieces(c, SENTENCE));
  const clauses = own("task").flatMap((c) => pieces(c, CLAUSE));
  return {
    names,
    sentences: sentences.filter((s) => /[。；;]$/.test(s.trim()) && free(s)).map(endLine),
    clauses: clauses.filter((s) => /[，,]$/.test(s.trim()) && free(s)).map((s) => s.trim()),
  };
}

/** A moved sentence ends its line only where the one it replaces did. */
function endLine(s: string): string {
  return s.replace(/\n$/, "");
}

/** Varies a cell: free pieces are swapped w.p. SWAP_RATE; more are put in, each w.p. ADD_RATE. */
function vary(text: string, pattern: RegExp, pool: readonly string[], rnd: () => number): string {
  if (pool.length === 0 || text.trim() === "") return text;
  const parts = pieces(text, pattern);
  const pick = () => pool[Math.floor(rnd() * pool.length)];
  const out = parts.map((p) => {
    if (!free(p) || rnd() >= SWAP_RATE) return p;
    return pick() + (p.endsWith("\n") ? "\n" : "");
  });
  // Never after the last piece: the cell keeps its closing 。
  while (rnd() < ADD_RATE) out.splice(Math.floor(rnd() * out.length), 0, pick());
  return out.join("");
}

/**
 * Restates some figures (达到530家 → 达到612家) where no quarter goals must add up to them, so
 * that rows stretched from the same seed row do not repeat its detail word for word.
 */
function restateFigures(text: string, rnd: () => number): string {
  let out = "";
  let at = 0;
  for (const figure of figuresIn(text)) {
    const digits = /\d+(?:\.\d+)?/.exec(text.slice(figure.index, figure.end));
    if (!digits || rnd() >= SWAP_RATE) continue;
    const start = figure.index + digits.index;
    const decimals = digits[0].split(".")[1]?.length ?? 0;
    const value = Number(digits[0]) * (0.5 + rnd());
    out += text.slice(at, start) + Math.max(1, value).toFixed(decimals);
    at = start + digits[0].length;
  }
  return out + text.slice(at);
}

function clean(text: string): string {
  return text
    .replace(new RegExp(RESIDUE.source, "g"), "")
    .replace(new RegExp(DOUBLED.source, "g"), "$1");
}

/** 积极与市水务局+C18协调: what a spreadsheet paste leaves behind. */
function injectResidue(text: string, rnd: () => number): string {
  const at = text.search(/[局委办]/);
  const ref = `+C${2 + Math.floor(rnd() * 98)}`;
  return at < 0 ? text + ref : text.slice(0, at + 1) + ref + text.slice(at + 1);
}

/** 年底前完成完成: a two-character word typed twice. */
function injectDoubled(text: string, rnd: () => number): string {
  const starts: number[] = [];
  for (let i = 0; i + 2 <= text.length; i++) {
    if (/^[\u4e00-\u9fff]{2}$/.test(text.slice(i, i + 2))) starts.push(i);
  }
  if (starts.length === 0) return text;
  const i = starts[Math.floor(rnd() * starts.length)];
  return text.slice(0, i + 2) + text.slice(i, i + 2) + text.slice(i + 2);
}

/** How many rows each seed table gets: the key table keeps its 4, the rest share by seed size. */
function shares(total: number, tables: readonly SeedTable[]): Map<string, number> {
  const fixed = tables.filter((t) => t.table.id === "key");
  const rest = tables.filter((t) => t.table.id !== "key");
  const fixedRows = fixed.reduce((n, t) => n + t.table.rows.length, 0);
  const restSeed = rest.reduce((n, t) => n + t.table.rows.length, 0);
  const out = new Map(fixed.map((t) => [t.table.id, t.table.rows.length]));
  let left = total - fixedRows;
  rest.forEach((t, i) => {
    const n =
      i === rest.length - 1
        ? left
        : Math.round(((total - fixedRows) * t.table.rows.length) / restSeed);
    out.set(t.table.id, n);
    left -= n;
  });
  return out;
}

interface SyntheticRow {
  seq: string | null;
  section: string | null;
  /** Cells as written; a merged cell is written empty. */
  cells: Partial<Record<FieldKey, string>>;
  /** Keys written empty because they continue the cell above. */
  merged: Set<FieldKey>;
}

/** The rows of one table, stretched from its seed rows: copy 0 is the seed row itself. */
function stretch(
  seed: SeedTable,
  count: number,
  pool: Pools,
  rates: SeedRates,
  rnd: () => number,
  copyStart: Map<number, number>
): SyntheticRow[] {
  const { table } = seed;
  const keys = table.columns.map((c) => c.key).filter((k) => k !== "seq");
  const n = table.rows.length;
  const quarterly = keys.includes("q4");
  const out: SyntheticRow[] = [];
  table.rows.forEach((row, i) => {
    const copies = Math.floor(((i + 1) * count) / n) - Math.floor((i * count) / n);
    if (copies > 0) copyStart.set(i, out.length);
    for (let c = 0; c < copies; c++) {
      const merged = new Set(row.merged);
      // A run continues its first row's 涉及领域 or 类别, as a vertically merged cell does.
      if (c > 0) for (const k of ["domain", "category"] as const) merged.add(k);
      const cells: SyntheticRow["cells"] = {};
      for (const key of keys) {
        // Copies start clean of the rare defects, which are injected at the seed rate below.
        const own = c === 0 ? (row.fields[key] ?? "") : clean(row.fields[key] ?? "");
        if (merged.has(key)) continue;
        if (c === 0) cells[key] = own;
        else if (key === "task") cells[key] = vary(own, CLAUSE, pool.clauses, rnd);
        else if (SENTENCE_KEYS.includes(key)) {
          cells[key] = vary(own, SENTENCE, pool.sentences, rnd);
          if (key === "detail" && !quarterly) cells[key] = restateFigures(cells[key], rnd);
        } else if (pool.names[key] && own.trim() !== "") {
          const names = pool.names[key] as string[];
          cells[key] = names[Math.floor(rnd() * names.length)];
        } else cells[key] = own;
      }
      if (c > 0 && cells.detail) {
        if (rnd() < rates.residueRows / rates.rows) cells.detail = injectResidue(cells.detail, rnd);
        if (rnd() < rates.doubledRows / rates.rows) cells.detail = injectDoubled(cells.detail, rnd);
      }
      out.push({
        seq: row.seq === null ? null : String(out.length + 1),
        section: row.section,
        cells,
        merged,
      });
    }
  });
  return out;
}

/** Cell text as lines: a cell never holds a blank line in this format (it would end the row). */
function cellLines(prefix: string, text: string): string[] {
  const lines = text.split("\n").filter((l, i) => i === 0 || l.trim() !== "");
  return [prefix + lines[0], ...lines.slice(1)];
}

/** Writes rows in the seed format (see src/core/parse/textCells.ts) onto `out`. */
function writeRows(seed: SeedTable, rows: readonly SyntheticRow[], out: string[]): void {
  const keys = seed.table.columns.map((c) => c.key).filter((k) => k !== "seq");
  let section: string | null = null;
  for (const row of rows) {
    if (seed.numbered && row.section !== section && row.section !== null) {
      out.push(`\t${row.section}`, "");
    }
    section = row.section;
    let lost = seed.numbered && row.seq === null;
    if (seed.numbered && row.seq !== null) out.push(`\t${row.seq}`);
    keys.forEach((key, i) => {
      // A row without 序号 leaves out the 涉及领域 it continues (Word drops the merged cell).
      if (lost && i === 0 && key === "domain" && row.merged.has(key)) return;
      const text = row.merged.has(key) ? "" : (row.cells[key] ?? "");
      out.push(...cellLines(lost ? " \t" : "\t", text));
      lost = false;
    });
    out.push("");
  }
}

export interface SyntheticDocument {
  /** Rows asked for; the parsed tables hold exactly this many. */
  rows: number;
  seed: number;
  source: string;
  text: string;
  /** Rows per seed table id. */
  perTable: Record<string, number>;
}

/**
 * A document in the seed format with `rows` data rows over the four seed tables (key, city,
 * district, 民心工程, as in the seeds). `seed` picks the variation; the structure is fixed.
 */
export function syntheticDocument(rows: number, seed = PLAN_YEAR): SyntheticDocument {
  const seeds = loadSeeds();
  const minimum = seeds.tables.reduce((n, t) => n + t.table.rows.length, 0);
  if (rows < minimum) throw new Error(`at least ${minimum} rows (one per seed row)`);
  const rnd = prng(seed);
  const counts = shares(rows, seeds.tables);
  const built = new Map<string, { rows: SyntheticRow[]; copyStart: Map<number, number> }>();
  for (const t of seeds.tables) {
    const copyStart = new Map<number, number>();
    const stretched = stretch(
      t,
      counts.get(t.table.id) ?? 0,
      seeds.pools.get(t.table.id) as Pools,
      seeds.rates,
      rnd,
      copyStart
    );
    built.set(t.table.id, { rows: stretched, copyStart });
  }
  const lines: string[] = [];
  for (const t of seeds.tables) {
    const { rows: out } = built.get(t.table.id)!;
    lines.push(...t.headerLines, "");
    writeRows(t, out, lines);
    if (t.table.note) lines.push("", renumberNote(t.table.note, seeds, built), "");
    lines.push("", "");
  }
  return {
    rows,
    seed,
    source: `synthetic-${rows}.txt`,
    text: lines.join("\n"),
    perTable: Object.fromEntries(counts),
  };
}

/** 分别对应重点工作责任分解表第2、8、13、26项: the items' numbers where their copies now stand. */
function renumberNote(
  note: string,
  seeds: Seeds,
  built: Map<string, { rows: SyntheticRow[]; copyStart: Map<number, number> }>
): string {
  const city = seeds.tables.find((t) => t.table.id === "city");
  const target = city && built.get("city");
  if (!city || !target) return note;
  return note.replace(/第([0-9、]+)项/, (_, list: string) => {
    const items = list.split("、").map((item) => {
      const index = city.table.rows.findIndex((r) => r.seq === item);
      const at = target.copyStart.get(index);
      return at === undefined ? item : target.rows[at].seq;
    });
    return `第${items.join("、")}项`;
  });
}

/** The seed-document statistics the generator reproduces (for the bench's report). */
export function seedRates(): SeedRates {
  return loadSeeds().rates;
}

/** The document read by the real parser. */
export function syntheticTables(doc: SyntheticDocument): Table[] {
  const parsed = parseSeedText(doc.text, doc.source);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    throw new Error(`synthetic document line ${p.line}: ${p.message}`);
  }
  return parsed.tables;
}

/** The patch 导入 writes for the tables: one sheet each, with the tracking columns. */
export function importOps(tables: readonly Table[], checkDate: string): SheetOpInput[] {
  return tables.map((t) => buildImportSheet(t, undefined, { checkDate }).op);
}

/** The 导入 sheets of the tables as a host would read them back: values, formats and merges. */
export function importGrids(tables: readonly Table[], checkDate: string): Grid[] {
  return importOps(tables, checkDate).map(gridOfSheetOp);
}
