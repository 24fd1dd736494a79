import { spawnSync, type SpawnSyncReturns } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { buildOnce } from "./buildLock";
import { bundleKey, CLI_BUNDLE } from "./cliBundle";
import { MINXIN_FILE, NOTICE_FILE, SEED_DIR } from "./seeds";

export const ROOT = join(__dirname, "..", "..");

/** Runs the real CLI (src/cli/main.ts, bundled by jest's globalSetup) as a user would. */
export function duban(...args: string[]): SpawnSyncReturns<string> {
  return dubanIn(ROOT, ...args);
}

/** The CLI run from another folder (`demo` writes out/ under the folder it is run from). */
export function dubanIn(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(__dirname, "cliStart.js"), CLI_BUNDLE, ...args], {
    encoding: "utf8",
    cwd,
  });
}

/** What a run of the CLI showed the user. */
export type CliRun = Pick<SpawnSyncReturns<string>, "status" | "stdout" | "stderr">;

/** The two seed files, 附件1–3 and 民心工程. */
export const SEED_FILES = [NOTICE_FILE, MINXIN_FILE].map((f) => join(SEED_DIR, f));

/**
 * The seed master: `duban check <both seeds> --date 2022-09-30 -o …`, the workbook that
 * split, collect, roster and re-run tests start from, copied to `path` (each file its own copy
 * to change), and what that run printed. The run costs 2 s of CPU; it is made once per bundle and
 * seeds (under a lock, kept beside the bundle and named by their content) for all test files.
 */
export async function checkedSeedMaster(path: string): Promise<CliRun> {
  const key = `${bundleKey()}-${bundleKey(SEED_FILES.map((f) => readFileSync(f, "utf8")).join(""))}`;
  const folder = join(CLI_BUNDLE, "..", `checked-seeds-${key}`);
  const saved = join(folder, "run.json");
  const output = join(folder, "总表.xlsx");
  const made = await buildOnce(
    join(CLI_BUNDLE, ".."),
    `checked-seeds-${key}`,
    () => existsSync(saved),
    (): CliRun => {
      mkdirSync(folder, { recursive: true });
      rmSync(output, { force: true });
      const { status, stdout, stderr } = duban(
        "check",
        ...SEED_FILES,
        "--date",
        "2022-09-30",
        "-o",
        output
      );
      // Only a run that worked is kept: a failed one is the caller's to report.
      if (status === 0) writeFileSync(saved, JSON.stringify({ status, stdout, stderr }));
      return { status, stdout, stderr };
    }
  );
  if (made && made.status !== 0) return made;
  copyFileSync(output, path);
  return JSON.parse(readFileSync(saved, "utf8")) as CliRun;
}
