import { spawnSync, type SpawnSyncReturns } from "child_process";
import { join } from "path";
import { CLI_BUNDLE } from "./cliBundle";

export const ROOT = join(__dirname, "..", "..");

/** Runs the real CLI (src/cli/main.ts, bundled by jest's globalSetup) as a user would. */
export function duban(...args: string[]): SpawnSyncReturns<string> {
  return dubanIn(ROOT, ...args);
}

/** The CLI run from another folder (`demo` writes out/ under the folder it is run from). */
export function dubanIn(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: "utf8", cwd });
}
