import "./textModules";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildImportSheet } from "../src/core/outputs/importSheet";
import type { Table } from "../src/core/table/schema";
import { applyPatchToWorkbook, writeXlsx } from "../src/xlsx";
import { isStoreSheet } from "../src/xlsx/store";
import { CHECK_DATE } from "./size";
import { syntheticDocument, syntheticTables } from "./synthetic";

/**
 * `duban check book.xlsx -o out.xlsx` on a one-sheet workbook of N rows (the synthetic 区重点工作,
 * made of the seeds' own rows), run as a user runs it: the real CLI in a child process, its peak
 * memory as the kernel reports it (/usr/bin/time's maximum resident set size), not a heap sample.
 * Usage: tsx bench/cliMemory.ts [rows,rows…]   (default 20000,100000)
 */

export interface CliRun {
  rows: number;
  inputMb: number;
  outputMb: number;
  wallS: number;
  /** User + system CPU seconds: on a shared machine wall time also counts waiting for a core. */
  cpuS: number;
  maxRssMb: number;
  exitCode: number | null;
  stderr: string;
}

/** The district table stretched to exactly `rows` rows. */
function districtTable(rows: number): Table {
  // 区重点工作 takes about 62% of a synthetic document's rows.
  const doc = syntheticDocument(Math.ceil(rows / 0.6) + 200);
  const district = syntheticTables(doc).find((t) => t.id === "district")!;
  if (district.rows.length < rows) throw new Error(`only ${district.rows.length} district rows`);
  return { ...district, rows: district.rows.slice(0, rows) };
}

export async function oneSheetWorkbook(rows: number, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const table = districtTable(rows);
  // The table as a user's own sheet: 导入's layout, the record of generated sheets removed.
  const { op } = buildImportSheet(table, undefined, { checkDate: CHECK_DATE });
  applyPatchToWorkbook(workbook, { sheets: [op] });
  for (const ws of workbook.worksheets) if (isStoreSheet(ws)) workbook.removeWorksheet(ws.id);
  await writeXlsx(workbook, path, { force: true });
}

export function runCli(input: string, output: string): Omit<CliRun, "rows" | "inputMb"> {
  const tsx = join(__dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
  const main = join(__dirname, "..", "src", "cli", "main.ts");
  const start = performance.now();
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-v",
      process.execPath,
      tsx,
      main,
      "check",
      input,
      "--date",
      CHECK_DATE,
      "-o",
      output,
      "--force",
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
  );
  const wallS = (performance.now() - start) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const seconds = (label: string) =>
    Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN);
  let outputMb = 0;
  try {
    outputMb = statSync(output).size / 1024 / 1024;
  } catch {
    outputMb = 0;
  }
  return {
    outputMb,
    wallS,
    cpuS: seconds("User") + seconds("System"),
    maxRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    exitCode: run.status,
    stderr: run.stderr
      .split("\n")
      .filter((l) => !/^\s+\S.*:/.test(l) && l.trim() !== "")
      .join("\n"),
  };
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "20000,100000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "duban-cli-bench-"));
  try {
    for (const rows of sizes) {
      const input = join(dir, `one-sheet-${rows}.xlsx`);
      await oneSheetWorkbook(rows, input);
      const inputMb = statSync(input).size / 1024 / 1024;
      const run = { rows, inputMb, ...runCli(input, join(dir, `checked-${rows}.xlsx`)) };
      console.log(
        `${rows.toLocaleString("en-US")} rows (${inputMb.toFixed(1)} MB): exit ${run.exitCode}, ` +
          `${run.wallS.toFixed(1)} s wall, ${run.cpuS.toFixed(1)} s CPU, peak RSS ${run.maxRssMb.toFixed(0)} MB, output ${run.outputMb.toFixed(1)} MB` +
          (run.exitCode === 0 ? "" : `\n${run.stderr}`)
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
