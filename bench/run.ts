import "./textModules";
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { cpus, loadavg, tmpdir, totalmem } from "os";
import { join } from "path";
import { defaultRoster } from "../src/core/roster";
import { validate } from "../src/core/rules/engine";
import { seedTables } from "../tests/support/seeds";
import { bundleSize, type BundleSize } from "./bundle";
import { evaluateTargets, formatReport, type BenchReport } from "./report";
import { CHECK_DATE, LARGEST_RUN_ON_STANDIN, type SizeResult } from "./size";
import type { CommandStats } from "./standin";
import { LATENCY_MS } from "./standin";

/**
 * npm run bench [-- --sizes=1000,10000 --full --dist --no-bundle]
 *   --sizes      row counts to run (default 1,000, 10,000 and 100,000)
 *   --full       run the naive adapter and 生成单位表 on the stand-in at every size (slow)
 *   --dist       read the bundle from dist/ instead of building it
 *   --no-bundle  skip the bundle
 * Prints a table and writes the same figures to bench/results/latest.json.
 */

const ROOT = join(__dirname, "..");
const RESULTS = join(__dirname, "results");

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : (arg.split("=")[1] ?? "");
}

/** Each size in a process of its own, with gc exposed, so memory figures are that size's alone. */
function runSize(rows: number, full: boolean): SizeResult {
  const dir = mkdtempSync(join(tmpdir(), "duban-bench-"));
  const out = join(dir, "result.json");
  try {
    execFileSync(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        join(__dirname, "size.ts"),
        String(rows),
        out,
        full ? "--full" : "",
      ],
      { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] }
    );
    return JSON.parse(readFileSync(out, "utf8")) as SizeResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A command not run at this size, scaled from the largest size where it ran: its syncs and
 * times grow with the rows (one per row for the naive adapter; one per payload-sized batch for
 * the real one, and the payload grows with the rows); the largest request does not.
 */
function extrapolate(from: CommandStats, fromRows: number, rows: number): CommandStats {
  const f = rows / fromRows;
  const syncs = Math.round(from.syncs * f);
  const computeCpuMs = from.computeCpuMs * f;
  return {
    ...from,
    syncs,
    requestBytes: from.requestBytes * f,
    latencyMs: syncs * LATENCY_MS,
    wallMs: from.wallMs * f,
    cpuMs: from.cpuMs * f,
    hostCpuMs: from.hostCpuMs * f,
    computeCpuMs,
    totalMs: syncs * LATENCY_MS + computeCpuMs,
    extrapolatedFrom: fromRows,
  };
}

function fillGaps(sizes: SizeResult[]): string[] {
  const notes: string[] = [];
  for (const s of sizes) {
    for (const [side, key] of [
      ["naive", "check"],
      ["naive", "unitSheets"],
      ["adapter", "unitSheets"],
    ] as const) {
      if (s[side][key]) continue;
      const source = [...sizes]
        .reverse()
        .find((o) => o.rows < s.rows && o[side][key] && !o[side][key]?.error);
      if (!source) continue;
      s[side][key] = extrapolate(source[side][key]!, source.rows, s.rows);
      notes.push(
        `${side === "naive" ? "Naive" : "Adapter"} ${key === "check" ? "校验" : "生成单位表"} at ${s.rows.toLocaleString("en-US")} rows is extrapolated ×${s.rows / source.rows} from ${source.rows.toLocaleString("en-US")} rows, not run: on the stand-in it would take minutes of wall time (npm run bench -- --full runs it).`
      );
    }
  }
  for (const s of sizes) {
    for (const [side, key] of [
      ["adapter", "check"],
      ["adapter", "unitSheets"],
      ["naive", "check"],
      ["naive", "unitSheets"],
    ] as const) {
      const c = s[side][key];
      if (!c?.error) continue;
      notes.push(
        `${side === "naive" ? "Naive" : "Adapter"} ${key === "check" ? "校验" : "生成单位表"} at ${s.rows.toLocaleString("en-US")} rows FAILED after ${c.syncs} syncs (${c.refused} refused by the stand-in as Excel on the web would): ${c.error}`
      );
    }
  }
  // How far a straight line carries: predict each measured naive run from the size below it.
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1].naive.check, sizes[i].naive.check];
    if (!a || !b || a.extrapolatedFrom || b.extrapolatedFrom) continue;
    const predicted = a.syncs * (sizes[i].rows / sizes[i - 1].rows);
    notes.push(
      `Linearity check: naive 校验 at ${sizes[i - 1].rows.toLocaleString("en-US")} rows scaled to ${sizes[i].rows.toLocaleString("en-US")} predicts ${Math.round(predicted).toLocaleString("en-US")} syncs; measured ${b.syncs.toLocaleString("en-US")} (${(((b.syncs - predicted) / predicted) * 100).toFixed(1)}%).`
    );
  }
  return notes;
}

function git(): BenchReport["git"] {
  const run = (args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  try {
    return {
      commit: run(["rev-parse", "HEAD"]),
      uncommittedChanges: run(["status", "--porcelain", "--", "src"]) !== "",
    };
  } catch {
    return { commit: "unknown", uncommittedChanges: false };
  }
}

function main(): void {
  const sizes = (option("sizes") ?? "1000,10000,100000").split(",").map(Number);
  const full = option("full") !== undefined;
  const loadStart = loadavg();
  const seeds = seedTables();
  const seedIssues = validate(seeds, { roster: defaultRoster(), checkDate: CHECK_DATE }).issues
    .length;

  const results: SizeResult[] = [];
  for (const rows of sizes) {
    console.error(`bench: ${rows.toLocaleString("en-US")} rows…`);
    results.push(runSize(rows, full));
  }
  let bundle: BundleSize | null = null;
  if (option("no-bundle") === undefined) {
    console.error("bench: task-pane bundle…");
    bundle = bundleSize(option("dist") !== undefined);
  }

  const notes = fillGaps(results);
  notes.push(
    `Compute is CPU time of the process (user + system), median of the runs; wall time is in the JSON. The machine is shared: wall time also counts waiting for a core.`,
    `Memory: heap peak = largest process.memoryUsage().heapUsed sampled after each compute step (no forced GC between steps), input included; max RSS = the kernel's high-water mark of the size's own process (input generation included), taken before the stand-in runs.`,
    `Stand-in: the command's CPU time minus the stand-in's own work inside sync() (its simulation of Excel) is the add-in's compute; host processing time in Excel is not modelled. ${LARGEST_RUN_ON_STANDIN.toLocaleString("en-US")} rows is the largest size run on the stand-in for every command by default.`,
    `Naive adapter (bench/naiveAdapter.ts): same core, one sync per row read and per row written; it writes values, fills and notes only (no formats), which favours it.`
  );
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGb: totalmem() / 1024 ** 3,
      loadAverageStart: loadStart,
      loadAverageEnd: loadavg(),
    },
    git: git(),
    seeds: { rows: seeds.reduce((n, t) => n + t.rows.length, 0), issues: seedIssues },
    sizes: results,
    bundle,
    targets: evaluateTargets(results, bundle),
    notes,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(formatReport(report));
  console.log(`\nFigures written to ${join("bench", "results", "latest.json")}`);
}

main();
