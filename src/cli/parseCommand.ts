import type { ParseResult, Table } from "../core/table/schema";
import { readingHeading } from "./checkCommand";

/** The JSON shape of `duban parse --json`: a row's fields are spread beside row, seq and merged. */
export function parseJson(result: ParseResult): unknown {
  return {
    tables: result.tables.map((t) => ({
      id: t.id,
      title: t.title,
      planYear: t.planYear,
      source: t.source,
      columns: t.columns,
      reading: t.reading ?? null,
      note: t.note,
      rows: t.rows.map((r) => ({
        row: r.row,
        seq: r.seq,
        line: r.line,
        section: r.section,
        merged: r.merged,
        ...(r.history ? { history: r.history } : {}),
        ...r.fields,
      })),
    })),
    problems: result.problems,
  };
}

/** A few readable lines per table for people at a terminal. */
export function parseSummary(result: ParseResult): string {
  const lines: string[] = [];
  for (const t of result.tables) lines.push(...tableSummary(t));
  if (result.tables.length === 0) lines.push("没有读到表格。");
  if (result.problems.length > 0) {
    lines.push(`读取问题 ${result.problems.length} 处：`);
    for (const p of result.problems) lines.push(`  ${p.source} 第 ${p.line} 行：${p.message}`);
  }
  return lines.join("\n");
}

function tableSummary(t: Table): string[] {
  const withoutSeq = t.rows.filter((r) => r.seq === null).length;
  const continued = t.rows.reduce((n, r) => n + r.merged.length, 0);
  const sections = new Set(t.rows.map((r) => r.section).filter((s) => s !== null)).size;
  const facts = [`${t.rows.length} 行`, `${t.columns.length} 列`];
  if (sections > 0) facts.push(`${sections} 个分节`);
  if (t.columns.some((c) => c.key === "seq")) facts.push(`无序号 ${withoutSeq} 行`);
  facts.push(`合并单元格延续 ${continued} 处`);
  const out = [
    `[${t.id}] ${t.title}（${t.source}）：${facts.join("，")}`,
    `  ${readingHeading(t)}`,
  ];
  if (t.note) out.push(`  表注：${t.note}`);
  return out;
}
