import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { tablesOfWorkbook } from "../../src/cli/workbookTables";
import { workbookRoster } from "../../src/core/roster/workbook";
import { validate } from "../../src/core/rules";
import { readXlsx } from "../../src/xlsx";

/**
 * The 名册 learned from real public tables of other places (tests/fixtures/real, see its
 * SOURCES.md): none of them is 津南区 2022, so each is checked with what it taught.
 */
const DIR = join(__dirname, "..", "fixtures", "real");
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".xlsx")) : [];

/** Warnings that a 名册 raises on a name: not in it, an alias of another, spelt with other spaces. */
const ROSTER_WARNINGS = /^(?:leader|unit)\.(?:unknown|alias|spacing)$/;

describe("名册 learned from real tables of other places", () => {
  test("the corpus is there", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  test.each(files)(
    "%s: learned, not the shipped roster, and no roster warning on its rows",
    async (file) => {
      const tables = tablesOfWorkbook(await readXlsx(join(DIR, file))).placed.map((p) => p.table);
      expect(tables.length).toBeGreaterThan(0);
      const chosen = workbookRoster(tables);
      expect(chosen.source).toBe("learned");
      const { issues } = validate(tables, { roster: chosen.roster });
      expect(issues.filter((i) => ROSTER_WARNINGS.test(i.rule) && i.severity !== "info")).toEqual(
        []
      );
      // Every unit and leader the name columns write is in the 名册 (a column the reader does not
      // take yet teaches nothing: see the report of issue 12).
      const named = tables.flatMap((t) => t.rows.flatMap((r) => [r.fields.lead, r.fields.leader]));
      if (named.some((n) => (n ?? "").trim() !== ""))
        expect(chosen.roster.units.length + chosen.roster.leaders.length).toBeGreaterThan(0);
    }
  );
});

test("units run together with no separator and written nowhere alone are split by their shape (钟楼区 2021)", async () => {
  const file = join(DIR, "zhonglou-2021-minsheng.xlsx");
  if (!files.includes("zhonglou-2021-minsheng.xlsx")) throw new Error(`missing ${file}`);
  const tables = tablesOfWorkbook(await readXlsx(file)).placed.map((p) => p.table);
  const chosen = workbookRoster(tables);
  const units = chosen.roster.units.map((u) => u.name);
  expect(units).toEqual(
    expect.arrayContaining(["五星街道", "南大街街道", "荷花池街道", "晋陵公司", "轨道公司"])
  );
  const { issues } = validate(tables, { roster: chosen.roster });
  expect(issues.filter((i) => i.rule === "unit.run-together").map((i) => i.evidence)).toEqual(
    expect.arrayContaining(["晋陵公司轨道公司", "五星街道南大街街道荷花池街道"])
  );
});
