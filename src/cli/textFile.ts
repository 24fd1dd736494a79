import { closeSync, openSync, readSync, statSync } from "fs";
import { extname } from "path";
import { LEGACY_XLS } from "../xlsx/errors";
import { UnreadableInput } from "./unreadable";

/**
 * Text files above this size are refused before they are read. The 100,000-row bench document
 * is about 30 MB; a text file far beyond that is not a breakdown table and would exhaust memory.
 */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** The encodings a text file is read in, as the report names them. */
export type TextEncoding = "UTF-8" | "UTF-8（带 BOM）" | "UTF-16LE" | "UTF-16BE" | "GB18030";

const BOMS: ReadonlyArray<{ bytes: number[]; encoding: TextEncoding; label: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "UTF-8（带 BOM）", label: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "UTF-16LE", label: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "UTF-16BE", label: "utf-16be" },
];

/** Files the CLI reads as workbooks: .xlsx, and .xlsm read the same way (its macros are not copied). */
export function isWorkbookFile(path: string): boolean {
  return [".xlsx", ".xlsm"].includes(extname(path).toLowerCase());
}

/**
 * Decodes a text file: by its byte-order mark (UTF-8, UTF-16), else as strict UTF-8, else as
 * GB18030 (which includes GBK, the usual encoding of text saved on Chinese Windows). A file that
 * is neither is refused with a message naming it.
 */
export function decodeText(
  bytes: Uint8Array,
  path: string
): { text: string; encoding: TextEncoding } {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      const text = strictly(bom.label, bytes.subarray(bom.bytes.length));
      if (text !== null) return { text, encoding: bom.encoding };
    }
  }
  const utf8 = strictly("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8" };
  const gb = strictly("gb18030", bytes);
  if (gb !== null) return { text: gb, encoding: "GB18030" };
  throw new UnreadableInput(
    `无法读取文件「${path}」：它既不是 UTF-8、UTF-16 编码，也不是 GB18030（GBK）编码的文本。请在记事本或 WPS 中另存为 UTF-8 编码后重试。`
  );
}

function strictly(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Reads a text file whole, refusing folders, missing files, .xls workbooks and files over the cap. */
export function readTextFile(path: string): { text: string; encoding: TextEncoding } {
  if (extname(path).toLowerCase() === ".xls") {
    throw new UnreadableInput(`文件「${path}」是${LEGACY_XLS}`);
  }
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UnreadableInput(`「${path}」不是文件。`);
    if (stat.size > MAX_TEXT_BYTES) {
      throw new UnreadableInput(
        `文件「${path}」有 ${(stat.size / 1024 / 1024).toFixed(1)} MB，超过文本文件的上限 ${MAX_TEXT_BYTES / 1024 / 1024} MB，未读取。`
      );
    }
    bytes = Buffer.alloc(stat.size);
    const fd = openSync(path, "r");
    try {
      // Read no more than the size checked above, even if the file grows meanwhile.
      let at = 0;
      while (at < bytes.length) {
        const n = readSync(fd, bytes, at, bytes.length - at, at);
        if (n === 0) break;
        at += n;
      }
      bytes = bytes.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof UnreadableInput) throw e;
    throw new UnreadableInput(
      `无法读取文件「${path}」：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : String(e)}。`
    );
  }
  return decodeText(bytes, path);
}
