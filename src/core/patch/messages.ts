import { z } from "zod";
import { type ListValidation, WorkbookPatch, type WorkbookPatchInput } from "./schema";

/**
 * What either adapter (Office.js in Excel, ExcelJS for .xlsx files) tells the user when it
 * refuses a patch or cannot carry out part of it. Kept here so that both say the same thing.
 */

export function notGeneratedMessage(sheet: string): string {
  return `工作表「${sheet}」不是督办助手生成的，为保护您的数据，不会替换它。请把它改名后重试，或为生成的表另取名称。`;
}

export function sheetExistsMessage(sheet: string, generated: boolean): string {
  const what = generated ? "督办助手以前生成的同名工作表" : "同名的工作表";
  return `已有${what}「${sheet}」，未做任何修改。请选择替换，或先改名后重试。`;
}

export function sheetMissingMessage(sheet: string): string {
  return `找不到工作表「${sheet}」，未做任何修改。请确认它没有被删除或改名后重试。`;
}

/** A protected sheet a command must write into (回收): refused before anything is written. */
export function sheetProtectedRefusal(sheet: string): string {
  return `工作表「${sheet}」受保护，其中的单元格无法写入，工作簿未做任何修改。请在「审阅」中撤销工作表保护后重试。`;
}

export function invalidPatchMessage(details: string): string {
  return `内部错误：写入计划不合法（${details}），未做任何修改。请联系维护人员。`;
}

/** Notes and marks never go over a note the user put on a cell. */
export function notesOccupiedMessage(sheet: string, count: number): string {
  return `工作表「${sheet}」有 ${count} 个单元格原已有备注或批注，为保留原内容，说明未写入这些单元格。`;
}

/** Title of the alert a drop-down list shows when other input is typed. */
export const VALIDATION_ERROR_TITLE = "输入无效";

/** Excel (and WPS) refuse a list validation whose items, joined by commas, run past 255 characters. */
export const MAX_LIST_CHARACTERS = 255;

export function listTooLongMessage(sheet: string): string {
  return `工作表「${sheet}」的下拉列表选项合计超过 ${MAX_LIST_CHARACTERS} 个字符（Excel 的上限），未设置这一下拉列表，可直接输入。`;
}

/** Excel keeps at most 255 characters of a validation's alert message. */
const MAX_ALERT_MESSAGE = 255;

/** The alert message of a drop-down list: the patch's own, or the choices. */
export function validationErrorMessage(
  spec: Pick<ListValidation, "list" | "errorMessage">
): string {
  const message = spec.errorMessage ?? `请从下拉列表中选择：${spec.list.join("、")}`;
  return message.length <= MAX_ALERT_MESSAGE
    ? message
    : `${message.slice(0, MAX_ALERT_MESSAGE - 1)}…`;
}

/**
 * The patch checked and with its defaults filled in, or — for a patch the core should never
 * have built — the first problem in Chinese, as invalidPatchMessage wants it.
 */
export function checkPatch(
  input: WorkbookPatchInput
): { patch: WorkbookPatch } | { problem: string } {
  const parsed = WorkbookPatch.safeParse(input, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { patch: parsed.data };
  const first = parsed.error.issues[0];
  return { problem: `${first.path.join(".")}：${first.message}` };
}
