import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { splitByUnit } from "../../src/core/distribute/split";
import { checkedSeedMaster, duban } from "../support/cli";
import { seedMaster } from "../taskpane/fakeWorkbook";
import { NOTICE_FILE, seedText } from "../support/seeds";
import { scratchDir } from "../support/scratchDir";

/** duban split and duban collect as a user runs them: messages, exit codes, files left alone. */
const dir = scratchDir("duban-cli-distribute-");
const master = join(dir, "总表.xlsx");
const out = join(dir, "下发");

beforeAll(async () => {
  expect((await checkedSeedMaster(master)).status).toBe(0);
}, 300_000);

test("split writes one file per unit and refuses to write over them without --force", () => {
  // Every unit the core finds in the seed master, the towns too through 各镇.
  const units = splitByUnit(seedMaster(), { date: "2022-09-30" }).length;
  const first = duban("split", master, "-o", out, "--date", "2022-09-30");
  expect(first.stderr).toBe("");
  expect(first.stdout).toContain(`已为 ${units} 个单位生成下发文件`);
  const files = readdirSync(out);
  expect(files).toHaveLength(units);
  expect(files).toContain("区发展改革委-督办事项-20220930.xlsx");
  const stamps = files.map((f) => statSync(join(out, f)).mtimeMs);

  const again = duban("split", master, "-o", out, "--date", "2022-09-30");
  expect(again.status).toBe(2);
  expect(again.stderr).toContain(`已有 ${units} 个同名文件`);
  expect(files.map((f) => statSync(join(out, f)).mtimeMs)).toEqual(stamps);
}, 300_000);

test("split names a master that is no workbook, and collect a wrong --conflicts", () => {
  const text = join(dir, "分解表.xlsx");
  writeFileSync(text, seedText(NOTICE_FILE));
  const split = duban("split", text, "-o", join(dir, "x"));
  expect(split.status).toBe(2);
  expect(split.stderr).toContain(`「${text}」不是 Excel 工作簿`);

  const before = readFileSync(master);
  const collect = duban("collect", master, text, "-o", join(dir, "y.xlsx"), "--conflicts", "mine");
  expect(collect.status).toBe(2);
  expect(collect.stderr).toContain("--conflicts 只能是 master、return 或 both");
  expect(readFileSync(master).equals(before)).toBe(true);
}, 300_000);

test("collect --decisions names a workbook without 回收情况 and writes nothing", () => {
  const before = readFileSync(master);
  const output = join(dir, "z.xlsx");
  const run = duban("collect", master, master, "-o", output, "--decisions", master);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`「${master}」中没有「回收情况」工作表，读不到待确认的处理。`);
  expect(readFileSync(master).equals(before)).toBe(true);
  expect(existsSync(output)).toBe(false);
}, 300_000);
