import { readFileSync, statSync } from "fs";
import { basename, extname } from "path";
import { readGridTable } from "../core/grid/gridTable";
import { looksLikeText, parseSeedText } from "../core/parse/seedText";
import { uniqueTableId } from "../core/parse/tableIdentity";
import {
  ColumnMapping,
  defaultHeaderVocabulary,
  type HeaderVocabulary,
} from "../core/parse/vocabulary";
import type { ParseProblem, ParseResult, Table } from "../core/table/schema";
import { readXlsx, XlsxError } from "../xlsx";

/** A file the CLI could not open at all (as opposed to problems inside a file it could read). */
export class UnreadableInput extends Error {}

export interface SourceOptions {
  /** A --columns file: the user's 列对照 (表头 → meaning, or "unused"). */
  columns?: string;
}

/** The vocabulary the files are read with: the shipped one, with the --columns mapping on top. */
export function vocabularyOf(columns: string | undefined): HeaderVocabulary {
  const vocabulary = defaultHeaderVocabulary();
  if (columns === undefined) return vocabulary;
  const parsed = ColumnMapping.safeParse(readJson(columns, "列对照文件"));
  if (!parsed.success)
    throw new UnreadableInput(
      `列对照文件「${columns}」格式不对：应为 {"表头": "含义"}，含义为 task、detail、due、leader、lead、coop 等之一或 "unused"。`
    );
  return vocabulary.withMapping(parsed.data);
}

/**
 * Reads every file into tables: seed text files, and .xlsx workbooks (every sheet laid out as a
 * breakdown table). Table ids stay unique across files (a second 附件1 becomes city-2), so files
 * given together can be checked together. A file in neither format is refused.
 */
export async function readSources(
  paths: readonly string[],
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): Promise<ParseResult> {
  const tables: Table[] = [];
  const problems: ParseProblem[] = [];
  for (const path of paths) {
    const result = isWorkbook(path)
      ? await readWorkbookTables(path, vocabulary)
      : parseSeedText(readText(path), basename(path), vocabulary);
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

/** An .xlsx by its name or by its first bytes (a zip archive), whatever it is called. */
function isWorkbook(path: string): boolean {
  if (extname(path).toLowerCase() === ".xlsx") return true;
  return readBytes(path).subarray(0, 4).toString("latin1") === "PK\u0003\u0004";
}

/** The breakdown tables of a workbook's sheets; the add-in's own output sheets are left out. */
async function readWorkbookTables(
  path: string,
  vocabulary: HeaderVocabulary
): Promise<ParseResult> {
  let read;
  try {
    read = await readXlsx(path);
  } catch (e) {
    if (e instanceof XlsxError) throw new UnreadableInput(e.message);
    throw e;
  }
  const tables: Table[] = [];
  const problems: ParseProblem[] = [...read.problems];
  read.grids.forEach((grid) => {
    const marker = read.sheets.find((s) => s.name === grid.sheet)?.generated;
    if (marker && marker.kind !== "import") return;
    const result = readGridTable(grid, vocabulary);
    if (result.table) tables.push(result.table);
    problems.push(...result.problems);
  });
  if (tables.length === 0)
    throw new UnreadableInput(
      `工作簿「${path}」中没有可识别的责任分解表（找不到含已知列名的表头）。`
    );
  return { tables, problems };
}

function readBytes(path: string): Buffer {
  try {
    if (!statSync(path).isFile()) throw new UnreadableInput(`「${path}」不是文件。`);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    throw new UnreadableInput(
      `无法读取文件「${path}」：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : String(e)}。`
    );
  }
}

function readText(path: string): string {
  const text = readBytes(path).toString("utf8");
  if (!looksLikeText(text))
    throw new UnreadableInput(
      `「${path}」既不是 .xlsx 工作簿，也不是可读的文本文件（UTF-8），未读取。`
    );
  return text;
}

/** A JSON file the user names (名册, 列对照), parsed; a clear message when it cannot be. */
export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UnreadableInput(`无法读取${what}「${path}」。`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UnreadableInput(
      `${what}「${path}」不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`
    );
  }
}
