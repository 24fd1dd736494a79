import { buildUnitSheets } from "../../src/core/outputs/unitSheets";
import { defaultRoster } from "../../src/core/roster";
import { learnRoster } from "../../src/core/roster/learn";
import { splitNames } from "../../src/core/roster/split";
import { validate } from "../../src/core/rules";
import { rolesIn } from "../../src/core/tracking/assign";
import { realMaster } from "../support/realMaster";
import { realTableIds } from "../support/realTables";

/**
 * Collectives a table writes among its units (区级相关部门, 区直各部门, 各相关单位, 各街道办事处 …)
 * stand for several units and name none: they are groups whatever the 名册, not units unknown to
 * it. Seeded 名册 is 津南区's, which lists none of these places' collectives; a 名册 learned from
 * the table takes them for groups too. Written by hand from the sources: where each is printed.
 */
const COLLECTIVES: Record<string, string[]> = {
  "guandu-2016-list": ["区级相关部门", "各街道办事处"],
  "lishan-2023-list": ["各街道", "区直各部门", "各相关单位"],
  "shangcheng-2019-targets": ["各街道办事处"],
  "chuzhou-2020-list": ["各县、市、区政府"],
  "jiayu-2021-list": ["各镇人民政府"],
};

const roster = defaultRoster();
const unitParts = async (id: string) => {
  const { table } = await realMaster(id);
  return table.rows.flatMap((row) =>
    (["lead", "coop"] as const).flatMap(
      (key) => splitNames(row.fields[key] ?? "", roster, "unit").parts
    )
  );
};

describe.each(Object.entries(COLLECTIVES))("%s", (id, collectives) => {
  test("its collectives are read as groups, not as units", async () => {
    const parts = await unitParts(id);
    const read = collectives.map((name) => [
      name,
      [...new Set(parts.filter((p) => p.text === name).map((p) => p.status))],
    ]);
    expect(read).toEqual(collectives.map((name) => [name, ["group"]]));
  });

  test("校验 does not report them as units unknown to the 名册", async () => {
    const { table } = await realMaster(id);
    const named = validate([table], { roster })
      .issues.filter((i) => i.rule === "unit.unknown")
      .map((i) => i.evidence);
    expect(named.filter((n) => collectives.includes(n))).toEqual([]);
  });

  test("no unit sheet, no role in a task, for a collective", async () => {
    const master = await realMaster(id);
    const named = master.table.rows.flatMap((row) => [
      ...rolesIn(master.table, row, "unit", roster).keys(),
    ]);
    expect(named.filter((n) => collectives.includes(n))).toEqual([]);
    const sheets = buildUnitSheets([master], { checkDate: "2023-09-30", roster }).sheets.map(
      (s) => s.sheet
    );
    expect(sheets.filter((s) => collectives.some((c) => s === `单位-${c}`))).toEqual([]);
  });

  test("a 名册 learned from the table lists them as groups", async () => {
    const { table } = await realMaster(id);
    const { entries } = learnRoster([table]);
    const kinds = collectives.map((name) => [
      name,
      entries.filter((e) => e.name === name).map((e) => e.kind),
    ]);
    expect(kinds).toEqual(collectives.map((name) => [name, ["group"]]));
  });
});

test("立山区 item 3: 立山经济开发区 still cooperates beside 各街道 and 区直各部门", async () => {
  const master = await realMaster("lishan-2023-list");
  const row = master.table.rows.find((r) => r.seq === "3.");
  if (!row) throw new Error("立山区 item 3 not read");
  expect(row.fields.coop).toBe("立山经济开发区,各街道、区直各部门");
  expect([...rolesIn(master.table, row, "unit", roster)]).toEqual([
    ["区发改局", { role: "lead", via: null }],
    ["立山经济开发区", { role: "coop", via: null }],
  ]);
});

test("nothing else the corpus writes in a unit cell is taken for a collective", async () => {
  const others: string[] = [];
  for (const id of realTableIds())
    for (const part of await unitParts(id))
      if (part.status === "group" && !(COLLECTIVES[id] ?? []).includes(part.text))
        others.push(`${id}: ${part.text}`);
  expect(others).toEqual([]);
});
