import noticeText from "../../../seeds/000_867c357d3391b2e7.txt";
import minxinText from "../../../seeds/003_4a3e803327059358.txt";
import { parseSeedText } from "../parse/seedText";
import type { ParseResult } from "../table/schema";

/** The 2022 津南区 documents that ship with the add-in, as they were extracted from Word. */
export const SEED_DOCUMENTS = [
  { file: "000_867c357d3391b2e7.txt", text: noticeText },
  { file: "003_4a3e803327059358.txt", text: minxinText },
] as const;

/** The four seed tables (city, key, district, minxin), read by the same parser as any file. */
export function bundledSeedTables(): ParseResult {
  const results = SEED_DOCUMENTS.map((d) => parseSeedText(d.text, d.file));
  return { tables: results.flatMap((r) => r.tables), problems: results.flatMap((r) => r.problems) };
}
