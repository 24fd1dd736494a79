import columns from "../../seeds/columns.json";
import { prng } from "../../bench/synthetic";
import { readGridTable } from "../../src/core/grid/gridTable";
import type { CellValue, Grid, MergedArea } from "../../src/core/grid/schema";
import { generateSheets, type GenerateParts } from "../../src/core/outputs/generate";
import type { PlacedTable } from "../../src/core/outputs/validationSheets";
import { buildPatch } from "../../src/core/patch/build";
import { defaultRoster } from "../../src/core/roster";
import { seedTables } from "../support/seeds";

/**
 * Issue 18: generated grids — random merges, empty rows, odd headers, long cells, error values,
 * hostile strings — through the reader, the rules and the patch builder, with zero exceptions.
 * Seeded: every run reads the same grids, and a failure names the grid that caused it.
 */

const GRIDS = 10_000;
const SEED = 18;
const roster = defaultRoster();

/** Header titles the vocabulary knows, and titles it does not. */
const TITLES: string[] = [
  ...(columns as { columns: Array<{ titles: string[] }> }).columns.flatMap((c) => c.titles),
  "",
  " ",
  "序号序号",
  "牵头 单位",
  "备注",
  "#REF!",
  "=SUM(A1:A9)",
  "完成时限".repeat(50),
];

/** Every cell text of the seed tables: real sentences, names and numbers. */
const SEED_TEXTS = seedTables().flatMap((t) =>
  t.rows.flatMap((r) => Object.values(r.fields).filter((v): v is string => !!v))
);

const HOSTILE: CellValue[] = [
  "#REF!",
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "+C18",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "<script>alert(1)</script>",
  "'; DROP TABLE 单位;--",
  "\u0000\u0007\u001b",
  "\uD800",
  "\u202E区发展改革委",
  "👩‍👩‍👧区教育局",
  "　　",
  " \t\n ",
  "、、、；；，",
  "1、2、3、",
  "一、",
  "（一）",
  "①②③",
  "2022年13月45日前",
  0,
  -1,
  1e308,
  Number.MIN_VALUE,
  44_834,
  true,
  false,
  null,
];

/**
 * Cells at and past Excel's limit. Each costs the rules a good part of a second (names are
 * segmented character by character), so one grid in LONG_EVERY holds one.
 */
const LONG: CellValue[] = ["年底前完成完成".repeat(4_700), "区".repeat(40_000), "a".repeat(32_767)];
const LONG_EVERY = 500;

function gridOf(rnd: () => number, n: number): Grid {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const width = 1 + Math.floor(rnd() * 10);
  const height = Math.floor(rnd() * 14);
  const values: CellValue[][] = [];
  if (rnd() < 0.7)
    values.push([
      pick(["", "2022年重点工作责任分解表", pick(SEED_TEXTS)]),
      ...Array<CellValue>(width - 1).fill(null),
    ]);
  for (let h = 0; h < 1 + Math.floor(rnd() * 2); h++)
    values.push(Array.from({ length: width }, () => (rnd() < 0.9 ? pick(TITLES) : pick(HOSTILE))));
  for (let r = 0; r < height; r++) {
    const empty = rnd() < 0.1;
    values.push(
      Array.from({ length: width }, (_, c): CellValue => {
        if (empty) return null;
        const x = rnd();
        if (x < 0.25) return null;
        if (x < 0.8) return pick(SEED_TEXTS);
        if (x < 0.85 && c === 0) return r + 1;
        return pick(HOSTILE);
      })
    );
  }
  if (n % LONG_EVERY === 0 && values.length > 1) {
    const row = values[values.length - 1];
    row[Math.floor(rnd() * width)] = LONG[(n / LONG_EVERY) % LONG.length];
  }
  const top = pick([0, 0, 1, 3, 1_048_000]);
  const left = pick([0, 0, 1, 5]);
  const merges: MergedArea[] = [];
  for (let m = 0; m < Math.floor(rnd() * 4); m++) {
    const row = top + Math.floor(rnd() * Math.max(1, values.length));
    const col = left + Math.floor(rnd() * width);
    merges.push({
      row,
      col,
      rowCount: 1 + Math.floor(rnd() * 4),
      colCount: 1 + Math.floor(rnd() * 3),
    });
  }
  return {
    sheet: `表${n}`,
    top,
    left,
    values,
    numberFormats: values.map((row) => row.map(() => pick(["General", "@", "yyyy-mm-dd", "0.00"]))),
    merges,
    hiddenColumns: rnd() < 0.1 ? [left] : [],
  };
}

test(`${GRIDS.toLocaleString("en-US")} generated grids: read, checked and patched without an exception`, () => {
  const rnd = prng(SEED);
  let tables = 0;
  let batch: PlacedTable[] = [];
  const failures: string[] = [];
  const run = (n: number, work: () => void) => {
    try {
      work();
    } catch (error) {
      failures.push(`grid ${n}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  };
  for (let n = 0; n < GRIDS; n++) {
    const grid = gridOf(rnd, n);
    run(n, () => {
      const read = readGridTable(grid);
      if (!read.table) return;
      tables++;
      batch.push({ table: read.table, layout: read.layout });
    });
    // Tables are checked ten at a time (cross-table rules see each other) and every part of
    // the patch is built.
    if (batch.length === 10 || n === GRIDS - 1) {
      const placed = batch;
      batch = [];
      const parts: GenerateParts = {
        check: true,
        units: n % 20 < 10 ? "unit" : "leader",
        summary: true,
      };
      run(n, () => {
        const generated = generateSheets({
          placed,
          roster,
          tracking: { checkDate: "2022-09-30", reference: "checkDate" },
          existing: placed.map((p) => ({ name: p.layout.sheet, generated: null })),
          parts,
        });
        // The schema check costs more than the rest together: every tenth patch gets it.
        if (n % 100 === 99) buildPatch(generated.sheets);
      });
    }
  }
  expect(failures.slice(0, 3)).toEqual([]);
  // The generator is not so hostile that nothing reads as a table.
  expect(tables).toBeGreaterThan(GRIDS / 10);
});
