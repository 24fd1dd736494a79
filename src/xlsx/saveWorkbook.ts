import { promises as fs } from "fs";
import { basename, dirname, join } from "path";
import type ExcelJS from "exceljs";
import { XlsxOutputError } from "./errors";

export interface SaveOptions {
  /** Overwrite an existing file (never the input file). */
  force?: boolean;
  /** The file the workbook was read from: it is never written. */
  input?: string;
}

async function statOrNull(path: string) {
  try {
    return await fs.stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function writeFailure(path: string, error: unknown): XlsxOutputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "所在文件夹不存在"
      : code === "EACCES" || code === "EPERM"
        ? "没有写入权限"
        : code === "EISDIR"
          ? "这是一个文件夹"
          : code === "ENOSPC"
            ? "磁盘空间不足"
            : `系统错误 ${code ?? "未知"}`;
  return new XlsxOutputError(path, `无法写入文件「${path}」：${reason}。未写入任何内容。`);
}

/**
 * Saves the workbook as an .xlsx file at `path`. Refuses, with nothing written, to write over
 * the input file, or over any existing file unless `force`. The file appears whole or not at
 * all: the bytes go to a temporary file beside it, which then takes its name.
 */
export async function writeXlsx(
  workbook: ExcelJS.Workbook,
  path: string,
  options: SaveOptions = {}
): Promise<void> {
  const existing = await statOrNull(path);
  if (existing?.isDirectory()) throw writeFailure(path, { code: "EISDIR" });
  if (existing && options.input) {
    const input = await statOrNull(options.input);
    if (input && input.dev === existing.dev && input.ino === existing.ino) {
      throw new XlsxOutputError(
        path,
        `输出文件「${path}」就是输入文件。督办助手从不修改输入文件，请另取一个输出文件名。`
      );
    }
  }
  if (existing && !options.force) {
    throw new XlsxOutputError(
      path,
      `输出文件「${path}」已存在，未写入。如要覆盖它，请加上 --force。`
    );
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw writeFailure(path, error);
  }
}
