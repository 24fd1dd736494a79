import type ExcelJS from "exceljs";

/**
 * Renames a sheet as Excel and LibreOffice Calc do: the defined names on it follow it (ExcelJS
 * alone leaves them pointing at the old name, which a new sheet of that name would then take).
 */
export function renameSheet(workbook: ExcelJS.Workbook, from: string, to: string): void {
  workbook.getWorksheet(from)!.name = to;
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'!`;
  for (const { name, ranges } of workbook.definedNames.model) {
    for (const range of ranges.filter((r) => r.startsWith(quoted(from)))) {
      workbook.definedNames.remove(range, name);
      workbook.definedNames.add(range.replace(quoted(from), quoted(to)), name);
    }
  }
}
