import { collect } from "../../src/core/distribute/collect";
import { readMaster, type Master } from "../../src/core/distribute/master";
import { splitByUnit } from "../../src/core/distribute/split";
import { readGridTable } from "../../src/core/grid/gridTable";
import type { Grid } from "../../src/core/grid/schema";
import { backfill } from "../../src/core/outputs/backfill";
import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { readUnitSheet } from "../../src/core/outputs/unitSheetRead";
import { buildUnitSheets, type MasterSheet } from "../../src/core/outputs/unitSheets";
import { decodeText } from "../../src/core/parse/decodeText";
import { parseSeedText } from "../../src/core/parse/seedText";
import { defaultHeaderVocabulary } from "../../src/core/parse/vocabulary";
import { sheetCellA1 } from "../../src/core/patch/address";
import {
  emptyRecord,
  recordedColumns,
  withColumnMeaning,
  type WorkbookRecord,
} from "../../src/core/patch/record";
import { GeneratedMarker } from "../../src/core/patch/schema";
import { defaultRoster, resolveName } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { readingOf } from "../../src/core/table/labels";
import type {
  BackfillOutcome,
  Fix,
  LocatedIssue,
  SummaryOutcome,
  TableColumns,
  UnitSheetsChoice,
  UnitSheetsOutcome,
  ValidateOutcome,
  WorkbookActions,
} from "../../src/taskpane/actions";
import { gridOfSheetOp } from "../support/sheetGrid";
import { seedTables } from "../support/seeds";

/**
 * A stand-in for the Excel workflows built from the real seeds: the real parser and 校验 engine,
 * with each issue placed where 导入 lays its table out, so the pane shows what Excel would show.
 */

/**
 * The seed computations below are pure, and a pane test file asks for the same ones again and
 * again (each fakeActions(), each click, each expected value): each is computed once per file
 * and arguments. Results are frozen: code that changed one would throw, not alter later tests.
 */
function once<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  const known = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!known.has(key)) known.set(key, deepFreeze(compute(...args)));
    return known.get(key)!;
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export const sheetsOfSeeds = once(() => seedTables().map((t) => buildImportSheet(t).layout.sheet));

function computeSeedIssues(checkDate: string): LocatedIssue[] {
  const tables = seedTables();
  const layouts = new Map(tables.map((t) => [t.id, buildImportSheet(t).layout]));
  return validate(tables, { roster: defaultRoster(), checkDate }).issues.map((issue) => {
    const layout = layouts.get(issue.table)!;
    const col = layout.columnIndex[issue.column] ?? 0;
    return {
      ...issue,
      sheet: layout.sheet,
      address: sheetCellA1(layout.sheet, layout.rowIndex[issue.row - 1], col),
    };
  });
}
export const seedIssues = once(computeSeedIssues);

/** The alias fixes the roster allows (区市场监管委 → 区市场监管局), one per unit.alias issue. */
function aliasFixes(issues: readonly LocatedIssue[]): Fix[] {
  const roster = defaultRoster();
  return issues
    .filter((i) => i.rule === "unit.alias")
    .map((i) => {
      const after = resolveName(i.evidence, roster, "unit").canonical ?? i.evidence;
      return {
        kind: "canonical-name",
        address: i.address,
        label: `把「${i.evidence}」改为「${after}」`,
        before: i.evidence,
        after,
      };
    });
}

/**
 * 列识别 of the seed tables as 导入 lays them out, each 导入 sheet read as Excel's 校验 reads it:
 * with the 列对照 the record holds for it.
 */
function computeSeedColumns(record: WorkbookRecord = emptyRecord()): TableColumns[] {
  return seedTables().map((t) => {
    const grid = gridOfSheetOp(buildImportSheet(t).op);
    const mapping = recordedColumns(record, grid.sheet, null);
    const read = readGridTable(grid, defaultHeaderVocabulary().withMapping(mapping));
    if (!read.table) throw new Error(`cannot read ${grid.sheet}`);
    return { sheet: grid.sheet, title: read.table.title, columns: readingOf(read.table) };
  });
}
export const seedColumns = once(computeSeedColumns);

function computeSeedOutcome(
  checkDate: string,
  record: WorkbookRecord = emptyRecord()
): ValidateOutcome {
  const issues = seedIssues(checkDate);
  const totals = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) totals[issue.severity]++;
  const rows = seedTables().reduce((n, t) => n + t.rows.length, 0);
  return {
    checkDate,
    rows,
    totals,
    issues,
    fixes: aliasFixes(issues),
    summary: `校验完成：共 ${rows} 行，错误 ${totals.error} 处，警告 ${totals.warning} 处，提示 ${totals.info} 处。`,
    tables: seedColumns(record),
    fallbacks: [],
  };
}
export const seedOutcome = once(computeSeedOutcome);

/** 生成单位表 on the seed tables as 导入 lays them out, by the core. */
function computeSeedUnitSheets({ by, ...tracking }: UnitSheetsChoice): UnitSheetsOutcome {
  const masters = seedTables().map((table) => ({
    table,
    layout: buildImportSheet(table, undefined, tracking).layout,
  }));
  const result = buildUnitSheets(masters, { ...tracking, by, roster: defaultRoster() });
  const sheets = result.placed.map((p) => p.sheet);
  return {
    sheets,
    stale: [],
    summary: `已生成 ${sheets.length} 张${by === "unit" ? "单位表（按牵头单位）" : "领导表（按分管领导）"}。`,
  };
}
export const seedUnitSheets = once(computeSeedUnitSheets);

/** 市重点工作 序号2, led by 区科技局. */
export const CITY_TASK = "全面提升大学科技园建设水平";

/** Types `value` under `title` into the first row (below the header) whose task starts with `task`. */
function typeInto(grid: Grid, task: string, title: string, value: string): void {
  const header = grid.values.findIndex((r) => r.includes(title));
  const row = grid.values.findIndex(
    (r, i) => i > header && r.some((v) => typeof v === "string" && v.startsWith(task))
  );
  if (header < 0 || row < 0) throw new Error(`no ${title} for ${task} in ${grid.sheet}`);
  grid.values[row][grid.values[header].indexOf(title)] = value;
}

/** A user typing 完成状态 into the first row of `sheet` (a 导入 or a unit sheet) whose task starts with `task`. */
export interface TypedStatus {
  sheet: string;
  task: string;
  value: string;
}

/** 单位-区科技局 typed 已完成 into 市重点工作 序号2 while the master itself was changed to 推进中. */
const BOTH_CHANGED: TypedStatus[] = [
  { sheet: "单位-区科技局", task: CITY_TASK, value: "已完成" },
  { sheet: "市重点工作", task: CITY_TASK, value: "推进中" },
];

/**
 * A real 回填 on the seeds after `typed` (by default one conflict, BOTH_CHANGED): the workbook
 * held as grids, the core doing 导入, 生成单位表 and 回填.
 */
function computeSeedBackfill(typed: readonly TypedStatus[] = BOTH_CHANGED): BackfillOutcome {
  const tracking = { checkDate: "2022-09-30" };
  const grids = seedTables().map((t) => gridOfSheetOp(buildImportSheet(t, undefined, tracking).op));
  const masters = (): MasterSheet[] =>
    grids.map((grid) => {
      const read = readGridTable(grid);
      if (!read.table) throw new Error(`cannot read ${grid.sheet}`);
      return { table: read.table, layout: read.layout };
    });
  const unitOps = buildUnitSheets(masters(), { ...tracking, roster: defaultRoster() }).sheets;
  const unitGrids = new Map<string, Grid>();
  for (const { sheet, task, value } of typed) {
    const op = unitOps.find((o) => o.sheet === sheet);
    if (op && !unitGrids.has(sheet)) unitGrids.set(sheet, gridOfSheetOp(op));
    const grid = unitGrids.get(sheet) ?? grids.find((g) => g.sheet === sheet);
    if (!grid) throw new Error(`no sheet ${sheet}`);
    typeInto(grid, task, "完成状态", value);
  }
  const units = [...unitGrids].map(([sheet, grid]) => {
    const op = unitOps.find((o) => o.sheet === sheet);
    const content = readUnitSheet(grid, GeneratedMarker.parse(op?.generated)).content;
    if (!content) throw new Error(`cannot read ${sheet}`);
    return content;
  });
  const result = backfill(masters(), units);
  const { conflicts, problems, summary } = result;
  return { applied: result.applied.length, conflicts, problems, summary };
}
export const seedBackfill = once(computeSeedBackfill);

/** 汇总 of the seed tables on the check date, by the core. */
function computeSeedSummary(checkDate: string, dueSoonDays?: number): SummaryOutcome {
  const roster = defaultRoster();
  const tables = seedTables();
  const { issues } = validate(tables, { roster, checkDate });
  return { summary: summarize(tables, issues, { checkDate, roster, dueSoonDays }), sheet: "汇总" };
}
export const seedSummary = once(computeSeedSummary);

/** The seed tables as the master 下发 and 回收 read: 导入 sheets with tracking columns. */
function computeSeedMaster(checkDate = "2022-09-30"): Master {
  const sheets = seedTables().map((t) => {
    const op = buildImportSheet(t, undefined, { checkDate }).op;
    return { grid: gridOfSheetOp(op), generated: GeneratedMarker.parse(op.generated) };
  });
  return readMaster("总表.xlsx", sheets, defaultRoster());
}
export const seedMaster = once(computeSeedMaster);

/** Every action resolves at once with seed data; a test overrides what it looks at. */
export function fakeActions(
  overrides: Partial<WorkbookActions> = {}
): jest.Mocked<WorkbookActions> {
  const sheets = sheetsOfSeeds();
  // The workbook's record sheet: the 列对照 chosen in the pane, read by the next 校验.
  let record = emptyRecord();
  return {
    describeWorkbook: jest.fn(async () => ({
      planYear: seedTables()[0].planYear,
      tableSheets: sheets,
    })),
    existingImportSheets: jest.fn(async () => []),
    importSeeds: jest.fn(async () => ({
      sheets,
      rows: seedTables().reduce((n, t) => n + t.rows.length, 0),
      summary: `已导入 ${sheets.length} 张表。`,
    })),
    importFile: jest.fn(async (file) => {
      const { tables } = parseSeedText(decodeText(file.bytes)!.text, file.name);
      const names = tables.map((t) => buildImportSheet(t).layout.sheet);
      return {
        sheets: names,
        rows: tables.reduce((n, t) => n + t.rows.length, 0),
        summary: `已从「${file.name}」导入 ${names.length} 张表。`,
      };
    }),
    validate: jest.fn(async ({ checkDate }) => seedOutcome(checkDate, record)),
    setColumnMeaning: jest.fn(async ({ sheet, title, meaning }) => {
      record = withColumnMeaning(record, sheet, title, meaning);
    }),
    clearMarks: jest.fn(async () => ({ cleared: 12 })),
    selectCell: jest.fn(async () => undefined),
    applyFixes: jest.fn(async (fixes) => ({ applied: fixes.length })),
    buildUnitSheets: jest.fn(async (choice) => seedUnitSheets(choice)),
    backfill: jest.fn(async () => seedBackfill()),
    resolveConflicts: jest.fn(async (choices) => ({ resolved: choices.length })),
    summarize: jest.fn(async ({ checkDate, dueSoonDays }) => seedSummary(checkDate, dueSoonDays)),
    splitPlan: jest.fn(async ({ date }) => splitByUnit(seedMaster(), { date })),
    collectReturns: jest.fn(async ({ sources, unreadable }) =>
      collect(seedMaster(), sources, unreadable)
    ),
    applyCollect: jest.fn(async (result) => ({ summary: result.summary })),
    generateRoster: jest.fn(async () => ({
      sheet: "名册",
      summary: `已生成「名册」：领导 ${defaultRoster().leaders.length} 位。`,
    })),
    ...overrides,
  } as jest.Mocked<WorkbookActions>;
}

/** A promise the test settles by hand, to look at the pane while work is under way. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
