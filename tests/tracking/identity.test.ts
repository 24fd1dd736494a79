import {
  identityKey,
  matchRows,
  parseIdentityKey,
  rowIdentity,
} from "../../src/core/tracking/identity";
import type { Row } from "../../src/core/table/schema";
import { seedTable } from "../support/seeds";

const city = seedTable("city");
const district = seedTable("district");
const ids = (rows: readonly Row[], table = "city") => rows.map((r) => rowIdentity(table, r));

describe("row identity", () => {
  test("ignores spacing and full-width forms, not wording", () => {
    const row = city.rows[0];
    const respaced: Row = {
      ...row,
      fields: { ...row.fields, task: ` ${row.fields.task?.replace(/。/, " 。\n")}` },
    };
    expect(rowIdentity("city", respaced)).toEqual(rowIdentity("city", row));
    const reworded: Row = { ...row, fields: { ...row.fields, task: `${row.fields.task}（修订）` } };
    expect(rowIdentity("city", reworded).text).not.toBe(rowIdentity("city", row).text);
  });

  test("round-trips through its cell text", () => {
    for (const row of [city.rows[3], district.rows[5]]) {
      const id = rowIdentity("t|x", row);
      expect(parseIdentityKey(identityKey(id))).toEqual(id);
    }
    expect(parseIdentityKey("区重点工作 第5行")).toBeNull();
    expect(parseIdentityKey('["a",1,"b"]')).toBeNull();
  });
});

describe("matching earlier rows to current ones", () => {
  test("follows reordered, inserted and removed rows", () => {
    const before = city.rows.slice(0, 6);
    const inserted: Row = { ...city.rows[10], seq: null };
    // Row 3 (index 2) removed, rows 5 and 6 swapped, a new row put first.
    const after = [inserted, before[0], before[1], before[3], before[5], before[4]];
    expect(matchRows(ids(before), ids(after))).toEqual([null, 0, 1, 3, 5, 4]);
  });

  test("follows renumbered rows by their text", () => {
    const before = city.rows.slice(0, 4);
    const renumbered = before.slice(1).map((r, i) => ({ ...r, seq: String(i + 1) }));
    expect(matchRows(ids(before), ids(renumbered))).toEqual([1, 2, 3]);
  });

  test("takes a row whose text was edited under the same 序号 for the same row", () => {
    const before = city.rows.slice(0, 3);
    const edited = {
      ...before[1],
      fields: { ...before[1].fields, detail: "改写后的工作明细，年底前完成。" },
    };
    expect(matchRows(ids(before), ids([before[0], edited, before[2]]))).toEqual([0, 1, 2]);
  });

  test("matches rows without 序号 by text only, never two rows to one", () => {
    const before = district.rows.filter((r) => r.seq === null).slice(0, 3);
    const edited = { ...before[0], fields: { ...before[0].fields, detail: "另写的内容" } };
    expect(
      matchRows(ids(before, "district"), ids([before[2], edited, before[1]], "district"))
    ).toEqual([2, null, 1]);
  });

  test("keeps tables apart", () => {
    const row = city.rows[0];
    expect(matchRows([rowIdentity("city", row)], [rowIdentity("key", row)])).toEqual([null]);
  });
});
