import type { BundleSize } from "./bundle";
import { sum, type Timing } from "./measure";
import type { ComputeSteps, SizeResult } from "./size";
import type { CommandStats } from "./standin";

/** The targets of issue 7, point 3. Read from the output; no test enforces them. */
export const TARGETS = {
  checkRows: 100_000,
  checkCpuMs: 1_000,
  syncRows: 10_000,
  maxSyncs: 5,
  /** Excel on the web's request limit, as the stand-in applies it. */
  maxRequestBytes: 5_000_000,
  maxGzipBytes: 300 * 1024,
};

export interface TargetResult {
  target: string;
  met: boolean;
  /** The figure and by how much it is met or missed. */
  detail: string;
}

/** The 校验 command's compute in the core: read the grids, run the rules, build its patch. */
export function checkCompute(steps: ComputeSteps): Timing {
  return sum(steps.readGrid, steps.validate, steps.checkPatch);
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const bytes = (n: number) => (n >= 1_000_000 ? mb(n) : kb(n));

export function evaluateTargets(
  sizes: readonly SizeResult[],
  bundle: BundleSize | null
): TargetResult[] {
  const out: TargetResult[] = [];
  const big = sizes.find((s) => s.rows === TARGETS.checkRows);
  if (big) {
    const t = checkCompute(big.compute);
    const met = t.cpuMs < TARGETS.checkCpuMs;
    const ratio = t.cpuMs / TARGETS.checkCpuMs;
    out.push({
      target: `校验 of ${int(TARGETS.checkRows)} rows in under 1 s of compute`,
      met,
      detail:
        `${seconds(t.cpuMs)} CPU (wall ${seconds(t.wallMs)}; readGrid ${seconds(big.compute.readGrid.cpuMs)}` +
        ` + validate ${seconds(big.compute.validate.cpuMs)} + patch ${seconds(big.compute.checkPatch.cpuMs)}) — ` +
        (met
          ? `${int(TARGETS.checkCpuMs - t.cpuMs)} ms under`
          : `${ratio.toFixed(1)}× the target, ${seconds(t.cpuMs - TARGETS.checkCpuMs)} over`),
    });
  }
  const mid = sizes.find((s) => s.rows === TARGETS.syncRows)?.adapter.check;
  if (mid) {
    const syncsMet = mid.syncs <= TARGETS.maxSyncs && mid.error === null;
    const sizeMet = mid.largestRequestBytes <= TARGETS.maxRequestBytes && mid.refused === 0;
    out.push({
      target: `校验 of ${int(TARGETS.syncRows)} rows in at most ${TARGETS.maxSyncs} syncs, no request over 5 MB`,
      met: syncsMet && sizeMet,
      detail:
        `${mid.syncs} syncs (${mid.syncs <= TARGETS.maxSyncs ? "✓" : `✗ ${mid.syncs - TARGETS.maxSyncs} over`}), ` +
        `largest request ${mb(mid.largestRequestBytes)} (${sizeMet ? "✓" : "✗"}), ` +
        (mid.refused > 0 ? `${mid.refused} refused, ` : "") +
        `largest response ${mb(mid.largestResponseBytes)}` +
        (mid.error ? `; failed: ${mid.error}` : ""),
    });
  }
  if (bundle) {
    const met = bundle.gzipBytes < TARGETS.maxGzipBytes;
    out.push({
      target: "task-pane bundle under 300 KB gzip",
      met,
      detail:
        `${kb(bundle.gzipBytes)} gzip, ${kb(bundle.rawBytes)} raw — ` +
        (met
          ? `${kb(TARGETS.maxGzipBytes - bundle.gzipBytes)} under`
          : `${kb(bundle.gzipBytes - TARGETS.maxGzipBytes)} over`),
    });
  }
  return out;
}

/** Fixed-width columns; CJK characters count double, as a terminal shows them. */
function table(header: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 ? c + " ".repeat(cols[i] - width(c)) : " ".repeat(cols[i] - width(c)) + c
      )
      .join("  ");
  return [line(header), cols.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const cpu = (t: Timing) => int(t.cpuMs);

function computeTable(sizes: readonly SizeResult[]): string {
  return table(
    [
      "rows",
      "runs",
      "parse",
      "readGrid",
      "validate",
      "校验 patch",
      "单位表 patch",
      "校验 total",
      "parse+validate rows/s",
      "heap peak",
      "max RSS",
    ],
    sizes.map((s) => {
      const c = s.compute;
      const pv = c.parse.cpuMs + c.validate.cpuMs;
      return [
        int(s.rows),
        String(s.runs),
        cpu(c.parse),
        cpu(c.readGrid),
        cpu(c.validate),
        cpu(c.checkPatch),
        cpu(c.unitPatch),
        `${cpu(checkCompute(c))} (${int(checkCompute(c).wallMs)})`,
        int(s.rows / (pv / 1000)),
        `${int(s.memory.peakHeapMb)} MB`,
        `${int(s.memory.maxRssMb)} MB`,
      ];
    })
  );
}

function stat(c: CommandStats | null): string[] {
  if (!c) return ["–", "–", "–"];
  const mark = c.extrapolatedFrom ? "*" : "";
  const failed = c.error ? " FAILED" : "";
  return [
    `${int(c.syncs)}${mark}${failed}`,
    bytes(c.largestRequestBytes),
    `${seconds(c.totalMs)}${mark}`,
  ];
}

function adapterTable(sizes: readonly SizeResult[]): string {
  const rows: string[][] = [];
  for (const s of sizes) {
    for (const [name, key] of [
      ["校验", "check"],
      ["生成单位表", "unitSheets"],
    ] as const) {
      const real = s.adapter[key];
      const naive = s.naive[key];
      const ratio = real && naive && !real.error ? `×${int(naive.totalMs / real.totalMs)}` : "–";
      rows.push([name, int(s.rows), ...stat(real), ...stat(naive), ratio]);
    }
  }
  return table(
    [
      "command",
      "rows",
      "syncs",
      "largest request",
      "simulated total",
      "naive syncs",
      "naive largest",
      "naive total",
      "naive/adapter",
    ],
    rows
  );
}

export interface BenchReport {
  generatedAt: string;
  command: string;
  machine: {
    node: string;
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  git: { commit: string; uncommittedChanges: boolean };
  seeds: { rows: number; issues: number };
  sizes: SizeResult[];
  bundle: BundleSize | null;
  targets: TargetResult[];
  notes: string[];
}

export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
  const out: string[] = [];
  out.push(
    `督办助手 bench — ${r.generatedAt}`,
    `node ${m.node}, ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb.toFixed(0)} GB; load average ${load(m.loadAverageStart)} at start, ${load(m.loadAverageEnd)} at end`,
    `commit ${r.git.commit.slice(0, 10)}${r.git.uncommittedChanges ? " with uncommitted changes in the tree" : ""}`,
    "",
    "Compute in the core, no I/O — CPU ms, median of the runs (校验 total: wall ms in brackets)",
    computeTable(r.sizes),
    "",
    "Issues found per 100 rows: " +
      [
        `seeds ${((100 * r.seeds.issues) / r.seeds.rows).toFixed(1)}`,
        ...r.sizes.map((s) => `${int(s.rows)}: ${((100 * s.issues.total) / s.rows).toFixed(1)}`),
      ].join(", "),
    "",
    `Through the Office.js adapter on the stand-in, ${100} ms a round trip — simulated total = 100 ms × syncs + the command's CPU time outside the stand-in`,
    adapterTable(r.sizes)
  );
  if (
    r.sizes.some((s) =>
      [s.naive.check, s.naive.unitSheets, s.adapter.unitSheets].some((c) => c?.extrapolatedFrom)
    )
  )
    out.push(
      "* extrapolated linearly from the largest size run on the stand-in, not measured (see notes)"
    );
  const largest = r.sizes[r.sizes.length - 1];
  if (largest) {
    const rules = Object.entries(largest.ruleCpuMs).sort((a, b) => b[1] - a[1]);
    const total = rules.reduce((n, [, ms]) => n + ms, 0);
    out.push(
      "",
      `Where validate's time goes at ${int(largest.rows)} rows (CPU ms per rule in one more run, ${int(total)} ms in all; the first rule to need a cell's deadlines or names pays for parsing them):`,
      rules
        .slice(0, 8)
        .map(([id, ms]) => `${id} ${int(ms)}`)
        .join(", ")
    );
  }
  if (r.bundle) {
    const b = r.bundle;
    out.push(
      "",
      `Task-pane bundle (${b.source}${b.buildMs ? `, built in ${seconds(b.buildMs)}` : ""}): ${b.files.join(", ")} — ${kb(b.rawBytes)} raw, ${kb(b.gzipBytes)} gzip`
    );
  }
  out.push("", "Targets (issue 7, point 3)");
  for (const t of r.targets) out.push(`${t.met ? "✓" : "✗"} ${t.target}: ${t.detail}`);
  if (r.notes.length > 0) out.push("", "Notes", ...r.notes.map((n) => `- ${n}`));
  return out.join("\n");
}
