import { cellText } from "../grid/cellText";
import { readGridTable } from "../grid/gridTable";
import { compactHeader } from "../parse/vocabulary";
import type { Grid } from "../grid/schema";
import type { MasterSheet } from "../outputs/unitSheets";
import type { GeneratedMarker } from "../patch/schema";
import type { Roster } from "../roster/schema";
import { isRosterSheet } from "../roster/sheet";
import { workbookRoster } from "../roster/workbook";
import type { ParseProblem, Row, Table } from "../table/schema";
import { inRosterOrder, rolesIn, type Assignment } from "../tracking/assign";
import { itemKey, masterId } from "./itemKey";
import type { MasterRef } from "./schema";

/** One row of the master as 下发 and 回收 see it: where it is, its key, and who answers for it. */
export interface MasterItem {
  key: string;
  master: MasterSheet;
  /** Index into master.table.rows. */
  index: number;
  row: Row;
  roles: Map<string, Assignment>;
}

export interface Master {
  ref: MasterRef;
  /** The 名册 the master is read with (its 名册 sheet, a given one, the shipped or a learned one). */
  roster: Roster;
  sheets: MasterSheet[];
  items: MasterItem[];
  byKey: Map<string, MasterItem>;
  /** Every unit named as lead or cooperating unit, in roster order. */
  units: string[];
  /** Per master sheet: its header titles (by sheet column) and the first column right of its table. */
  headers: Map<string, SheetHeader>;
  problems: ParseProblem[];
}

export interface SheetHeader {
  grid: Grid;
  /** 0-based sheet row of the (last) header row. */
  row: number;
  titles: Map<string, number>;
  end: number;
}

/**
 * The breakdown tables of a master workbook: its 导入 sheets and the user's own sheets laid out
 * as tables. Sheets the add-in generated for another purpose (unit sheets, 汇总 …) are skipped.
 * The 名册 is chosen as 校验 chooses it: the workbook's 名册 sheet, else `given`, else the
 * shipped or a learned one.
 */
export function readMaster(
  name: string,
  sheets: readonly { grid: Grid; generated: GeneratedMarker | null }[],
  given: Roster | null
): Master {
  const found: MasterSheet[] = [];
  const headers = new Map<string, SheetHeader>();
  const problems: ParseProblem[] = [];
  let rosterGrid: Grid | null = null;
  for (const { grid, generated } of sheets) {
    if (isRosterSheet({ name: grid.sheet, marker: generated })) {
      rosterGrid ??= grid;
      continue;
    }
    if (generated && generated.kind !== "import") continue;
    const read = readGridTable(grid);
    if (!read.table) {
      problems.push(...read.problems);
      continue;
    }
    found.push({ table: read.table, layout: read.layout });
    const headerRow = read.layout.headerRows[read.layout.headerRows.length - 1] - grid.top;
    const titles = new Map<string, number>();
    (grid.values[headerRow] ?? []).forEach((v, c) => {
      const title = compactHeader(cellText(v));
      if (title !== "" && !titles.has(title)) titles.set(title, grid.left + c);
    });
    const width = Math.max(0, ...grid.values.map((r) => r.length));
    headers.set(grid.sheet, {
      grid,
      row: grid.top + headerRow,
      titles,
      end: grid.left + width,
    });
  }
  const { roster } = workbookRoster(
    found.map((f) => f.table),
    { grid: rosterGrid, given }
  );
  return { ...masterOf(name, found, roster, problems), headers };
}

/** The items of tables already read (as the CLI's text sources are). */
export function masterOf(
  name: string,
  sheets: MasterSheet[],
  roster: Roster,
  problems: ParseProblem[] = []
): Omit<Master, "headers"> {
  const tables: Table[] = sheets.map((s) => s.table);
  const items: MasterItem[] = [];
  const units = new Set<string>();
  for (const master of sheets) {
    const keys = itemKey(master.table, roster);
    master.table.rows.forEach((row, index) => {
      const roles = rolesIn(master.table, row, "unit", roster);
      for (const unit of roles.keys()) units.add(unit);
      items.push({ key: keys[index], master, index, row, roles });
    });
  }
  return {
    ref: { id: masterId(tables), name },
    roster,
    sheets,
    items,
    byKey: new Map(items.map((i) => [i.key, i])),
    units: inRosterOrder(
      units,
      roster.units.map((u) => u.name)
    ),
    problems,
  };
}
