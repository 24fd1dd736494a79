import { splitNames, type NamePart, type Roster } from "../roster";
import { shortFormOf } from "../rules/names/shortForm";
import { expectedSeqs, hasSeqColumn } from "../rules/numbering/seqNumbers";
import type { Issue } from "../rules/schema";
import type { FieldKey, Table } from "../table/schema";

/** A change to one cell that cannot lose information, offered to the user before it is made. */
export interface CellFix {
  kind: "fill-seq" | "canonical-name" | "split-names";
  table: string;
  row: number;
  column: FieldKey;
  before: string;
  after: string;
  /** What the user is asked to confirm, in Chinese. */
  label: string;
}

const NAME_KIND: Partial<Record<FieldKey, "leader" | "unit">> = {
  leader: "leader",
  lead: "unit",
  coop: "unit",
};

/**
 * The safe fixes for what 校验 found: fill in a lost 序号 where its neighbours fix the number,
 * replace an alias by the roster's canonical name, and split names run together with 、
 * (canonical names too). One fix per cell: splitting already writes canonical names.
 */
export function safeFixes(
  tables: readonly Table[],
  issues: readonly Issue[],
  roster: Roster
): CellFix[] {
  const fixes: CellFix[] = [];
  for (const table of tables) {
    if (!hasSeqColumn(table)) continue;
    const expected = expectedSeqs(table);
    for (const row of table.rows) {
      if (row.seq !== null && row.seq.trim() !== "") continue;
      const after = String(expected[row.row - 1]);
      fixes.push({
        kind: "fill-seq",
        table: table.id,
        row: row.row,
        column: "seq",
        before: "",
        after,
        label: `补填序号 ${after}`,
      });
    }
  }
  const byId = new Map(tables.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const nameIssues = [...issues].sort((a, b) => rank(a.rule) - rank(b.rule));
  for (const issue of nameIssues) {
    const kind = NAME_KIND[issue.column];
    const row = byId.get(issue.table)?.rows[issue.row - 1];
    const key = `${issue.table}:${issue.row}:${issue.column}`;
    if (!kind || !row || rank(issue.rule) > 1 || seen.has(key) || row.merged.includes(issue.column))
      continue;
    const before = row.fields[issue.column] ?? "";
    const parts = splitNames(before, roster, kind).parts;
    const corrected = (p: NamePart) =>
      p.status === "alias" && p.canonical !== null && shortFormOf(roster, p) === null;
    const fix =
      rank(issue.rule) === 0
        ? splitFix(parts, corrected)
        : {
            kind: "canonical-name" as const,
            after: replaceAliases(before, parts.filter(corrected)),
            label: aliasLabel(parts.filter(corrected)),
          };
    if (!fix || fix.after === before) continue;
    seen.add(key);
    fixes.push({ ...fix, table: issue.table, row: issue.row, column: issue.column, before });
  }
  return fixes;
}

/** Split fixes first, so a cell both run together and aliased gets the one fix that does both. */
function rank(rule: string): number {
  if (rule.endsWith(".run-together")) return 0;
  if (rule === "unit.alias" || rule === "leader.alias") return 1;
  return 2;
}

/**
 * Names joined by 、, each as written but for inner spaces (薛  彤 → 薛彤); a real alias becomes
 * its canonical name, while a house-style short form (农业农村委 in 附件3) stays as the table writes it.
 */
function splitFix(
  parts: NamePart[],
  corrected: (p: NamePart) => boolean
): Pick<CellFix, "kind" | "after" | "label"> | null {
  // A name the cell gives a role (区教育局（配合区卫健委）) would lose the role in a plain list.
  if (parts.some((p) => p.status === "unknown" || p.status === "count" || p.cooperates))
    return null;
  const after = parts.map((p) => (corrected(p) ? p.canonical : p.normalised)).join("、");
  return { kind: "split-names", after, label: `拆分为「${after}」` };
}

function replaceAliases(cell: string, aliases: NamePart[]): string {
  return aliases.reduce((out, p) => out.replace(p.text, p.canonical as string), cell);
}

function aliasLabel(aliases: NamePart[]): string {
  return aliases.map((p) => `把「${p.text}」改为「${p.canonical}」`).join("，");
}
