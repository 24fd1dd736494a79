import JSZip from "jszip";
import type { ReturnSource } from "../../core/distribute/readReturn";
import type { UnitFile } from "../../core/distribute/split";
import { workbookBytes } from "../../xlsx/newWorkbook";
import { readReturnSource } from "../../xlsx/returnFile";
import { bytesOf } from "./bytes";

export { bytesOf };

/*
 * The pane's file work for 下发 and 回收, done in the browser with ExcelJS and JSZip. This
 * module is loaded only when one of those buttons is pressed (a chunk of its own), so the pane
 * starts without the weight of ExcelJS.
 */

/** Reported after each file: how many are done, of how many, and the file's name. */
export type FileProgress = (done: number, total: number, file: string) => void;

/** The user pressed 取消: work stopped between two files, nothing half-made is offered. */
export class Cancelled extends Error {
  constructor() {
    super("已取消。");
  }
}

/** Lets the pane repaint (progress bar, 取消 button) between two files. */
function breathe(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => (signal.aborted ? reject(new Cancelled()) : resolve()), 0)
  );
}

/** Every unit's file, made one by one, in one .zip archive. */
export async function unitFilesZip(
  files: readonly UnitFile[],
  onFile: FileProgress,
  signal: AbortSignal
): Promise<Blob> {
  const zip = new JSZip();
  for (const [i, file] of files.entries()) {
    await breathe(signal);
    zip.file(file.fileName, await workbookBytes(file.sheets));
    onFile(i + 1, files.length, file.fileName);
  }
  await breathe(signal);
  return zip.generateAsync({ type: "blob", compression: "STORE" });
}

/** The returned files read one by one; one that is no workbook is named with the reason. */
export async function readReturnFiles(
  files: readonly File[],
  onFile: FileProgress,
  signal: AbortSignal
): Promise<{ sources: ReturnSource[]; unreadable: { file: string; reason: string }[] }> {
  const sources: ReturnSource[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const [i, file] of files.entries()) {
    await breathe(signal);
    const bytes = await bytesOf(file);
    const read = await readReturnSource(bytes, file.name, new Date(file.lastModified));
    if ("reason" in read) unreadable.push(read);
    else sources.push(read);
    onFile(i + 1, files.length, file.name);
  }
  return { sources, unreadable };
}

/** Offers the archive for download under `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
