import type { ReturnSource } from "../core/distribute/readReturn";
import { isoDate } from "../core/deadline/isoDate";
import { XlsxInputError } from "./errors";
import type { XlsxSource } from "./loadWorkbook";
import { readAllSheets } from "./readWorkbook";

/**
 * A unit's returned file read for 回收 (by the CLI from a path, by the pane from bytes); a file
 * that is no readable workbook comes back named, with the Chinese reason, for the batch to go on.
 */
export async function readReturnSource(
  source: XlsxSource,
  file: string,
  modified: Date
): Promise<ReturnSource | { file: string; reason: string }> {
  try {
    return {
      file,
      modified: isoDate(modified.getFullYear(), modified.getMonth() + 1, modified.getDate()),
      sheets: await readAllSheets(source, file),
    };
  } catch (error) {
    if (error instanceof XlsxInputError) return { file, reason: `${error.message}已跳过。` };
    throw error;
  }
}
