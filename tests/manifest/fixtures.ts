import { readFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const ASSETS = join(ROOT, "assets");
/** The repository's manifest.xml. */
export const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** The source manifest with every occurrence of one piece replaced; fails loudly if the piece is not there. */
export function edited(from: string, to: string): string {
  expect(source).toContain(from);
  return source.split(from).join(to);
}

/** The 1-based line of the source manifest on which text first appears. */
export function lineOf(text: string): number {
  const index = source.split("\n").findIndex((line) => line.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}
