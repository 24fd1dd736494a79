import { readGridTable } from "../core/grid/gridTable";
import type { Grid } from "../core/grid/schema";
import type { ReadBack } from "../core/outputs/generate";
import type { PlacedTable } from "../core/outputs/validationSheets";
import { defaultHeaderVocabulary, type HeaderVocabulary } from "../core/parse/vocabulary";
import { isRosterSheet } from "../core/roster/sheet";
import type { ParseProblem, ParseResult, Table } from "../core/table/schema";
import type { GridLayout } from "../core/grid/gridTable";
import { inputError } from "./errors";
import { sourceName, type XlsxSource } from "./loadWorkbook";
import { readXlsx, type XlsxRead } from "./readWorkbook";

export interface WorkbookTables {
  /** The breakdown tables: the user's own sheets laid out as tables, and 导入 sheets. */
  placed: PlacedTable[];
  /** The workbook's 名册 sheet, when it has one. */
  rosterGrid: Grid | null;
  /** Every sheet read, with its marker: unit sheets give back what units typed there. */
  readBack: ReadBack[];
  problems: ParseProblem[];
}

/**
 * A workbook as 校验 reads it, each sheet with the 列对照 recorded for it (under the given
 * vocabulary's own); the add-in's other generated sheets are not tables.
 */
export function tablesOfWorkbook(
  base: XlsxRead,
  vocabulary: HeaderVocabulary = defaultHeaderVocabulary()
): WorkbookTables {
  const placed: PlacedTable[] = [];
  const problems: ParseProblem[] = [];
  const readBack: ReadBack[] = [];
  let rosterGrid: Grid | null = null;
  for (const grid of base.grids) {
    const sheet = base.sheets.find((s) => s.name === grid.sheet);
    const marker = sheet?.generated ?? null;
    readBack.push({ marker, grid });
    if (isRosterSheet({ name: grid.sheet, marker })) rosterGrid ??= grid;
    else if (marker && marker.kind !== "import") continue;
    else {
      const read = readGridTable(grid, vocabulary.withRecordedMapping(sheet?.columns ?? {}));
      if (read.table) placed.push({ table: read.table, layout: read.layout });
      for (const problem of read.problems) problems.push(problem);
    }
  }
  return { placed, rosterGrid, readBack, problems };
}

/**
 * The breakdown tables of a workbook file (a path for the CLI, the bytes of a picked file for the
 * pane), with the problems of reading it (sheets hidden or without a header). A workbook without
 * any table is refused with an XlsxInputError naming it, as one that cannot be opened.
 */
export async function readWorkbookTables(
  source: XlsxSource,
  vocabulary: HeaderVocabulary,
  name?: string
): Promise<ParseResult & { rosterGrid: Grid | null; layouts: Map<Table, GridLayout> }> {
  const read = await readXlsx(source, { name });
  const own = tablesOfWorkbook(read, vocabulary);
  if (own.placed.length === 0) throw inputError(sourceName(source, name), "no-table");
  return {
    tables: own.placed.map((p) => p.table),
    problems: [...read.problems, ...own.problems],
    rosterGrid: own.rosterGrid,
    layouts: new Map(own.placed.map((p) => [p.table, p.layout])),
  };
}
