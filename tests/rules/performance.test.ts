import type { Row, Table } from "../../src/core/table/schema";
import { seedTables } from "../support/seeds";
import { check } from "./craft";

/** Digits spelled as letters, so that a row's mark adds no figure, year or date to its text. */
const mark = (n: number) => String(n).replace(/\d/g, (d) => "abcdefghij"[Number(d)]);

/**
 * The seed tables grown to `total` rows, every prose cell made distinct (caches keyed by text
 * must not make the run look cheaper than real tables), leader and unit cells left as they are
 * (real tables repeat a few dozen names).
 */
function grown(total: number): Table[] {
  let n = 0;
  return seedTables().map((table) => {
    const rows: Row[] = [];
    while (rows.length < total / 4) {
      for (const r of table.rows) {
        const fields = { ...r.fields };
        for (const key of ["task", "detail", "q1", "q2", "q3", "q4"] as const) {
          if (fields[key]) fields[key] = `${fields[key]}（${mark(++n)}）`;
        }
        rows.push({
          ...r,
          fields,
          row: rows.length + 1,
          seq: r.seq === null ? null : String(rows.length + 1),
        });
      }
    }
    return { ...table, rows };
  });
}

describe("validate on 50,000 rows", () => {
  test("stays linear: no per-row regex construction, no pairing of rows across tables", () => {
    const tables = grown(50_000);
    const start = process.hrtime.bigint();
    const result = check(tables);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(
      `validate: ${tables.reduce((n, t) => n + t.rows.length, 0)} rows in ${seconds.toFixed(2)} s, ${result.issues.length} issues`
    );
    // Pairing rows across tables would take hours here; the bound leaves room for a busy 2-core machine.
    expect(seconds).toBeLessThan(60);
    expect(result.perTable.map((t) => t.rows)).toEqual(tables.map((t) => t.rows.length));
  }, 120_000);
});
