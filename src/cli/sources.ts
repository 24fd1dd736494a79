import { readFileSync } from "fs";
import { basename } from "path";
import type { GridLayout } from "../core/grid/gridTable";
import type { Grid } from "../core/grid/schema";
import { looksLikeText, parseSeedText } from "../core/parse/seedText";
import { distinctTableId } from "../core/parse/tableIdentity";
import {
  ColumnMapping,
  defaultHeaderVocabulary,
  type HeaderVocabulary,
} from "../core/parse/vocabulary";
import type { ParseProblem, ParseResult, Table } from "../core/table/schema";
import { XlsxError } from "../xlsx/errors";
import { isWorkbookFile, readTextFile } from "./textFile";
import { UnreadableInput } from "./unreadable";

export { UnreadableInput } from "./unreadable";
export { isWorkbookFile } from "./textFile";

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

export interface SourceOptions {
  /** A --columns file: the user's 列对照 (表头 → meaning, or "unused"). */
  columns?: string;
}

/**
 * Reads every file into tables: seed text files, and .xlsx workbooks (every sheet laid out as a
 * breakdown table). Table ids stay unique across files (a second 附件1 becomes city-2), so files
 * given together can be checked together. `notes` says how each file was read; `layouts` where
 * each table read from a workbook stands in its sheet (by table id).
 */
export async function readSources(
  paths: readonly string[],
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): Promise<
  ParseResult & { notes: string[]; rosterGrid: Grid | null; layouts: Map<string, GridLayout> }
> {
  let rosterGrid: Grid | null = null;
  const layouts = new Map<string, GridLayout>();
  const tables: Table[] = [];
  const problems: ParseProblem[] = [];
  const notes: string[] = [];
  for (const path of paths) {
    let result: ParseResult & { layouts?: Map<Table, GridLayout> };
    if (isWorkbookFile(path)) {
      const read = await readWorkbookFile(path, vocabulary);
      rosterGrid ??= read.rosterGrid;
      result = read;
      notes.push(`已读取工作簿「${path}」。`);
    } else {
      const { text, encoding } = readTextFile(path);
      if (!looksLikeText(text))
        throw new UnreadableInput(`「${path}」既不是 .xlsx 工作簿，也不是可读的文本文件，未读取。`);
      notes.push(`已读取「${path}」（${encoding} 编码）。`);
      result = parseSeedText(text, basename(path), vocabulary);
    }
    for (const table of result.tables) {
      const id = distinctTableId(table, tables);
      tables.push({ ...table, id });
      const layout = result.layouts?.get(table);
      if (layout) layouts.set(id, layout);
    }
    for (const problem of result.problems) problems.push(problem);
  }
  return { tables, problems, notes, rosterGrid, layouts };
}

/**
 * A workbook's tables (see readWorkbookTables); a file it cannot read ends the run. The .xlsx
 * reader (ExcelJS, half a second to load) is loaded only when a workbook is given.
 */
async function readWorkbookFile(path: string, vocabulary: HeaderVocabulary) {
  const { readWorkbookTables } = await import("../xlsx/workbookTables");
  try {
    return await readWorkbookTables(path, vocabulary);
  } catch (e) {
    if (e instanceof XlsxError) throw new UnreadableInput(e.message);
    throw e;
  }
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
