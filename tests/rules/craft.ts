import { validate, type Issue, type ValidationResult } from "../../src/core/rules";
import { defaultRoster } from "../../src/core/roster";
import { FIELD_LABEL } from "../../src/core/table/labels";
import type { FieldKey, Row, Table } from "../../src/core/table/schema";
import { seedTables } from "../support/seeds";

/** Test-only builders of small tables, and the seed tables validated once per test file. */

/** The seeds' titles: the labels users see, 工作明细 as the seed tables print it. */
const TITLES: Record<FieldKey, string> = { ...FIELD_LABEL, detail: "工作明细及完成时限" };

export type CraftRow = Partial<Record<FieldKey, string>> & {
  merged?: FieldKey[];
  section?: string | null;
};

export interface CraftOptions {
  id?: string;
  title?: string;
  planYear?: number | null;
  note?: string | null;
  source?: string;
  /** Printed titles that differ from the usual ones (市级任务 for task …). */
  titles?: Partial<Record<FieldKey, string>>;
}

/** A table with the given columns; a row's `seq` field becomes its 序号, absent means lost. */
export function craftTable(keys: FieldKey[], rows: CraftRow[], options: CraftOptions = {}): Table {
  const title = options.title ?? "2022年某区重点工作责任分解表";
  return {
    id: options.id ?? "crafted",
    title,
    planYear: options.planYear === undefined ? 2022 : options.planYear,
    columns: keys.map((key) => ({ key, title: options.titles?.[key] ?? TITLES[key], group: null })),
    note: options.note ?? null,
    source: options.source ?? "crafted.txt",
    rows: rows.map((r, i): Row => {
      const { merged, section, seq, ...fields } = r;
      return {
        row: i + 1,
        seq: seq ?? null,
        line: i + 10,
        section: section ?? null,
        fields: Object.fromEntries(
          keys.filter((k) => k !== "seq").map((k) => [k, fields[k] ?? ""])
        ),
        merged: merged ?? [],
      };
    }),
  };
}

/** A row that every rule accepts: numbered, dated, owned by roster names. */
export function cleanRow(seq: number, extra: CraftRow = {}): CraftRow {
  return {
    seq: String(seq),
    task: "全区生产总值增长7%左右。",
    detail: "制定工作方案，6月底前完成。",
    leader: "于瑞均",
    lead: "区发展改革委",
    coop: "区财政局、区科技局",
    ...extra,
  };
}

export const CLEAN_KEYS: FieldKey[] = ["seq", "task", "detail", "leader", "lead", "coop"];

/** A one-row table laid out like 民心工程: a detail with the year's target and four quarter goals. */
export function quarterTable(
  detail: string,
  q1: string,
  q2: string,
  q3: string,
  q4: string
): Table {
  return craftTable(
    ["category", "task", "detail", "q1", "q2", "q3", "q4", "lead"],
    [{ category: "一、试点", task: "市级任务。", detail, q1, q2, q3, q4, lead: "区民政局" }],
    { titles: { task: "市级任务", detail: "涉及津南区具体工作" } }
  );
}

export function check(tables: Table[], checkDate?: string): ValidationResult {
  return validate(tables, { roster: defaultRoster(), checkDate });
}

let seedResult: ValidationResult | undefined;

/** The four seed tables validated together, once per test file. */
export function seedValidation(): ValidationResult {
  seedResult ??= check(seedTables());
  return seedResult;
}

/** The issues of one rule, optionally in one table, as "table:row" keys for compact assertions. */
export function where(issues: readonly Issue[], rule: string, table?: string): string[] {
  return issues
    .filter((i) => i.rule === rule && (table === undefined || i.table === table))
    .map((i) => `${i.table}:${i.row}`);
}

export function ofRule(issues: readonly Issue[], rule: string): Issue[] {
  return issues.filter((i) => i.rule === rule);
}
