import { join } from "path";
import { duban } from "../support/cli";
import { MINXIN_FILE, NOTICE_FILE, SEED_DIR } from "../support/seeds";

describe("duban parse", () => {
  test("--json prints the four tables with rows spread into fields", () => {
    const run = duban("parse", join(SEED_DIR, NOTICE_FILE), join(SEED_DIR, MINXIN_FILE), "--json");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.tables.map((t: { id: string; rows: unknown[] }) => [t.id, t.rows.length])).toEqual([
      ["city", 26],
      ["key", 4],
      ["district", 106],
      ["minxin", 34],
    ]);
    const district = out.tables[2];
    expect(district.rows[1]).toMatchObject({
      row: 2,
      seq: "2",
      task: "一般公共预算收入增长6%。",
      lead: "财政局",
      detail: "年底前完成。",
      merged: expect.arrayContaining(["detail", "leader"]),
    });
    expect(district.rows[20]).toMatchObject({ row: 21, seq: null, lead: "会展经济区管委会" });
    expect(out.tables[1].note).toContain("第2、8、13、26项");
  });

  test("without --json prints a readable summary", () => {
    const run = duban("parse", join(SEED_DIR, NOTICE_FILE));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("[district] 2022年津南区政府重点工作责任分解表");
    expect(run.stdout).toContain("106 行");
    expect(run.stdout).toContain("无序号 89 行");
  });

  test("a missing file is an error in Chinese with a non-zero exit", () => {
    const run = duban("parse", "no-such-file.txt");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("无法读取文件「no-such-file.txt」：文件不存在");
  });

  test("files given twice keep table ids unique", () => {
    const run = duban("parse", join(SEED_DIR, MINXIN_FILE), join(SEED_DIR, MINXIN_FILE), "--json");
    expect(JSON.parse(run.stdout).tables.map((t: { id: string }) => t.id)).toEqual([
      "minxin",
      "minxin-2",
    ]);
  });
});
