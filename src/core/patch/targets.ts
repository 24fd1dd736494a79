import { notGeneratedMessage, sheetExistsMessage, sheetMissingMessage } from "./messages";
import { RECORD_SHEET, recordSheetReservedMessage } from "./record";
import type { GeneratedMarker, SheetOp } from "./schema";
import { sameSheetName } from "./sheetName";

/**
 * Why an op cannot be carried out on the workbook as it is, in Chinese, or null. Every host
 * checks every op of a patch before it writes anything: the record sheet is never written, an
 * update needs its sheet, a create needs a free name, and only a generated sheet is replaced.
 * `existing` is the sheet of that name with its marker, when there is one.
 */
export function targetProblem(
  op: SheetOp,
  existing: { marker: GeneratedMarker | null } | undefined
): string | null {
  if (sameSheetName(op.sheet, RECORD_SHEET)) return recordSheetReservedMessage();
  if (op.mode === "update" && !existing) return sheetMissingMessage(op.sheet);
  if (op.mode === "create" && existing)
    return sheetExistsMessage(op.sheet, existing.marker !== null);
  if (op.mode === "replace" && existing && !existing.marker) return notGeneratedMessage(op.sheet);
  return null;
}
