import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { CFB, startsWith, ZIP } from "../core/parse/fileMagic";
import { inputError } from "./errors";
import { applyExcelJsFixes } from "./excelJsFixes";
import { MAX_XML_BYTES, unzippedXmlBytes } from "./zipLimits";

/**
 * Files above this size are refused before they are read. A breakdown workbook of a few thousand
 * rows is well under 2 MB; ExcelJS holds the whole workbook in memory at many times its zipped
 * size, so a file far beyond that is more likely a workbook full of pictures or an export of
 * something else than a table to check — and would exhaust a small machine's memory.
 */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

/** A workbook given as a file path, or as the file's bytes. */
export type XlsxSource = string | Uint8Array;

/** What names the workbook in messages: its path, or `name` for bytes. */
export function sourceName(source: XlsxSource, name?: string): string {
  return name ?? (typeof source === "string" ? source : "（内存中的工作簿）");
}

/**
 * Whether `bytes` hold `needle`. Plain Uint8Array code (no Buffer), so the task pane reads
 * returned files in the browser with the same checks.
 */
function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (let at = bytes.indexOf(first); at >= 0; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && bytes[at + i] === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return false;
}

/** Stream names in a compound file's directory are UTF-16LE. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const utf16 = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    utf16[2 * i] = name.charCodeAt(i) & 0xff;
    utf16[2 * i + 1] = name.charCodeAt(i) >> 8;
  }
  return includes(bytes, utf16);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function readBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw inputError(path, "not-a-file");
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw inputError(path, "missing");
    throw error;
  }
  checkSize(path, size);
  return fs.readFile(path);
}

function checkSize(file: string, size: number): void {
  if (size > MAX_XLSX_BYTES) {
    throw inputError(
      file,
      "too-large",
      `有 ${megabytes(size)}，超过督办助手可读取的上限 ${megabytes(MAX_XLSX_BYTES)}`
    );
  }
}

/**
 * Opens an .xlsx workbook, refusing with an XlsxInputError (in Chinese, naming the file) what is
 * not one: a missing or oversized file (checked before reading), anything that is not a zip
 * package (a text file renamed, random bytes), one whose XML unzips to more than MAX_XML_BYTES,
 * a password-protected workbook or an old .xls
 * (both OLE compound files, told apart by their streams), a damaged zip, and a workbook without
 * worksheets.
 */
export async function loadXlsx(source: XlsxSource, name?: string): Promise<ExcelJS.Workbook> {
  const file = sourceName(source, name);
  if (typeof source !== "string") checkSize(file, source.byteLength);
  const bytes = typeof source === "string" ? await readBytes(source) : source;
  if (startsWith(bytes, CFB)) {
    if (hasStream(bytes, "EncryptedPackage")) throw inputError(file, "encrypted");
    if (hasStream(bytes, "Workbook") || hasStream(bytes, "Book"))
      throw inputError(file, "legacy-xls");
    throw inputError(file, "not-xlsx");
  }
  if (!startsWith(bytes, ZIP)) throw inputError(file, "not-xlsx");
  const xml = unzippedXmlBytes(bytes);
  if (xml === null) throw inputError(file, "damaged");
  if (xml > MAX_XML_BYTES) {
    throw inputError(
      file,
      "too-large",
      `解压后的表格内容超过 ${megabytes(MAX_XML_BYTES)}（督办助手可读取的上限）`
    );
  }
  applyExcelJsFixes();
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings declare a Buffer of their own; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    throw inputError(file, "damaged");
  }
  if (workbook.worksheets.length === 0) {
    // A zip without a workbook part is some other package (a .docx, an archive), not an empty workbook.
    const workbookPart = new TextEncoder().encode("xl/workbook.xml");
    throw inputError(file, includes(bytes, workbookPart) ? "empty" : "not-xlsx");
  }
  return workbook;
}
