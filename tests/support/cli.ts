import { spawnSync, type SpawnSyncReturns } from "child_process";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

/** Runs the real CLI (src/cli/main.ts through tsx) as a user would, and returns its output. */
export function duban(...args: string[]): SpawnSyncReturns<string> {
  return dubanIn(ROOT, ...args);
}

/** The CLI run from another folder (`demo` writes out/ under the folder it is run from). */
export function dubanIn(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  return spawnSync(process.execPath, [tsx, join(ROOT, "src", "cli", "main.ts"), ...args], {
    encoding: "utf8",
    cwd,
  });
}
