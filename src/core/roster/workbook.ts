import type { Grid } from "../grid/schema";
import type { Table } from "../table/schema";
import { chooseRoster, type ChosenRoster } from "./choose";
import type { Roster } from "./schema";
import { readRosterSheet, type RosterProblem } from "./sheet";

export interface RosterInput {
  /** The workbook's 名册 sheet, if it has one (isRosterSheet). */
  grid?: Grid | null;
  /** A roster given outside the workbook (`--roster file.json`). */
  given?: Roster | null;
  /** false: never the shipped 津南区 2022 roster, learn instead. */
  shipped?: boolean;
}

export interface WorkbookRoster extends ChosenRoster {
  /** The 名册 sheet's mistakes, for ValidateOptions.rosterProblems. */
  problems: RosterProblem[];
  /** The 名册 sheet read, to be marked by 校验. */
  sheet: string | null;
}

/**
 * The 名册 a workbook's tables are checked with, as every host decides it: its 名册 sheet (the
 * usable part of it), else a roster given, else the shipped one where it applies, else learned.
 */
export function workbookRoster(tables: readonly Table[], input: RosterInput = {}): WorkbookRoster {
  const read = input.grid ? readRosterSheet(input.grid) : null;
  const chosen = chooseRoster(tables, read?.roster ?? input.given ?? null, {
    shipped: input.shipped,
  });
  return { ...chosen, problems: read?.problems ?? [], sheet: input.grid?.sheet ?? null };
}
