import { readGridTable } from "../core/grid/gridTable";
import type { Grid } from "../core/grid/schema";
import type { ReadBack } from "../core/outputs/generate";
import type { PlacedTable } from "../core/outputs/validationSheets";
import type { HeaderVocabulary } from "../core/parse/vocabulary";
import { isRosterSheet } from "../core/roster/sheet";
import type { ParseProblem } from "../core/table/schema";
import type { XlsxRead } from "../xlsx";

export interface WorkbookTables {
  /** The breakdown tables: the user's own sheets laid out as tables, and 导入 sheets. */
  placed: PlacedTable[];
  /** The workbook's 名册 sheet, when it has one. */
  rosterGrid: Grid | null;
  /** Every sheet read, with its marker: unit sheets give back what units typed there. */
  readBack: ReadBack[];
  problems: ParseProblem[];
}

/** A workbook as 校验 reads it; the add-in's other generated sheets are not tables. */
export function tablesOfWorkbook(base: XlsxRead, vocabulary?: HeaderVocabulary): WorkbookTables {
  const placed: PlacedTable[] = [];
  const problems: ParseProblem[] = [];
  const readBack: ReadBack[] = [];
  let rosterGrid: Grid | null = null;
  for (const grid of base.grids) {
    const marker = base.sheets.find((s) => s.name === grid.sheet)?.generated ?? null;
    readBack.push({ marker, grid });
    if (isRosterSheet({ name: grid.sheet, marker })) rosterGrid ??= grid;
    else if (marker && marker.kind !== "import") continue;
    else {
      const read = readGridTable(grid, vocabulary);
      if (read.table) placed.push({ table: read.table, layout: read.layout });
      for (const problem of read.problems) problems.push(problem);
    }
  }
  return { placed, rosterGrid, readBack, problems };
}
