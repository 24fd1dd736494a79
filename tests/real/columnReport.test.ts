import { readGridTable } from "../../src/core/grid/gridTable";
import { buildIssueSheet, placeIssues } from "../../src/core/outputs/validationSheets";
import { resolveCell } from "../../src/core/patch/cells";
import { defaultRoster } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { readXlsx } from "../../src/xlsx";
import { realXlsxPath } from "../support/realTables";

/** 校验结果 lists, under the issues, how every printed column of every table was read. */
test("校验结果 ends with 列识别: each table's columns, an unread one named with why", async () => {
  const grid = (await readXlsx(realXlsxPath("shangcheng-2019-targets"))).grids[0];
  const first = readGridTable(grid);
  const header = first.table ? first.layout.headerRows[0] : 0;
  // A column the vocabulary does not know, as a clerk might add one.
  const values = grid.values.map((r) => [...r, null]);
  values[header - grid.top][values[0].length - 1] = "资金来源";
  const read = readGridTable({ ...grid, values });
  if (!read.table) throw new Error("no table");
  const result = validate([read.table], { roster: defaultRoster() });
  const placed = placeIssues(result.issues, [{ table: read.table, layout: read.layout }]);
  const sheet = buildIssueSheet(result, placed, "2019-06-30", [read.table]);
  const texts = (sheet.values ?? []).flatMap((b) =>
    b.values.map((r) => String(resolveCell(r[0]).value))
  );
  const at = texts.indexOf("列识别");
  expect(at).toBeGreaterThan(0);
  expect(texts[at + 1]).toContain("「目标类型」→类别");
  expect(texts[at + 1]).toContain("「资金来源」未读取（无法识别的表头）");
});
