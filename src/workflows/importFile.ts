import {
  decodeText,
  MAX_TEXT_BYTES,
  tooLargeMessage,
  undecodableMessage,
} from "../core/parse/decodeText";
import { CFB, startsWith, ZIP } from "../core/parse/fileMagic";
import { parseSeedText } from "../core/parse/seedText";
import { distinctTableId } from "../core/parse/tableIdentity";
import { defaultHeaderVocabulary, type HeaderVocabulary } from "../core/parse/vocabulary";
import { readingOf } from "../core/table/labels";
import type { ParseProblem, Table } from "../core/table/schema";
import type { TextFileInput } from "../taskpane/actions";
import { XlsxError } from "../xlsx/errors";

/*
 * 导入分解表: the tables of a file the user picked — text copied from Word, or a workbook
 * (.xlsx, .xlsm) — read as the CLI reads them, with what could not be read said per file,
 * table and row.
 */

/** The tables a picked file holds, and what of it was not read, each a Chinese sentence. */
export interface FileTables {
  tables: Table[];
  problems: string[];
}

const UNCHANGED = "未导入，工作簿未改动。";

/** The workbook reader (ExcelJS) is fetched on first use, so the pane starts without it. */
const loadWorkbookReader = () => import(/* webpackChunkName: "files" */ "../xlsx/workbookTables");

function extensionOf(name: string): string {
  return /\.[^.]+$/.exec(name)?.[0].toLowerCase() ?? "";
}

/** Word files are zip packages (.docx) or compound files (.doc), as workbooks are. */
const WORD = [".docx", ".doc", ".docm", ".wps"];
/** Workbooks, old and new: the old .xls is refused by the reader with what to do. */
const WORKBOOK = [".xlsx", ".xlsm", ".xls", ".et"];

/**
 * The breakdown tables of `file`, by its kind: a workbook by its name or its bytes (a zip
 * package or an old compound file), else text. A file with no table, and one that cannot be
 * read (an .xls, an encrypted workbook, a Word file), is refused with a message naming it,
 * before anything is written.
 */
export async function tablesOfFile(
  file: TextFileInput,
  vocabulary?: HeaderVocabulary
): Promise<FileTables> {
  const ext = extensionOf(file.name);
  if (WORD.includes(ext)) {
    throw new Error(
      `文件「${file.name}」是 Word 文件，${UNCHANGED}请在 Word 中复制分解表，粘贴到记事本后另存为 .txt，或粘贴到 Excel 后另存为 .xlsx，再导入。`
    );
  }
  const workbook =
    WORKBOOK.includes(ext) || startsWith(file.bytes, ZIP) || startsWith(file.bytes, CFB);
  return workbook ? workbookTables(file, vocabulary) : textTables(file, vocabulary);
}

async function workbookTables(
  file: TextFileInput,
  vocabulary: HeaderVocabulary | undefined
): Promise<FileTables> {
  const { readWorkbookTables } = await loadWorkbookReader();
  let read;
  try {
    read = await readWorkbookTables(file.bytes, vocabulary ?? defaultHeaderVocabulary(), file.name);
  } catch (error) {
    if (error instanceof XlsxError) throw new Error(`${error.message}${UNCHANGED}`);
    throw error;
  }
  // Two sheets may hold tables of one kind: each gets an id (and so a 导入 sheet) of its own.
  const tables: Table[] = [];
  for (const table of read.tables) {
    const id = distinctTableId(table, tables);
    tables.push({ ...table, id });
  }
  return { tables, problems: problemLines(file.name, tables, read.problems, "sheet") };
}

function textTables(file: TextFileInput, vocabulary: HeaderVocabulary | undefined): FileTables {
  if (file.bytes.length > MAX_TEXT_BYTES)
    throw new Error(tooLargeMessage(file.name, file.bytes.length));
  const decoded = decodeText(file.bytes);
  if (decoded === null) throw new Error(undecodableMessage(file.name));
  const { tables, problems } = parseSeedText(decoded.text, file.name, vocabulary);
  if (tables.length === 0) {
    const why = problems[0]?.message ?? "";
    throw new Error(
      `文件「${file.name}」中没有可识别的责任分解表，工作簿未改动。${why}请选择从 Word 复制表格后保存的文本文件（.txt）或 Excel 工作簿（.xlsx），表头应含“序号、重点工作、牵头单位”等。`
    );
  }
  const lines = problemLines(file.name, tables, problems, "text");
  // Text without a byte-order mark that is not UTF-8 was taken for GBK: a guess the user can check.
  if (decoded.encoding === "GB18030")
    lines.unshift(
      `「${file.name}」不是 UTF-8 编码，已按 GB18030（GBK）编码读取；如导入的文字有乱码，请在记事本中另存为 UTF-8 后重新导入。`
    );
  return { tables, problems: lines };
}

/**
 * The parser's problems said where they are: the file, the sheet or table, and the row (a sheet
 * row of a workbook, a line of a text file); then the columns read but not written to the 导入
 * sheet (an earlier period's progress beside the current one).
 */
function problemLines(
  file: string,
  tables: readonly Table[],
  problems: readonly ParseProblem[],
  kind: "sheet" | "text"
): string[] {
  const lines = problems.map((p) => {
    const table =
      kind === "sheet"
        ? tables.find((t) => t.source === p.source)
        : tables.find((t) => t.rows.some((r) => r.line >= p.line));
    const where = [
      `「${file}」`,
      kind === "sheet" ? `工作表「${p.source}」` : "",
      table ? `表「${table.title}」` : "",
      p.line > 0 ? `${kind === "text" ? "文本" : ""}第 ${p.line} 行` : "",
    ].join("");
    return `${where}：${p.message}`;
  });
  for (const table of tables) {
    const kept = readingOf(table).filter((r) => r.history);
    if (kept.length > 0)
      lines.push(
        `「${file}」表「${table.title}」的${kept.map((r) => `「${r.title}」`).join("、")}列（较早时段或同时段另一列进展）未写入导入表，请在原文件中查看。`
      );
  }
  return lines;
}
