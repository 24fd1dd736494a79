import { syntheticDocument, syntheticTables } from "../../bench/synthetic";
import { parseDeadlines } from "../../src/core/deadline";
import { parseNoteReference } from "../../src/core/rules/xref/note";
import type { Table } from "../../src/core/table/schema";
import { seedTable, seedTables } from "../support/seeds";

const doc = syntheticDocument(1_000);
const tables = syntheticTables(doc);
const table = (id: string): Table => tables.find((t) => t.id === id) as Table;

const share = (rows: Table["rows"], test: (r: Table["rows"][number]) => boolean) =>
  rows.filter(test).length / rows.length;

describe("synthetic breakdown tables from the seeds' vocabulary", () => {
  test("the real parser reads back exactly the rows asked for, in the four seed tables", () => {
    expect(tables.map((t) => t.id)).toEqual(seedTables().map((t) => t.id));
    expect(tables.reduce((n, t) => n + t.rows.length, 0)).toBe(1_000);
    expect(Object.fromEntries(tables.map((t) => [t.id, t.rows.length]))).toEqual(doc.perTable);
    // The key-task list keeps its four rows; the other tables grow in the seeds' proportion.
    expect(doc.perTable.key).toBe(4);
    expect(doc.perTable.district / doc.perTable.city).toBeCloseTo(106 / 26, 1);
  });

  test("the same size and seed give the same document; another seed another one", () => {
    expect(syntheticDocument(1_000).text).toBe(doc.text);
    expect(syntheticDocument(1_000, 7).text).not.toBe(doc.text);
  });

  test("lost 序号 and missing deadlines come in the seeds' proportion", () => {
    const lost = (t: Table) => share(t.rows, (r) => r.seq === null);
    expect(lost(table("district"))).toBeCloseTo(lost(seedTable("district")), 1);
    const undated = (t: Table) =>
      share(
        t.rows.filter((r) => !r.merged.includes("detail")),
        (r) => !parseDeadlines(r.fields.detail ?? "", 2022).hasDeadline
      );
    for (const id of ["city", "district"]) {
      expect(Math.abs(undated(table(id)) - undated(seedTable(id)))).toBeLessThan(0.05);
    }
  });

  test("names keep the seeds' spellings: run-together leaders, spaced names, short unit names", () => {
    const leaders = new Set(tables.flatMap((t) => t.rows.map((r) => r.fields.leader ?? "")));
    expect(leaders).toContain("薛　彤罗振胜");
    expect([...leaders].some((l) => l.includes("薛  彤"))).toBe(true);
    const units = table("district").rows.map((r) => r.fields.lead ?? "");
    expect(units).toContain("发展改革委");
  });

  test("+C18 residue and doubled words are kept rare, near the seeds' one row in 170", () => {
    const cells = tables.flatMap((t) => t.rows.map((r) => r.fields.detail ?? ""));
    const residue = cells.filter((c) => /\+C\d+/.test(c)).length;
    const doubled = cells.filter((c) => /([\u4e00-\u9fff]{2,4})\1/.test(c)).length;
    for (const n of [residue, doubled]) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(20);
    }
  });

  test("prose varies from row to row, so caches keyed by cell text gain little", () => {
    const details = tables.flatMap((t) =>
      t.rows.filter((r) => !r.merged.includes("detail")).map((r) => r.fields.detail)
    );
    // Plain copies of the 170 seed rows would give about 0.17; short details such as
    // 年底前完成。 repeat in real tables too.
    expect(new Set(details).size / details.length).toBeGreaterThan(0.7);
  });

  test("the key table's note points at the city rows its items were copied from", () => {
    const seedItems = parseNoteReference(seedTable("key").note)?.items ?? [];
    const items = parseNoteReference(table("key").note)?.items ?? [];
    expect(seedItems).toEqual([2, 8, 13, 26]);
    expect(items).toHaveLength(4);
    items.forEach((item, i) => {
      const row = table("city").rows.find((r) => r.seq === String(item));
      const seedRow = seedTable("city").rows.find((r) => r.seq === String(seedItems[i]));
      expect(row?.fields.task).toBe(seedRow?.fields.task);
    });
  });
});
