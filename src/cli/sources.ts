import { basename } from "path";
import { parseSeedText } from "../core/parse/seedText";
import { uniqueTableId } from "../core/parse/tableIdentity";
import type { ParseProblem, ParseResult, Table } from "../core/table/schema";
import { readTextFile } from "./textFile";

export { UnreadableInput } from "./unreadable";
export { isWorkbookFile } from "./textFile";

/**
 * Reads every file into tables. Table ids stay unique across files (a second 附件1 becomes city-2),
 * so files given together can be checked together. `notes` says which encoding each file was read in.
 */
export function readSources(paths: readonly string[]): ParseResult & { notes: string[] } {
  const tables: Table[] = [];
  const problems: ParseProblem[] = [];
  const notes: string[] = [];
  for (const path of paths) {
    const { text, encoding } = readTextFile(path);
    notes.push(`已读取「${path}」（${encoding} 编码）。`);
    const result = parseSeedText(text, basename(path));
    for (const table of result.tables) {
      const id = uniqueTableId(
        table.id.replace(/-\d+$/, ""),
        tables.map((t) => t.id)
      );
      tables.push({ ...table, id });
    }
    for (const problem of result.problems) problems.push(problem);
  }
  return { tables, problems, notes };
}
