/** Excel's rules for worksheet names, checked before a patch reaches a workbook. */

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[:\\/?*[\]]/;

/** Why `name` cannot be a worksheet name, in Chinese; null when it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "工作表名称不能为空";
  if (name.length > MAX_SHEET_NAME_LENGTH) {
    return `工作表名称「${name}」超过 ${MAX_SHEET_NAME_LENGTH} 个字符`;
  }
  const bad = FORBIDDEN.exec(name);
  if (bad) return `工作表名称「${name}」含有 Excel 不允许的字符「${bad[0]}」`;
  if (name.startsWith("'") || name.endsWith("'")) {
    return `工作表名称「${name}」不能以单引号开头或结尾`;
  }
  // Excel keeps "History" for its change-tracking sheet.
  if (name.toLowerCase() === "history") return "工作表名称不能是 History（Excel 保留名称）";
  return null;
}

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
