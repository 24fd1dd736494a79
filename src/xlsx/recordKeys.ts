/**
 * The defined names that carry each recorded sheet's key (store.ts): `_duban_sheet_<key>`,
 * workbook-level, pointing at the sheet's A1, written hidden (excelJsFixes.ts).
 */
export const RECORD_KEY_NAME = /^_duban_sheet_(\d+)$/;

export function recordKeyName(key: number): string {
  return `_duban_sheet_${key}`;
}
