import type { Table } from "../table/schema";
import { RuleContext, type Rule, type ValidateOptions } from "./context";
import { deadlineBeyondYear } from "./deadline/beyondYear";
import { deadlineImpossible, deadlineMissing } from "./deadline/missing";
import { deadlineOpenEnded } from "./deadline/openEnded";
import { deadlineMilestonePassed, deadlineOverdue } from "./deadline/overdue";
import { quarterMissing } from "./deadline/quarterMissing";
import { figureCrossTable } from "./figure/crossTable";
import { rosterSheet } from "./names/rosterSheet";
import { leaderMissing, unitMissing } from "./names/missing";
import { leaderAlias, leaderUnknown, unitAlias, unitUnknown } from "./names/roster";
import { leaderRunTogether, unitRunTogether } from "./names/runTogether";
import { unitShortForm } from "./names/shortFormSummary";
import { leaderSpacing } from "./names/spacing";
import { headingGap, headingOrder } from "./numbering/headings";
import { seqDuplicate } from "./numbering/seqDuplicate";
import { seqMissing } from "./numbering/seqMissing";
import { seqOrder } from "./numbering/seqOrder";
import { cumulativeDecrease } from "./quarterly/cumulativeDecrease";
import { targetMismatch } from "./quarterly/targetMismatch";
import type { Issue, SeverityTotals, TableTotals, ValidationResult } from "./schema";
import { textDoubled } from "./text/doubled";
import { textResidue } from "./text/residue";
import { textWhitespace } from "./text/whitespace";
import {
  xrefCountMismatch,
  xrefItemMissing,
  xrefSpacingDiffers,
  xrefTargetMissing,
  xrefTextDiffers,
} from "./xref/rules";

/** Every rule the engine runs, in catalogue order. */
export const RULES: readonly Rule[] = [
  seqMissing,
  seqDuplicate,
  seqOrder,
  headingGap,
  headingOrder,
  deadlineMissing,
  deadlineImpossible,
  deadlineOpenEnded,
  deadlineBeyondYear,
  quarterMissing,
  deadlineOverdue,
  deadlineMilestonePassed,
  leaderMissing,
  leaderUnknown,
  leaderAlias,
  leaderRunTogether,
  leaderSpacing,
  unitMissing,
  unitUnknown,
  unitAlias,
  unitShortForm,
  unitRunTogether,
  xrefTargetMissing,
  xrefItemMissing,
  xrefCountMismatch,
  xrefTextDiffers,
  xrefSpacingDiffers,
  cumulativeDecrease,
  targetMismatch,
  textResidue,
  textDoubled,
  textWhitespace,
  figureCrossTable,
  rosterSheet,
];

const zero = (): SeverityTotals => ({ error: 0, warning: 0, info: 0 });

/**
 * Runs every rule over all tables together (cross-table rules see them all) and returns the
 * issues in reading order with totals per severity, overall and per table. Pure: no I/O, no clock.
 */
export function validate(tables: readonly Table[], options: ValidateOptions): ValidationResult {
  const context = new RuleContext(tables, options);
  // concat, not flatMap: V8 flattens long arrays several times slower element by element.
  const issues = ([] as Issue[]).concat(...RULES.map((rule) => rule.check(context)));

  const tableOrder = new Map(tables.map((t, i) => [t.id, i]));
  const columnOrder = new Map(
    tables.map((t) => [t.id, new Map(t.columns.map((c, i) => [c.key, i]))])
  );
  const ruleOrder = new Map(RULES.map((r, i) => [r.id, i]));
  // Issues of no table (the 名册 sheet's) come last.
  const at = (table: string) => tableOrder.get(table) ?? tables.length;
  issues.sort(
    (a, b) =>
      at(a.table) - at(b.table) ||
      a.row - b.row ||
      (columnOrder.get(a.table)?.get(a.column) ?? 0) -
        (columnOrder.get(b.table)?.get(b.column) ?? 0) ||
      (ruleOrder.get(a.rule as Rule["id"]) ?? 0) - (ruleOrder.get(b.rule as Rule["id"]) ?? 0)
  );
  const capped = capPerRulePerCell(issues);

  const totals = zero();
  const perTable: TableTotals[] = tables.map((t) => ({
    table: t.id,
    title: t.title,
    rows: t.rows.length,
    totals: zero(),
  }));
  for (const issue of capped) {
    totals[issue.severity]++;
    const table = perTable[at(issue.table)];
    if (table) table.totals[issue.severity]++;
  }
  return { issues: capped, totals, perTable };
}

/** The most findings of one rule on one cell; the last of them counts the rest. */
export const FINDINGS_PER_RULE_PER_CELL = 3;

/**
 * Caps a cell's findings of a rule: a cell of 32,000 characters of repeated words would
 * otherwise give thousands of findings (and a note of hundreds of thousands of characters).
 * A few distinct findings stay apart (two misspelt units in one cell, each with its own fix);
 * from the cap on, the last kept finding says how many there are in all. `issues` is sorted, so
 * a cell's findings of a rule are adjacent.
 */
function capPerRulePerCell(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (let i = 0; i < issues.length;) {
    const first = issues[i];
    let end = i + 1;
    while (
      end < issues.length &&
      issues[end].rule === first.rule &&
      issues[end].row === first.row &&
      issues[end].column === first.column &&
      issues[end].table === first.table
    )
      end++;
    const count = end - i;
    if (count <= FINDINGS_PER_RULE_PER_CELL) for (let k = i; k < end; k++) out.push(issues[k]);
    else {
      const last = i + FINDINGS_PER_RULE_PER_CELL - 1;
      for (let k = i; k < last; k++) out.push(issues[k]);
      out.push({
        ...issues[last],
        message: `${issues[last].message}（此单元格共 ${count} 处同类问题，只列出前 ${FINDINGS_PER_RULE_PER_CELL} 处）`,
      });
    }
    i = end;
  }
  return out;
}
