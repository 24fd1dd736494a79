import { toChineseDate } from "../deadline";
import type { Counts, SummaryFigures } from "./schema";

/** A figure table of the report, shared by the HTML, the plain text and the 汇总 sheet. */
export interface ReportTable {
  title: string;
  header: string[];
  /** Per column: how its cells are written. */
  kinds: ("text" | "count" | "rate")[];
  rows: (string | number | null)[][];
}

/**
 * Where overdue work concentrates, most first, at most `max`: "区发展改革委（3项）、区水务局（2项）
 * 等5个单位". Only names with more than one overdue item concentrate anything; when every name
 * has one, the work is spread: "分散在3个单位，各1项".
 */
function concentration(
  items: readonly { name: string; overdue: number }[],
  noun: string,
  max = 3
): { text: string; spread: boolean } | null {
  const overdue = items.filter((i) => i.overdue > 0);
  if (overdue.length === 0) return null;
  const ranked = overdue.filter((i) => i.overdue > 1).sort((a, b) => b.overdue - a.overdue);
  if (ranked.length === 0) return { text: `分散在${overdue.length}${noun}，各1项`, spread: true };
  const named = ranked
    .slice(0, max)
    .map((i) => `${i.name}（${i.overdue}项）`)
    .join("、");
  return { text: ranked.length > max ? `${named}等${ranked.length}${noun}` : named, spread: false };
}

/** By 完成状态 when any is filled in; otherwise it says so and counts by deadline only. */
function statusClause(c: Counts): string {
  const byDeadline = `超期${c.overdue}项，即将到期${c.dueSoon}项`;
  if (c.total > 0 && c.unset === c.total) return `完成情况未填报（按完成时限：${byDeadline}）`;
  return `已完成${c.done}项，推进中${c.inProgress}项，${byDeadline}`;
}

/** The plan years of the tables, and a warning when the check date lies outside them. */
function planYearSentence(f: SummaryFigures): string | null {
  const years = [...new Set(f.tables.map((t) => t.planYear).filter((y) => y !== null))].sort();
  if (years.length === 0) return null;
  const checkYear = Number(f.checkDate.slice(0, 4));
  const named = years.map((y) => `${y}年`).join("、");
  return years.includes(checkYear)
    ? null
    : `注意：检查日期${toChineseDate(f.checkDate)}不在计划年度（${named}）内，以下超期、即将到期均按该日期计算，请核对检查日期。`;
}

/** Tasks listed by name in the milestone sentence; the rest are counted. */
const MILESTONE_EXAMPLES = 3;

/**
 * Unfinished tasks whose final deadline is ahead but an earlier milestone has passed: not 超期,
 * yet a 督查通报 names them ("…第1项「2022年6月开工」（已过）").
 */
function milestoneSentence(f: SummaryFigures): string | null {
  const list = f.milestonesPassed;
  if (list.length === 0) return null;
  const named = list
    .slice(0, MILESTONE_EXAMPLES)
    .map((t) => {
      const which = t.seq === null ? "" : `第${t.seq}项`;
      const by = t.lead.length > 0 ? `（${t.lead.join("、")}）` : "";
      return `${t.label}${which}${by}的${t.milestones.map((m) => `「${m}」`).join("")}`;
    })
    .join("，");
  const more = list.length > MILESTONE_EXAMPLES ? `等${list.length}项` : "";
  return `另有${list.length}项工作最终完成时限未到，但阶段节点已过且未标为已完成：${named}${more}，请核对这些阶段工作是否按时完成。`;
}

/**
 * The report in Chinese, as a 督查通报 writes it: one sentence per table with where its overdue
 * work concentrates, one over all tables when there are several, one on 分管领导, one on 校验.
 */
export function reportSentences(f: SummaryFigures): string[] {
  const asOf = `截至${toChineseDate(f.checkDate)}`;
  const sentences: string[] = [];
  const warning = planYearSentence(f);
  if (warning) sentences.push(warning);
  for (const table of f.tables) {
    const perUnit = new Map<string, number>();
    for (const o of f.overdue) {
      if (o.table === table.table)
        for (const u of o.lead) perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
    }
    const where = concentration(
      [...perUnit].map(([name, overdue]) => ({ name, overdue })),
      "个单位"
    );
    const year = table.planYear !== null ? `${table.planYear}年` : "";
    sentences.push(
      `${asOf}，${year}${table.label}共${table.total}项，${statusClause(table)}，涉及${table.leadUnits}个牵头单位；` +
        (where
          ? where.spread
            ? `超期事项${where.text}。`
            : `超期事项集中在${where.text}。`
          : "暂无超期事项。")
    );
  }
  if (f.tables.length > 1) {
    const o = f.overall;
    sentences.push(
      `${f.tables.length}张表合计${o.total}项，${statusClause(o)}，无明确完成时限${o.noDate}项，涉及${o.leadUnits}个牵头单位。`
    );
  }
  const milestones = milestoneSentence(f);
  if (milestones) sentences.push(milestones);
  const leaders = concentration(
    f.leaders.map((l) => ({ name: l.leader, overdue: l.overdue })),
    "位领导"
  );
  if (leaders && !leaders.spread)
    sentences.push(`按分管领导看，超期事项较多的是${leaders.text}分管的工作。`);
  const t = f.issueTotals;
  const overdueNote = t.overdue > 0 ? `，不含超期提醒${t.overdue}处` : "";
  sentences.push(
    t.error + t.warning + t.info === 0
      ? `校验未发现问题${t.overdue > 0 ? `（超期提醒${t.overdue}处见上）` : ""}。`
      : `校验发现问题${t.error + t.warning}处（错误${t.error}处，警告${t.warning}处${overdueNote}），另有提示${t.info}处。`
  );
  return sentences;
}

const COUNT_COLUMNS = ["已完成", "推进中", "超期", "即将到期", "校验问题", "完成率"];
const countCells = (c: Counts) => [
  c.done,
  c.inProgress,
  c.overdue,
  c.dueSoon,
  c.issues,
  c.completionRate,
];
const countKinds = ["count", "count", "count", "count", "count", "rate"] as const;

/** The report's figure tables: per lead unit, per 分管领导, per table, per section. */
export function reportTables(f: SummaryFigures): ReportTable[] {
  const tables: ReportTable[] = [
    {
      title: "各牵头单位完成情况",
      header: ["牵头单位", "牵头", "配合", "其中来自统称", ...COUNT_COLUMNS],
      kinds: ["text", "count", "count", "count", ...countKinds],
      rows: f.units.map((u) => [u.unit, u.lead, u.coop, u.viaGroup, ...countCells(u)]),
    },
    {
      title: "各分管领导分管事项完成情况",
      header: ["分管领导", "事项", ...COUNT_COLUMNS],
      kinds: ["text", "count", ...countKinds],
      rows: f.leaders.map((l) => [l.leader, l.total, ...countCells(l)]),
    },
    {
      title: "各表完成情况",
      header: ["表", "事项", ...COUNT_COLUMNS, "无完成时限"],
      kinds: ["text", "count", ...countKinds, "count"],
      rows: f.tables.map((t) => [t.label, t.total, ...countCells(t), t.noDate]),
    },
  ];
  // One table per sectioned table, so names stand in the first column as in the others.
  for (const t of f.tables.filter((t) => t.sections.length > 0)) {
    tables.push({
      title: `${t.label}分类完成情况`,
      header: ["分类", "事项", ...COUNT_COLUMNS],
      kinds: ["text", "count", ...countKinds],
      rows: t.sections.map((s) => [s.section, s.total, ...countCells(s)]),
    });
  }
  return tables;
}

/** A cell as people read it: counts as numbers, rates as "12.5%", nothing as "—". */
export function cellText(
  value: string | number | null,
  kind: ReportTable["kinds"][number]
): string {
  if (value === null) return "—";
  if (kind === "rate" && typeof value === "number") return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CELL = "border:1px solid #000000;padding:2px 6px;";

/** Sentences as paragraphs and tables with inline borders: Word keeps them as tables when pasted. */
export function reportHtml(sentences: readonly string[], tables: readonly ReportTable[]): string {
  const parts = sentences.map((s) => `<p>${escape(s)}</p>`);
  for (const t of tables) {
    const head = t.header
      .map((h) => `<th style="${CELL}background:#D9E1F2;">${escape(h)}</th>`)
      .join("");
    const body = t.rows
      .map(
        (r) =>
          "<tr>" +
          r
            .map((v, i) => {
              const align = t.kinds[i] === "text" ? "left" : "right";
              return `<td style="${CELL}text-align:${align};">${escape(cellText(v, t.kinds[i]))}</td>`;
            })
            .join("") +
          "</tr>"
      )
      .join("");
    parts.push(
      `<p><b>${escape(t.title)}</b></p>`,
      `<table style="border-collapse:collapse;border:1px solid #000000;"><tr>${head}</tr>${body}</table>`
    );
  }
  return parts.join("\n");
}

/** Sentences, then each table under its title with tab-separated cells. */
export function reportText(sentences: readonly string[], tables: readonly ReportTable[]): string {
  const lines = [...sentences];
  for (const t of tables) {
    lines.push("", t.title, t.header.join("\t"));
    for (const r of t.rows) lines.push(r.map((v, i) => cellText(v, t.kinds[i])).join("\t"));
  }
  return lines.join("\n");
}
