import { deadlinesOfRow, parseDeadlines, type DeadlineResult } from "../deadline";
import type { GridLayout } from "../grid/gridTable";
import { importLayout } from "../outputs/importLayout";
import { defaultHeaderVocabulary } from "../parse/vocabulary";
import { a1 } from "../patch/address";
import { splitNames } from "../roster/split";
import type { NameKind, NameSplit, Roster } from "../roster/schema";
import type { RosterProblem } from "../roster/sheet";
import type { FieldKey, Row, Table } from "../table/schema";
import { formatMessage, ruleInfo, type RuleId } from "./catalogue";
import type { Issue } from "./schema";

export interface ValidateOptions {
  roster: Roster;
  /** Mistakes found in the workbook's 名册 sheet, reported by roster.sheet. */
  rosterProblems?: readonly RosterProblem[];
  /** The day the check is made (YYYY-MM-DD). Only with it are deadlines reported overdue. */
  checkDate?: string;
  /**
   * Where each table (by id) stands in its sheet. A table not given is placed where 导入 puts
   * it, so that 第N行 in a message means the same row in the CLI as in the written workbook.
   */
  layouts?: ReadonlyMap<string, GridLayout>;
}

/** A rule: its catalogue id and a pure check over all tables at once (cross-table rules see them all). */
export interface Rule {
  id: RuleId;
  check(context: RuleContext): Issue[];
}

export interface Cell {
  table: Table;
  row: Row;
  key: FieldKey;
  text: string;
}

/**
 * Deadlines are still looked for in a table whose title has no year (to tell "no deadline" from
 * "has one"); only the plan-year comparison needs the real year and is skipped there.
 */
const YEAR_FOR_UNDATED_TABLES = 2000;

/**
 * What every rule is given: the tables, the options, and what several rules need per cell
 * (the cells themselves, deadline parsing, name splitting), computed once per validation.
 */
export class RuleContext {
  private readonly cellCache = new Map<Table, Map<FieldKey, Cell[]>>();
  private readonly deadlineCache = new Map<number, Map<string, DeadlineResult>>();
  /** Leader and unit cells repeat a few dozen names over thousands of rows: split each text once. */
  private readonly nameCache: Record<NameKind, Map<string, NameSplit>> = {
    leader: new Map(),
    unit: new Map(),
  };
  private readonly titles = new Map<Table, Map<FieldKey, string>>();
  private readonly shared = new Map<string, unknown>();
  private readonly layouts = new Map<Table, GridLayout>();

  constructor(
    readonly tables: readonly Table[],
    readonly options: ValidateOptions
  ) {}

  get roster(): Roster {
    return this.options.roster;
  }

  hasColumn(table: Table, key: FieldKey): boolean {
    return this.columnTitles(table).has(key);
  }

  /** The column's printed title; for a column the table lacks (a 序号 it never had), the usual one. */
  columnTitle(table: Table, key: FieldKey): string {
    return this.columnTitles(table).get(key) ?? usualTitle(key);
  }

  /**
   * The cells of the given columns that hold their own text, column by column. A cell
   * continuing a vertical merge is the same cell as the one above, so it is left out: every
   * cell is visited (and reported) once, at its first row.
   */
  cells(table: Table, keys: readonly FieldKey[]): readonly Cell[] {
    const present = keys.filter((k) => this.hasColumn(table, k));
    if (present.length === 1) return this.columnCells(table, present[0]);
    // concat, not flatMap: V8 flattens a long array several times slower element by element.
    return this.once(`cells.${table.id}.${present.join(",")}`, () =>
      ([] as Cell[]).concat(...present.map((k) => this.columnCells(table, k)))
    );
  }

  /** The time expressions of a cell, parsed once per distinct text and plan year (and kept with the row). */
  deadlines(table: Table, row: Row, key: FieldKey): DeadlineResult {
    const year = table.planYear ?? YEAR_FOR_UNDATED_TABLES;
    let perText = this.deadlineCache.get(year);
    if (!perText) this.deadlineCache.set(year, (perText = new Map()));
    return deadlinesOfRow(row, row.fields[key] ?? "", year, (text) => {
      let result = perText.get(text);
      if (!result) perText.set(text, (result = parseDeadlines(text, year)));
      return result;
    });
  }

  names(text: string, kind: NameKind): NameSplit {
    const cache = this.nameCache[kind];
    let split = cache.get(text);
    if (!split) cache.set(text, (split = splitNames(text, this.roster, kind)));
    return split;
  }

  /** Where the table stands in its sheet (or will, once imported). */
  layout(table: Table): GridLayout {
    let layout = this.layouts.get(table);
    if (!layout) {
      layout = this.options.layouts?.get(table.id) ?? importLayout(table);
      this.layouts.set(table, layout);
    }
    return layout;
  }

  /** The 1-based sheet row a data row stands in: what 第N行 means in every message. */
  sheetRow(table: Table, row: Row): number {
    return this.layout(table).rowIndex[row.row - 1] + 1;
  }

  /** A row named for people: 第5项 by its 序号, else 第61行 by its sheet row. */
  itemLabel(table: Table, row: Row): string {
    return row.seq ? `第${row.seq}项` : `第${this.sheetRow(table, row)}行`;
  }

  /** A value computed once per validation and shared by several rules (cross-references, figures). */
  once<T>(name: string, compute: () => T): T {
    if (!this.shared.has(name)) this.shared.set(name, compute());
    return this.shared.get(name) as T;
  }

  issue(
    id: RuleId,
    table: Table,
    row: Row,
    key: FieldKey,
    params: Readonly<Record<string, string | number>>,
    evidence: string,
    lastRow?: Row
  ): Issue {
    const info = ruleInfo(id);
    const columnTitle = this.columnTitle(table, key);
    const layout = this.layout(table);
    const col = layout.columnIndex[key] ?? firstColumn(layout);
    const issue: Issue = {
      table: table.id,
      row: row.row,
      seq: row.seq,
      column: key,
      rule: id,
      category: info.category,
      severity: info.severity,
      message: formatMessage(info.message, { columnTitle, ...params }),
      evidence,
      columnTitle,
      line: row.line,
      sheet: layout.sheet,
      cell: a1(layout.rowIndex[row.row - 1], col),
    };
    if (lastRow && lastRow !== row) issue.lastRow = this.sheetRow(table, lastRow);
    return issue;
  }

  private columnCells(table: Table, key: FieldKey): Cell[] {
    let perKey = this.cellCache.get(table);
    if (!perKey) this.cellCache.set(table, (perKey = new Map()));
    let cells = perKey.get(key);
    if (!cells) {
      cells = [];
      for (const row of table.rows) {
        if (!row.merged.includes(key)) cells.push({ table, row, key, text: row.fields[key] ?? "" });
      }
      perKey.set(key, cells);
    }
    return cells;
  }

  private columnTitles(table: Table): Map<FieldKey, string> {
    let titles = this.titles.get(table);
    if (!titles) {
      titles = new Map(table.columns.map((c) => [c.key, c.title]));
      this.titles.set(table, titles);
    }
    return titles;
  }
}

/** The leftmost column a table shows: where an issue about a column it does not show points. */
export function firstColumn(layout: GridLayout): number {
  const cols = Object.values(layout.columnIndex);
  return cols.length > 0 ? cols.reduce((a, b) => Math.min(a, b)) : 0;
}

function usualTitle(key: FieldKey): string {
  return defaultHeaderVocabulary().data.columns.find((c) => c.key === key)?.titles[0] ?? key;
}

/** A short quote of a long text for messages and evidence: the start, with an ellipsis. */
export function excerpt(text: string, max = 30): string {
  const flat = text.trim().replace(/\s*\n\s*/g, " ");
  return flat.length <= max ? flat : flat.slice(0, max) + "…";
}
