import { join } from "path";
import { duban } from "../support/cli";
import { MINXIN_FILE, NOTICE_FILE, SEED_DIR } from "../support/seeds";

const SEEDS = [join(SEED_DIR, NOTICE_FILE), join(SEED_DIR, MINXIN_FILE)];

interface TableJson {
  table: string;
  total: number;
  overdue: number;
  dueSoon: number;
  noDate: number;
}

function reportJson(...args: string[]) {
  const run = duban("report", ...SEEDS, "--json", ...args);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as {
    checkDate: string;
    overall: { total: number; overdue: number };
    tables: TableJson[];
    units: { unit: string }[];
    sentences: string[];
  };
}

const table = (out: { tables: TableJson[] }, id: string) => out.tables.find((t) => t.table === id);

describe("duban report", () => {
  test("--json prints the summary figures on the given 检查日期", () => {
    const out = reportJson("--as-of", "2022-09-30");
    expect(out.checkDate).toBe("2022-09-30");
    expect(out.tables.map((t) => [t.table, t.total])).toEqual([
      ["city", 26],
      ["key", 4],
      ["district", 106],
      ["minxin", 34],
    ]);
    expect(out.overall.total).toBe(170);
    // 关键任务: two rows due 年底前 (92 days ahead), two without a date.
    expect(table(out, "key")).toMatchObject({ overdue: 0, dueSoon: 0, noDate: 2 });
    expect(table(out, "minxin")).toMatchObject({ overdue: 0, dueSoon: 34 });
    expect(out).not.toHaveProperty("html");
    expect(out).not.toHaveProperty("text");
  });

  test("its 超期 equals the overdue issues `duban check` reports for the same day", () => {
    const out = reportJson("--as-of", "2022-12-31");
    const check = duban("check", ...SEEDS, "--json", "--date", "2022-12-31");
    const overdue = check.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { table: string; rule: string })
      .filter((i) => i.rule === "deadline.overdue");
    for (const id of ["city", "key", "district"])
      expect(table(out, id)?.overdue).toBe(overdue.filter((i) => i.table === id).length);
  });

  test("--due-soon widens 即将到期", () => {
    // 2022-12-31 is 92 days after 2022-09-30.
    expect(table(reportJson("--as-of", "2022-09-30", "--due-soon", "92"), "key")?.dueSoon).toBe(2);
    expect(table(reportJson("--as-of", "2022-09-30", "--due-soon", "91"), "key")?.dueSoon).toBe(0);
  });

  test("without --json prints the report text in Chinese", () => {
    const run = duban("report", ...SEEDS, "--as-of", "2022-03-31");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^截至2022年3月31日，2022年津南区政府重点工作共106项，完成情况未填报（按完成时限：超期0项，即将到期1项），涉及\d+个牵头单位；暂无超期事项。$/m
    );
    expect(run.stdout).toContain("\n各牵头单位完成情况\n牵头单位\t牵头\t配合\t");
  });

  test("a wrong date is refused in Chinese", () => {
    const run = duban("report", ...SEEDS, "--as-of", "2022-02-30");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("检查日期「2022-02-30」无效");
    const days = duban("report", ...SEEDS, "--due-soon", "十五");
    expect(days.status).not.toBe(0);
    expect(days.stderr).toContain("即将到期天数「十五」无效");
  });
});
