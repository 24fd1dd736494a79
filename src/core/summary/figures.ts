import type { Roster } from "../roster/schema";
import type { Row, Table } from "../table/schema";
import { inRosterOrder, namesIn, unitRoles, type Named } from "../tracking/assign";
import { milestoneLabel, type Milestone } from "../deadline";
import { expectedSeqs } from "../rules/numbering/seqNumbers";
import { rowMilestones } from "../tracking/deadline";
import { TrackingOptions } from "../tracking/schema";
import type { Status } from "../tracking/schema";
import { isDone, isOverdue, normalStatus, trackState } from "../tracking/state";
import type { Counts, MilestoneTask, OverdueTask, SummaryFigures, TableFigures } from "./schema";

/** What 汇总 needs of a 校验 issue (rules/schema.ts Issue fits). */
export interface IssueRef {
  table: string;
  row: number;
  rule: string;
  severity: "error" | "warning" | "info";
}

export interface SummaryOptions {
  checkDate: string;
  roster: Roster;
  dueSoonDays?: number;
}

/** 超期 is a figure of its own; the rule that reports it would count the same rows twice. */
const OVERDUE_RULE = "deadline.overdue";

const STATUS_FIELD: Record<Status, keyof Counts> = {
  已完成: "done",
  推进中: "inProgress",
  未启动: "notStarted",
  已延期: "delayed",
};

type Tally = Omit<Counts, "completionRate">;

const empty = (): Tally => ({
  total: 0,
  done: 0,
  inProgress: 0,
  notStarted: 0,
  delayed: 0,
  unset: 0,
  overdue: 0,
  dueSoon: 0,
  noDate: 0,
  issues: 0,
});

/** No rate where no 完成状态 is filled in: 0 % would say nothing was done, not that nobody reported. */
function finish(t: Tally): Counts {
  return { ...t, completionRate: t.total === 0 || t.unset === t.total ? null : t.done / t.total };
}

/** One task as 汇总 counts it. */
interface Task {
  table: Table;
  row: Row;
  deadline: string | null;
  /** Milestones of the item's first row passed on the check date while its final one is ahead. */
  passed: Milestone[];
  lead: string[];
  coop: string[];
  /** Units of lead and coop that the row names through a group (各镇). */
  via: Set<string>;
  leader: string[];
  issues: number;
  /** 完成状态 as written; an item with sub-rows is done when every sub-row is. */
  status: string;
}

function add(
  t: Tally,
  task: Task,
  options: Required<Pick<SummaryOptions, "checkDate" | "dueSoonDays">>
): void {
  t.total++;
  const normal = normalStatus(task.status);
  const status = normal ? STATUS_FIELD[normal] : "unset";
  (t[status as keyof Tally] as number)++;
  const state = trackState(task.deadline, task.status, options.checkDate, options.dueSoonDays);
  if (state === "overdue" || state === "dueSoon" || state === "noDate") t[state]++;
  t.issues += task.issues;
}

function foldSubRow(item: Task, sub: Task): void {
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  item.lead = union(item.lead, sub.lead);
  item.coop = union(item.coop, sub.coop);
  item.leader = union(item.leader, sub.leader);
  for (const name of sub.via) if (!item.lead.includes(name)) item.via.add(name);
  item.issues += sub.issues;
  if (sub.deadline !== null && (item.deadline === null || sub.deadline > item.deadline))
    item.deadline = sub.deadline;
  if (isDone(item.status) && !isDone(sub.status)) item.status = sub.status;
}

/** The title as a report names the table: no year, no 责任分解表 (2022年津南区政府重点工作责任分解表 → 津南区政府重点工作). */
export function reportLabel(title: string): string {
  const label = title
    .replace(/(?:19|20)\d{2}年/g, "")
    .replace(/(?:任务)?(?:责任分解表|责任清单|分解表|清单)(?=（|$)/, "")
    .trim();
  return label || title;
}

/** The section a row is counted under: its 一、… band, or its 民心工程 category. */
function sectionOf(row: Row): string | null {
  return row.section?.trim() || row.fields.category?.trim() || null;
}

/** Counts per table, section, lead unit and 分管领导 on the check date. Pure. */
export function summaryFigures(
  tables: readonly Table[],
  issues: readonly IssueRef[],
  options: SummaryOptions
): SummaryFigures {
  const { checkDate, dueSoonDays } = TrackingOptions.parse(options);
  const when = { checkDate, dueSoonDays };
  const issuesPerRow = new Map<string, number>();
  const issueTotals = { error: 0, warning: 0, info: 0, overdue: 0 };
  for (const issue of issues) {
    if (issue.rule === OVERDUE_RULE) {
      issueTotals.overdue++;
      continue;
    }
    issueTotals[issue.severity]++;
    if (issue.severity === "info") continue;
    const key = `${issue.table}#${issue.row}`;
    issuesPerRow.set(key, (issuesPerRow.get(key) ?? 0) + 1);
  }

  const names = (named: readonly Named[]) => named.map((n) => n.name);
  const tasks: Task[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      const { lead, coop } = unitRoles(table, row, options.roster);
      const direct = new Set(names(lead.filter((n) => n.via === null)));
      const via = [...lead, ...coop].filter((n) => n.via !== null && !direct.has(n.name));
      const { deadline, passed } = rowMilestones(table, row, checkDate);
      const task: Task = {
        table,
        row,
        deadline,
        passed,
        lead: names(lead),
        coop: names(coop),
        via: new Set(names(via)),
        leader: namesIn(row, "leader", options.roster),
        issues: issuesPerRow.get(`${table.id}#${row.row}`) ?? 0,
        status: row.fields.status ?? "",
      };
      const item = tasks[tasks.length - 1];
      // A sub-row under a merged 序号 is part of its item: counted once, with every owner.
      if (row.merged.includes("seq") && item?.table === table) foldSubRow(item, task);
      else tasks.push(task);
    }
  }

  const overall = empty();
  type UnitTally = Tally & { lead: number; coop: number; viaGroup: number };
  const units = new Map<string, UnitTally>();
  const leaders = new Map<string, Tally>();
  const unitOf = (name: string) => {
    let u = units.get(name);
    if (!u) units.set(name, (u = { ...empty(), lead: 0, coop: 0, viaGroup: 0 }));
    return u;
  };
  for (const task of tasks) {
    add(overall, task, when);
    for (const name of task.lead) {
      const u = unitOf(name);
      u.lead++;
      add(u, task, when);
    }
    for (const name of task.coop) if (!task.lead.includes(name)) unitOf(name).coop++;
    for (const name of task.via) unitOf(name).viaGroup++;
    for (const name of task.leader) {
      const l = leaders.get(name) ?? empty();
      add(l, task, when);
      leaders.set(name, l);
    }
  }

  const tableFigures: TableFigures[] = tables.map((table) => {
    const own = tasks.filter((t) => t.table === table);
    const tally = empty();
    const sections = new Map<string, Tally>();
    for (const task of own) {
      add(tally, task, when);
      const section = sectionOf(task.row);
      if (section === null) continue;
      const s = sections.get(section) ?? empty();
      add(s, task, when);
      sections.set(section, s);
    }
    return {
      table: table.id,
      title: table.title,
      label: reportLabel(table.title),
      planYear: table.planYear,
      leadUnits: new Set(own.flatMap((t) => t.lead)).size,
      ...finish(tally),
      sections: [...sections].map(([section, s]) => ({ section, ...finish(s) })),
    };
  });

  const overdue: OverdueTask[] = tasks
    .filter((t) => isOverdue(t.deadline, t.status, checkDate))
    .map((t) => ({
      table: t.table.id,
      label: reportLabel(t.table.title),
      seq: t.row.seq,
      task: t.row.fields.task ?? "",
      deadline: t.deadline as string,
      lead: t.lead,
      leader: t.leader,
    }));

  const guesses = new Map(tables.map((t) => [t, expectedSeqs(t)]));
  const milestonesPassed: MilestoneTask[] = tasks.flatMap((t) => {
    if (isDone(t.status) || t.passed.length === 0) return [];
    const guess = guesses.get(t.table)?.[t.row.row - 1];
    return [
      {
        table: t.table.id,
        label: reportLabel(t.table.title),
        seq: t.row.seq ?? (guess === undefined ? null : `${guess}（推算）`),
        milestones: t.passed.map(milestoneLabel),
        lead: t.lead,
      },
    ];
  });

  const unitOrder = options.roster.units.map((u) => u.name);
  const leaderOrder = options.roster.leaders.map((l) => l.name);
  return {
    checkDate,
    dueSoonDays,
    overall: {
      ...finish(overall),
      tables: tables.length,
      leadUnits: new Set(tasks.flatMap((t) => t.lead)).size,
    },
    tables: tableFigures,
    units: inRosterOrder(units.keys(), unitOrder).map((unit) => {
      const { lead, coop, viaGroup, ...tally } = units.get(unit) as UnitTally;
      return { unit, lead, coop, viaGroup, ...finish(tally) };
    }),
    leaders: inRosterOrder(leaders.keys(), leaderOrder).map((leader) => ({
      leader,
      ...finish(leaders.get(leader) as Tally),
    })),
    overdue,
    milestonesPassed,
    issueTotals,
  };
}
