import { readGridTable } from "../../src/core/grid/gridTable";
import { defaultRoster } from "../../src/core/roster";
import { splitNames } from "../../src/core/roster/split";
import type { Table } from "../../src/core/table/schema";
import { unitRoles } from "../../src/core/tracking/assign";
import { readXlsx } from "../../src/xlsx";
import { loadRealTable, realXlsxPath } from "../support/realTables";

/**
 * Role words inside a unit cell (官渡区 2016: "(区政务服务局牵头,区发改局、区审改办、区住建局、
 * 区级相关部门配合)"): the unit before 牵头 leads, the others cooperate, and no role word is read
 * as part of a name.
 */

const roster = defaultRoster();
const names = (cell: string) =>
  splitNames(cell, roster, "unit").parts.map((p) => (p.cooperates ? `${p.text}（协）` : p.text));

async function guandu(): Promise<Table> {
  const { grids } = await readXlsx(realXlsxPath("guandu-2016-list"));
  const read = readGridTable(grids[0]);
  if (!read.table) throw new Error("官渡区 2016 not read");
  return read.table;
}

describe("unit cells that give roles in words (官渡区 2016)", () => {
  test("牵头 names the lead, the units closed by 配合 cooperate, 等部门 and all", async () => {
    const table = await guandu();
    const roles = table.rows.map((row) => {
      const { lead, coop } = unitRoles(table, row, roster);
      return [lead.map((n) => n.name), coop.map((n) => n.name)];
    });
    expect(roles).toEqual([
      // 区级相关部门 and 各街道办事处 are collectives (collectives.test.ts): no unit of their own.
      [["区政务服务局"], ["区发改局", "区审改办", "区住建局"]],
      [["区国土分局"], ["区规划分局"]],
      [["区环保局"], ["区水务局"]],
      [
        ["区发改局"],
        ["区财政局", "区交运局", "区经贸投促局", "区住建局", "区水务局", "区国投公司"],
      ],
    ]);
  });

  test("no name keeps a role word", async () => {
    const table = await guandu();
    for (const row of table.rows)
      for (const part of splitNames(row.fields.lead ?? "", roster, "unit").parts)
        expect(part.normalised).not.toMatch(/牵头|配合/);
  });

  test("a note naming the cooperating unit in brackets, full- or half-width, verb first or last", () => {
    // 官渡区 item 2's units, written as other tables write a lead with its cooperating unit.
    const cell = String(loadRealTable("guandu-2016-list").sheet.rows[2][2]);
    expect(cell).toBe("(区国土分局牵头,区规划分局、区级相关部门配合)");
    const [lead, coop] = ["区国土分局", "区规划分局"];
    for (const written of [
      `${lead}（配合${coop}）`,
      `${lead}(配合${coop})`,
      `${lead}（协同${coop}）`,
      `${lead}（协助：${coop}）`,
      `${lead}（会同${coop}）`,
      `${lead}（${coop}配合）`,
      `${lead}、${coop}（配合）`,
    ])
      expect({ written, names: names(written) }).toEqual({
        written,
        names: [lead, `${coop}（协）`],
      });
    expect(names(`（配合${coop}）`)).toEqual([`${coop}（协）`]);
    // 牵头负责 leads; 按职责分工负责 gives no part of its own (others cooperate beside a 牵头).
    expect(names(`${lead}牵头负责，${coop}按职责分工负责`)).toEqual([lead, `${coop}（协）`]);
    expect(names(`${lead}按职责分工负责`)).toEqual([lead]);
    // In a leader cell the words give no role: every leader named is one.
    const leaders = splitNames(`${lead}（牵头）、${coop}`, roster, "leader").parts;
    expect(leaders.filter((p) => p.cooperates)).toEqual([]);
    // A bracket naming a second nameplate is part of the name, not a role.
    expect(names("区委宣传部（区文明办）")).toEqual(["区委宣传部（区文明办）"]);
  });
});
