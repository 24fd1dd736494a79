import { buildImportSheet } from "../../src/core/outputs/importSheet";
import { sheetCellA1 } from "../../src/core/patch/address";
import { defaultRoster, resolveName } from "../../src/core/roster";
import { validate } from "../../src/core/rules";
import type {
  Fix,
  LocatedIssue,
  ValidateOutcome,
  WorkbookActions,
} from "../../src/taskpane/actions";
import { seedTables } from "../support/seeds";

/**
 * A stand-in for the Excel workflows built from the real seeds: the real parser and 校验 engine,
 * with each issue placed where 导入 lays its table out, so the pane shows what Excel would show.
 */

export const sheetsOfSeeds = () => seedTables().map((t) => buildImportSheet(t).layout.sheet);

export function seedIssues(checkDate: string): LocatedIssue[] {
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

export function seedOutcome(checkDate: string): ValidateOutcome {
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
    fallbacks: [],
  };
}

/** Every action resolves at once with seed data; a test overrides what it looks at. */
export function fakeActions(
  overrides: Partial<WorkbookActions> = {}
): jest.Mocked<WorkbookActions> {
  const sheets = sheetsOfSeeds();
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
    validate: jest.fn(async ({ checkDate }) => seedOutcome(checkDate)),
    clearMarks: jest.fn(async () => ({ cleared: 12 })),
    selectCell: jest.fn(async () => undefined),
    applyFixes: jest.fn(async (fixes) => ({ applied: fixes.length })),
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
