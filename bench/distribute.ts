/**
 * 下发 and 回收 through the CLI's own functions (duban split / duban collect), timed:
 * - the seed master (the four seed tables as `duban demo` writes them): one file per unit, then
 *   every file back with one row filled in;
 * - 500 units × 40 rows: 20,000 rows of the synthetic seed-made tables, each row's lead unit
 *   one of 500 names (roster names with a number), no cooperating units, so every unit has 40.
 * Prints a table; `npm run bench:distribute`. Target (issue 16): each under 5 s for the seeds.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCollect } from "../src/cli/collectCommand";
import { runSplit } from "../src/cli/splitCommand";
import { writeCheckedWorkbook } from "../src/cli/workbookCommand";
import { defaultRoster } from "../src/core/roster";
import { applyPatchToWorkbook } from "../src/xlsx";
import { timedAsync, type Timing } from "./measure";
import { importOps, syntheticDocument, syntheticTables } from "./synthetic";

const DATE = "2022-09-30";
const roster = defaultRoster();
const SEEDS = ["000_867c357d3391b2e7.txt", "003_4a3e803327059358.txt"].map((f) =>
  join(__dirname, "..", "seeds", f)
);

function seconds(t: Timing): string {
  return `${(t.wallMs / 1000).toFixed(2)} s wall, ${(t.cpuMs / 1000).toFixed(2)} s CPU`;
}

/** Fills 完成状态 of the first item row of every file, as units would, in place. */
async function fillFirstRows(dir: string): Promise<void> {
  for (const file of readdirSync(dir)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, file));
    const ws = wb.worksheets[0];
    for (let r = 4; r <= ws.rowCount; r++) {
      if (typeof ws.getCell(r, 1).value !== "number") continue;
      ws.getCell(r, 7).value = "推进中";
      break;
    }
    await wb.xlsx.writeFile(join(dir, file));
  }
}

async function round(label: string, master: string, dir: string, fill: boolean) {
  const out = join(dir, "下发");
  const split = await timedAsync(() =>
    runSplit(master, { output: out, date: DATE, roster, force: true })
  );
  const files = readdirSync(out);
  if (fill) await fillFirstRows(out);
  const collect = await timedAsync(() =>
    runCollect(
      master,
      files.map((f) => join(out, f)),
      { output: join(dir, "回收.xlsx"), date: DATE, roster, force: true, conflicts: "master" }
    )
  );
  const r = collect.value.result;
  console.log(
    `| ${label} | ${files.length} | ${seconds(split.time)} | ${seconds(collect.time)} | ${r.writes.length} written, ${r.decisions.length} decisions, ${r.skipped.length} skipped |`
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "duban-bench-distribute-"));
  try {
    console.log("| master | files | 下发 (split) | 回收 (collect) | 回收 result |");
    console.log("|---|---:|---|---|---|");
    const seeds = join(dir, "seeds.xlsx");
    await writeCheckedWorkbook(SEEDS, { output: seeds, force: true, checkDate: DATE, roster });
    await round("seeds (4 tables, 170 rows)", seeds, join(dir, "s"), true);

    const tables = syntheticTables(syntheticDocument(20_000)).filter((t) => t.id !== "key");
    const names = Array.from(
      { length: 500 },
      (_, i) =>
        `${roster.units[i % roster.units.length].name}${Math.floor(i / roster.units.length) + 1}`
    );
    let n = 0;
    const stretched = tables.map((t) => ({
      ...t,
      rows: t.rows.map((row) => ({
        ...row,
        fields: { ...row.fields, lead: names[Math.floor(n++ / 40) % 500], coop: "" },
      })),
    }));
    const wb = new ExcelJS.Workbook();
    applyPatchToWorkbook(wb, { sheets: importOps(stretched, DATE) });
    const big = join(dir, "big.xlsx");
    await wb.xlsx.writeFile(big);
    await round(`synthetic (${n} rows, 500 units)`, big, join(dir, "b"), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
