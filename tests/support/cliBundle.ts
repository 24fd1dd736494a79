import { buildSync } from "esbuild";
import { readdirSync, renameSync, rmSync, statSync } from "fs";
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";

/**
 * The CLI the tests start, as one JavaScript file: src/cli/main.ts, the sources it imports and
 * the npm packages they use (exceljs, zod, commander), bundled by esbuild (the transform tsx
 * applies). `npm test` starts the CLI about 100 times. A start of `duban rules` costs 1.7 s of
 * CPU through tsx, 0.8 s from a bundle that leaves the packages to `require` (Node resolves and
 * compiles exceljs's 300 files), 0.4 s with them inside, and 0.2 s once V8's code cache for it
 * is saved (tests/support/cliStart.js).
 *
 * It sits at src/cli's depth below the project (build/ is git-ignored), so that main.ts's paths
 * relative to its own folder (the seeds `demo` reads) resolve as they do from src/cli.
 */
export const CLI_BUNDLE = join(__dirname, "..", "..", "build", "cli", "main.js");

/** What the files made from the bundle are named by: the first 16 hex digits of its SHA-1. */
export function bundleKey(source: string | Buffer = readFileSync(CLI_BUNDLE)): string {
  return createHash("sha1").update(source).digest("hex").slice(0, 16);
}

/** A file made from another bundle, not touched for this long, is no run's any more. */
const UNUSED_MS = 60 * 60_000;

/** Jest globalSetup: bundles the current sources once per `jest` run, before any test starts. */
export default function bundleCli(): void {
  // Written aside and renamed: a second jest run in the same checkout never starts half a file.
  const partial = `${CLI_BUNDLE}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [join(__dirname, "..", "..", "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile: partial,
    logLevel: "error",
  });
  renameSync(partial, CLI_BUNDLE);
  // The code caches and shared outputs of earlier bundles (see cliStart.js and cli.ts).
  const folder = join(CLI_BUNDLE, "..");
  const key = bundleKey();
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (
      name !== "main.js" &&
      !name.includes(key) &&
      Date.now() - statSync(path).mtimeMs > UNUSED_MS
    )
      rmSync(path, { recursive: true, force: true });
  }
}
