import { promises as fs, realpathSync, rmSync, statSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import type ExcelJS from "exceljs";
import { XlsxOutputError } from "./errors";
import { xlsxChunks } from "./sheetBySheet";

export interface SaveOptions {
  /** Overwrite an existing file (never an input file). */
  force?: boolean;
  /** The files the output was made from, whatever their format: none of them is ever written. */
  inputs?: readonly string[];
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The path with its folder's links resolved, the file itself too when it exists. */
function resolvedPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Refuses an output that is one of the inputs: the same path, a symbolic link to it, a hard link
 * (same device and inode), or a spelling that differs only in case (the same file on Windows and
 * macOS; refused everywhere, as a name so close is far more likely a slip than a wish).
 */
function refuseInputAsOutput(output: string, inputs: readonly string[]): void {
  const out = resolvedPath(output);
  let outStat: ReturnType<typeof statSync> | undefined;
  try {
    outStat = statSync(output);
  } catch {
    outStat = undefined;
  }
  for (const input of inputs) {
    const into = resolvedPath(input);
    let same = into.toLowerCase() === out.toLowerCase();
    if (!same && outStat) {
      try {
        const inStat = statSync(input);
        same = inStat.dev === outStat.dev && inStat.ino === outStat.ino;
      } catch {
        same = false;
      }
    }
    if (same) {
      throw new XlsxOutputError(
        output,
        `输出文件「${output}」就是输入文件「${input}」。督办助手从不修改输入文件，请另取一个输出文件名。`
      );
    }
  }
}

/** Temporary files being written now: removed on any exit, signals included. */
const pending = new Set<string>();
let cleanupInstalled = false;

function removePending(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on("exit", removePending);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      removePending();
      // Exit as the signal would have, now that nothing is left behind.
      process.kill(process.pid, signal);
    });
  }
}

const TEMPORARY = /^\.(.+)\.(\d+)\.tmp$/;

/** True when no process has the id (a run killed with SIGKILL leaves its file behind). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Removes temporary files of this output left by runs that were killed before they could. */
async function removeStale(path: string): Promise<void> {
  const folder = dirname(path);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    const pid = Number(match?.[2]);
    if (match && match[1] === basename(path) && (pid === process.pid || gone(pid)))
      await fs.rm(join(folder, name), { force: true });
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
 * Refuses an output path `writeXlsx` would refuse: a folder, an input file, or an existing file
 * without `force`. The CLI asks before it reads anything, so that a refused run ends at once
 * instead of after the whole check; writeXlsx asks again as it saves.
 */
export function refuseOutput(path: string, options: SaveOptions = {}): void {
  const existing = statOrNull(path);
  if (existing?.isDirectory()) throw writeFailure(path, { code: "EISDIR" });
  refuseInputAsOutput(path, options.inputs ?? []);
  if (existing && !options.force) {
    throw new XlsxOutputError(
      path,
      `输出文件「${path}」已存在，未写入。如要覆盖它，请加上 --force。`
    );
  }
}

/**
 * Saves the workbook as an .xlsx file at `path`. Refuses, with nothing written, to write over
 * an input file, or over any existing file unless `force` (refuseOutput). The file appears whole or not at
 * all: the bytes go to a temporary file beside it, which then takes its name; that file is
 * removed on any failure or exit, and one a killed run left behind is removed by the next.
 */
export async function writeXlsx(
  workbook: ExcelJS.Workbook,
  path: string,
  options: SaveOptions = {}
): Promise<void> {
  refuseOutput(path, options);
  const chunks = await xlsxChunks(workbook);
  await removeStale(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  installCleanup();
  pending.add(temporary);
  try {
    const file = await fs.open(temporary, "wx");
    try {
      await file.writev(chunks);
    } finally {
      await file.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw writeFailure(path, error);
  } finally {
    pending.delete(temporary);
  }
}
