import { closeSync, openSync, readSync, statSync } from "fs";
import { extname } from "path";
import {
  decodeText,
  MAX_TEXT_BYTES,
  tooLargeMessage,
  undecodableMessage,
  type TextEncoding,
} from "../core/parse/decodeText";
import { LEGACY_XLS } from "../xlsx/errors";
import { UnreadableInput } from "./unreadable";

/** Files the CLI reads as workbooks: .xlsx, and .xlsm read the same way (its macros are not copied). */
export function isWorkbookFile(path: string): boolean {
  return [".xlsx", ".xlsm"].includes(extname(path).toLowerCase());
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
      throw new UnreadableInput(tooLargeMessage(path, stat.size));
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
  const decoded = decodeText(bytes);
  if (decoded === null) throw new UnreadableInput(undecodableMessage(path));
  return decoded;
}
