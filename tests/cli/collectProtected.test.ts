import ExcelJS from "exceljs";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { runCollect } from "../../src/cli/collectCommand";
import { XlsxPatchError } from "../../src/xlsx";
import { checkedSeedMaster, duban } from "../support/cli";
import { scratchDir } from "../support/scratchDir";
import { UnitFile } from "../distribute/simulate";

/**
 * Issue 16: `duban collect` wrote into a protected master sheet of its output copy without a
 * word, where the add-in refuses. It now refuses too, naming the sheet, and writes no file.
 */

jest.setTimeout(300_000);

const dir = scratchDir("duban-cli-protected-");
const master = join(dir, "总表.xlsx");
const locked = join(dir, "总表-保护.xlsx");
const returned = join(dir, "下发");
const TABLE_SHEETS = ["市重点工作", "关键任务", "区重点工作", "民心工程"];
let returnFile = "";

beforeAll(async () => {
  expect((await checkedSeedMaster(master)).status).toBe(0);
  expect(duban("split", master, "-o", returned, "--date", "2022-09-30").status).toBe(0);
  // 区发展改革委 fills in its first item and sends the file back.
  returnFile = join(
    returned,
    readdirSync(returned).find((f) => f.startsWith("区发展改革委"))!
  );
  const file = await UnitFile.open(returnFile);
  file.set(file.itemRows()[0], "status", "已完成");
  await file.save(returnFile);
  // The 督查室 protects its tables (no password), as Excel's 审阅 › 保护工作表 does.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(master);
  for (const name of TABLE_SHEETS) await workbook.getWorksheet(name)!.protect("", {});
  await workbook.xlsx.writeFile(locked);
});

const options = (output: string) =>
  ({ output, date: "2022-10-15", roster: null, force: false, conflicts: "master" }) as const;

test("a protected master sheet refuses collect by name, and no output is written", async () => {
  const output = join(dir, "总表-回收.xlsx");
  const before = readFileSync(locked);
  const refused = runCollect(locked, [returnFile], options(output));
  await expect(refused).rejects.toThrow(XlsxPatchError);
  await expect(refused).rejects.toThrow(
    /^工作表「(市重点工作|关键任务|区重点工作|民心工程)」受保护，其中的单元格无法写入，工作簿未做任何修改。/
  );
  expect(existsSync(output)).toBe(false);
  expect(readFileSync(locked).equals(before)).toBe(true);

  // The same master unprotected takes the return in.
  const { result } = await runCollect(master, [returnFile], options(output));
  expect(result.writes.map((w) => w.after)).toContain("已完成");
  expect(existsSync(output)).toBe(true);
});

test("the CLI says so on stderr and exits 2", () => {
  const output = join(dir, "总表-回收2.xlsx");
  const run = duban("collect", locked, returnFile, "-o", output, "--date", "2022-10-15");
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^错误：工作表「.+」受保护，其中的单元格无法写入/);
  expect(existsSync(output)).toBe(false);
});
