import { buildSync } from "esbuild";

/** A test-only entry module (a stand-in) bundled into one script a page can run before the pane's bundle. */
export function browserBundle(entry: string): string {
  return buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  }).outputFiles[0].text;
}
