import { readFileSync, statSync } from "fs";
import { basename } from "path";
import { parseSeedText } from "../core/parse/seedText";
import { uniqueTableId } from "../core/parse/tableIdentity";
import type { ParseProblem, ParseResult, Table } from "../core/table/schema";

/** A file the CLI could not open at all (as opposed to problems inside a file it could read). */
export class UnreadableInput extends Error {}

/**
 * Reads every file into tables. Table ids stay unique across files (a second 附件1 becomes city-2),
 * so files given together can be checked together.
 */
export function readSources(paths: readonly string[]): ParseResult {
  const tables: Table[] = [];
  const problems: ParseProblem[] = [];
  for (const path of paths) {
    const result = parseSeedText(readText(path), basename(path));
    for (const table of result.tables) {
      const id = uniqueTableId(
        table.id.replace(/-\d+$/, ""),
        tables.map((t) => t.id)
      );
      tables.push({ ...table, id });
    }
    problems.push(...result.problems);
  }
  return { tables, problems };
}

function readText(path: string): string {
  try {
    if (!statSync(path).isFile()) throw new UnreadableInput(`「${path}」不是文件。`);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    throw new UnreadableInput(
      `无法读取文件「${path}」：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : String(e)}。`
    );
  }
}
