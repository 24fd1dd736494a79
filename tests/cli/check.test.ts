import { join } from "path";
import { RULE_CATALOGUE } from "../../src/core/rules/catalogue";
import { duban } from "../support/cli";
import { MINXIN_FILE, NOTICE_FILE, SEED_DIR } from "../support/seeds";

const notice = join(SEED_DIR, NOTICE_FILE);
const minxin = join(SEED_DIR, MINXIN_FILE);

describe("duban check", () => {
  // One run of `check <both seeds> --json` serves the tests that read it.
  let together: ReturnType<typeof duban> | undefined;
  const checkedTogether = () => (together ??= duban("check", notice, minxin, "--json"));

  test("--json prints one issue per line with the issue's fields", () => {
    const run = checkedTogether();
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(112);
    expect(Object.keys(lines[0]).slice(0, 12)).toEqual([
      "table",
      "sheet",
      "cell",
      "row",
      "seq",
      "item",
      "column",
      "rule",
      "category",
      "severity",
      "message",
      "evidence",
    ]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        table: "city",
        sheet: "市重点工作",
        cell: "C15",
        row: 15,
        seq: "13",
        item: 13,
        column: "detail",
        rule: "text.residue",
        category: "text",
        severity: "error",
        evidence: "+C18",
      })
    );
  });

  test("files given together are checked together: the cross-table conflicts need both files", () => {
    const alone = duban("check", minxin, "--json").stdout;
    expect(checkedTogether().stdout).toContain(
      '"rule":"figure.cross-table","category":"figure","severity":"warning","message":"与「2022年津南区政府重点工作责任分解表」第123行'
    );
    expect(alone).not.toContain("figure.cross-table");
  });

  test("without --json: a Chinese report grouped by table with totals per severity", () => {
    const run = duban("check", notice, minxin);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "[district] 2022年津南区政府重点工作责任分解表（000_867c357d3391b2e7.txt）：106 行，错误 0 处，警告 36 处，提示 49 处"
    );
    expect(run.stdout).toContain(
      "  市重点工作!C15（序号13）「津南区工作明细及完成时限」【错误】电子表格残留："
    );
    expect(run.stdout).toContain("校验完成：共 4 张表 170 行，错误 3 处，警告 49 处，提示 60 处。");
  });

  test("--date reports what is overdue on that day", () => {
    const run = duban("check", notice, "--json", "--date", "2022-07-01");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"rule":"deadline.overdue"');
  });

  test("exit code is non-zero only when the input cannot be read", () => {
    const missing = duban("check", "no-such-file.txt");
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("无法读取文件「no-such-file.txt」：文件不存在");
    const badDate = duban("check", notice, "--date", "2022-02-30");
    expect(badDate.status).not.toBe(0);
    expect(badDate.stderr).toContain("检查日期「2022-02-30」无效");
    const badRoster = duban("check", notice, "--roster", join(SEED_DIR, "columns.json"));
    expect(badRoster.status).not.toBe(0);
    expect(badRoster.stderr).toContain("名册文件");
  });

  test("a file with no table still runs and says so", () => {
    const run = duban("check", join(SEED_DIR, "columns.json"));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("没有读到表格，未校验。");
  });

  test("duban rules lists the catalogue as a Markdown table", () => {
    const run = duban("rules");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("| `xref.text-differs` | 表间对应 | 错误 | 对应项文字不同 |");
    // One row per rule of the catalogue, each with its id, under the two header lines.
    const rows = run.stdout.trim().split("\n");
    expect(rows).toHaveLength(2 + RULE_CATALOGUE.length);
    expect(rows.slice(2).map((r) => /^\| `([^`]+)`/.exec(r)?.[1])).toEqual(
      RULE_CATALOGUE.map((r) => r.id)
    );
  });
});
