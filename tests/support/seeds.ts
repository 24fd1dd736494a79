import { readFileSync } from "fs";
import { join } from "path";
import { parseSeedText } from "../../src/core/parse/seedText";
import type { Table } from "../../src/core/table/schema";

export const SEED_DIR = join(__dirname, "..", "..", "seeds");
export const NOTICE_FILE = "000_867c357d3391b2e7.txt";
export const MINXIN_FILE = "003_4a3e803327059358.txt";

export function seedText(file: string): string {
  return readFileSync(join(SEED_DIR, file), "utf8");
}

let cache: Table[] | undefined;

/** The four seed tables (city, key, district, minxin), parsed once per test file. */
export function seedTables(): Table[] {
  cache ??= [NOTICE_FILE, MINXIN_FILE].flatMap((f) => parseSeedText(seedText(f), f).tables);
  return cache;
}

export function seedTable(id: string): Table {
  const table = seedTables().find((t) => t.id === id);
  if (!table) throw new Error(`no seed table ${id}`);
  return table;
}
