import { buildSync } from "esbuild";
import { renameSync } from "fs";
import { join } from "path";

/**
 * The CLI the tests start, as one JavaScript file: src/cli/main.ts and the sources it imports,
 * bundled by esbuild (the transform tsx applies), the npm packages left to `require` as tsx
 * leaves them. `npm test` starts the CLI about 100 times; through tsx each start cost about
 * 1.6 s more CPU (`duban rules`: 0.7 s from the bundle, 1.7 s through tsx).
 *
 * It sits at src/cli's depth below the project (build/ is git-ignored), so that main.ts's paths
 * relative to its own folder (the seeds `demo` reads) resolve as they do from src/cli.
 */
export const CLI_BUNDLE = join(__dirname, "..", "..", "build", "cli", "main.js");

/** Jest globalSetup: bundles the current sources once per `jest` run, before any test starts. */
export default function bundleCli(): void {
  // Written aside and renamed: a second jest run in the same checkout never starts half a file.
  const partial = `${CLI_BUNDLE}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [join(__dirname, "..", "..", "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    packages: "external",
    outfile: partial,
    logLevel: "error",
  });
  renameSync(partial, CLI_BUNDLE);
}
