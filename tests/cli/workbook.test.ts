import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../src/xlsx";
import { checkedSeedMaster, duban, dubanIn, SEED_FILES } from "../support/cli";
import { MINXIN_FILE, SEED_DIR } from "../support/seeds";
import { scratchDir } from "../support/scratchDir";

describe("duban check -o out.xlsx", () => {
  const dir = scratchDir("duban-check-");
  const first = join(dir, "checked.xlsx");

  test("writes the 导入 sheets, marks, 校验结果, unit sheets and 汇总 into a new workbook", async () => {
    // `duban check <seeds> --date 2022-09-30 -o …`, the run other test files start from too.
    const run = await checkedSeedMaster(first);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("校验完成：共 170 行，错误 3 处");
    const read = await readXlsx(first);
    const names = read.sheets.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(["市重点工作", "关键任务", "区重点工作", "民心工程"]);
    expect(names).toEqual(expect.arrayContaining(["校验结果", "汇总", "单位-区发展改革委"]));
    const city = read.workbook.getWorksheet("市重点工作")!;
    expect(String(city.getCell("C15").value)).toContain("+C18");
    expect(city.getCell("C15").note).toBeTruthy();
  });

  test("checks an .xlsx workbook into a copy and never writes the input", async () => {
    const before = readFileSync(first);
    const second = join(dir, "again.xlsx");
    const run = duban("check", first, "--date", "2022-12-31", "-o", second);
    expect(run.status).toBe(0);
    expect(readFileSync(first).equals(before)).toBe(true);
    expect((await readXlsx(second)).sheets.map((s) => s.name)).toContain("校验结果");
  });

  test("refuses to overwrite an existing output without --force", () => {
    const before = readFileSync(first);
    const run = duban("check", ...SEED_FILES, "-o", first);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toBe(
      `错误：输出文件「${first}」已存在，未写入。如要覆盖它，请加上 --force。\n`
    );
    expect(readFileSync(first).equals(before)).toBe(true);
    // Refused before the inputs are read: a missing input is not even looked for.
    const early = duban("check", "no-such-file.txt", "-o", first);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain(`输出文件「${first}」已存在`);
    // The 民心工程 seed alone is enough to see the file replaced.
    const forced = duban("check", join(SEED_DIR, MINXIN_FILE), "-o", first, "--force");
    expect(forced.status).toBe(0);
    expect(readFileSync(first).equals(before)).toBe(false);
  });

  test("a file that is not a workbook: a Chinese message naming it, non-zero exit, nothing written", () => {
    const fake = join(dir, "not-a-workbook.xlsx");
    writeFileSync(fake, "序号\t重点工作\n1\t修路\n");
    const out = join(dir, "never.xlsx");
    const run = duban("check", fake, "-o", out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("not-a-workbook.xlsx");
    expect(existsSync(out)).toBe(false);
  });
});

describe("duban demo", () => {
  // Run as a user starts it, in a folder of its own: out/ is the demo's to create.
  const dir = scratchDir("duban-demo-");

  test("writes the checked seed workbook under out/ and says what to look at", async () => {
    const run = dubanIn(dir, "demo");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("已写入 out/督办助手示例.xlsx");
    expect(run.stdout).toContain("打开后可以看");
    const read = await readXlsx(join(dir, "out", "督办助手示例.xlsx"));
    expect(read.sheets.filter((s) => s.name.startsWith("单位-")).length).toBeGreaterThan(50);
    expect(read.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["区重点工作", "校验结果", "汇总"])
    );
  });
});
