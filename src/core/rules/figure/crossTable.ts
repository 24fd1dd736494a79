import type { FieldKey, Row, Table } from "../../table/schema";
import type { Rule, RuleContext } from "../context";
import type { Issue } from "../schema";
import { crossReferences } from "../xref/links";
import { figuresIn, sameAmount } from "./figures";
import { samePlan } from "./samePlan";
import { subjectFigures, type SubjectFigure } from "./subjects";

interface Mention extends SubjectFigure {
  table: Table;
  tableIndex: number;
  row: Row;
  key: FieldKey;
}

/** A counted thing shorter than this (学位, 企业) is too general to match across tables at all. */
const MIN_NOUN = 4;
/**
 * A counted thing up to this long (公交线路, 停车泊位) is matched only between district-wide
 * statements: 停车泊位772个 at two car parks of 葛沽镇 is not the 3000余个 of the 会展 projects.
 */
const GENERAL_NOUN = 5;
/** A subject named this often is a general word, not one project or indicator. */
const MAX_MENTIONS = 12;

/** The task column of a city table (市政府重点工作, 市级任务) holds city-wide figures, not the district's. */
function figureColumns(ctx: RuleContext, table: Table): FieldKey[] {
  const keys: FieldKey[] = ["detail"];
  if (ctx.hasColumn(table, "task") && !ctx.columnTitle(table, "task").startsWith("市"))
    keys.push("task");
  return keys.filter((k) => ctx.hasColumn(table, k));
}

function subjectKey(m: SubjectFigure): string | null {
  const { subject, figure } = m;
  if (subject.kind === "noun" && (subject.name.length < MIN_NOUN || /\d/.test(subject.name)))
    return null;
  return `${subject.kind}\u0000${subject.name}\u0000${figure.unit}`;
}

/** 学位 and 义务教育学位 measure the same thing; 长 and 宽 do not. */
function sameMeasure(a: SubjectFigure, b: SubjectFigure): boolean {
  const x = a.subject.measure;
  const y = b.subject.measure;
  return x === "" || y === "" || x.endsWith(y) || y.endsWith(x);
}

/** Row pairs the cross-reference rules already compare column by column. */
function linkedPairs(ctx: RuleContext): Set<string> {
  const pairs = new Set<string>();
  for (const x of crossReferences(ctx)) {
    for (const link of x.links) if (link.targetRow) pairs.add(pairId(link.row, link.targetRow));
  }
  return pairs;
}

const rowIds = new WeakMap<Row, number>();
let nextRowId = 0;
function rowId(row: Row): number {
  let id = rowIds.get(row);
  if (id === undefined) rowIds.set(row, (id = nextRowId++));
  return id;
}
const pairId = (a: Row, b: Row) => [rowId(a), rowId(b)].sort((x, y) => x - y).join(":");

/**
 * The same project or indicator with different figures in two tables (辛庄镇海河中游配套中学工程:
 * 学位1200个 in 民心工程, 2700个 in 附件3). Mentions are indexed by subject, so the work grows
 * with the number of figures, not with pairs of rows. One issue per pair of rows, on the later table.
 */
export const figureCrossTable: Rule = {
  id: "figure.cross-table",
  check(ctx) {
    const bySubject = new Map<string, Mention[]>();
    ctx.tables.forEach((table, tableIndex) => {
      for (const cell of ctx.cells(table, figureColumns(ctx, table))) {
        for (const sf of subjectFigures(cell.text, figuresIn(cell.text))) {
          const id = subjectKey(sf);
          if (id === null) continue;
          const list = bySubject.get(id) ?? [];
          if (list.length <= MAX_MENTIONS)
            list.push({ ...sf, table, tableIndex, row: cell.row, key: cell.key });
          bySubject.set(id, list);
        }
      }
    });
    const linked = linkedPairs(ctx);
    const conflicts = new Map<string, { ours: Mention; theirs: Mention }[]>();
    for (const mentions of bySubject.values()) {
      if (mentions.length > MAX_MENTIONS) continue;
      for (const a of mentions) {
        for (const b of mentions) {
          if (a.tableIndex <= b.tableIndex || linked.has(pairId(a.row, b.row))) continue;
          // Another year's or another government's plan: its figures are not this plan's.
          if (!samePlan(ctx, a.table, b.table)) continue;
          if (!sameMeasure(a, b) || sameAmount(a.figure, b.figure)) continue;
          if (
            a.subject.kind === "noun" &&
            a.subject.name.length <= GENERAL_NOUN &&
            (a.local || b.local)
          )
            continue;
          // Agreeing somewhere else in the other row settles it (3000余个 in the task and in the detail).
          if (
            mentions.some(
              (c) => c.row === b.row && sameMeasure(a, c) && sameAmount(a.figure, c.figure)
            )
          )
            continue;
          const id = `${rowId(a.row)}>${rowId(b.row)}`;
          const list = conflicts.get(id) ?? [];
          if (
            !list.some(
              (c) => c.ours.figure.text === a.figure.text && c.theirs.figure.text === b.figure.text
            )
          )
            list.push({ ours: a, theirs: b });
          conflicts.set(id, list);
        }
      }
    }
    const issues: Issue[] = [];
    for (const list of conflicts.values()) {
      const { ours, theirs } = list[0];
      const details = list
        .map(
          ({ ours: o, theirs: t }) =>
            `「${o.subject.name}」${o.subject.measure}本表为${o.figure.text}、对方为${t.figure.text}`
        )
        .join("；");
      issues.push(
        ctx.issue(
          "figure.cross-table",
          ours.table,
          ours.row,
          ours.key,
          {
            otherTable: theirs.table.title,
            otherRow: ctx.itemLabel(theirs.table, theirs.row),
            details,
          },
          list.map((c) => c.ours.figure.text).join("、")
        )
      );
    }
    return issues;
  },
};
