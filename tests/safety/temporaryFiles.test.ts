import { spawn } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { writeXlsx } from "../../src/xlsx";
import { ROOT } from "../support/cli";
import { scratchDir } from "../support/scratchDir";

/** Issue 18: a kill during the final rename left a hidden .tmp file beside the output. */

const scratch = scratchDir("duban-saves-");

function workbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("校验结果").addRow(["校验完成"]);
  return book;
}

/** A process id no process has now. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
}

test("a temporary file left by a killed run is removed by the next save; a live run's is not", async () => {
  const dir = mkdtempSync(join(scratch, "stale-"));
  const stale = `.结果.xlsx.${deadPid()}.tmp`;
  const live = `.结果.xlsx.1.tmp`;
  const other = `.别的.xlsx.${deadPid()}.tmp`;
  for (const name of [stale, live, other]) writeFileSync(join(dir, name), "半个文件");
  await writeXlsx(workbook(), join(dir, "结果.xlsx"));
  expect(readdirSync(dir).sort()).toEqual([live, other, "结果.xlsx"].sort());
});

test.each(["SIGTERM", "SIGINT"] as const)(
  "killed with %s before the rename: the temporary file goes with it",
  async (signal) => {
    const dir = mkdtempSync(join(scratch, "killed-"));
    const out = join(dir, "结果.xlsx");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "tests", "support", "stalledSave.ts"), out],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] }
    );
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      })
    );
    expect(readdirSync(dir)).toEqual([`.结果.xlsx.${child.pid}.tmp`]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_, s) => resolve(s))
    );
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(readdirSync(dir)).toEqual([]);
  },
  30_000
);
