import { smallNumber } from "../deadline/numerals";
import { FIELD_LABEL } from "../table/labels";
import type { Column, ColumnReading, FieldKey } from "../table/schema";
import type { HeaderMatch } from "./vocabulary";

/** One printed column of a header as the vocabulary matched it. */
export interface HeaderCell {
  title: string;
  /** The header cell spanning this one (阶段性目标, 工作任务安排), or null. */
  group: string | null;
  match: HeaderMatch;
  /** The second column under one header merged over two (项目名称 over name and sub-target). */
  joinsPrevious?: boolean;
}

export interface ResolvedColumns {
  columns: Column[];
  /** The field each printed column fills, null for one not read (or kept as history). */
  slots: (FieldKey | null)[];
  /** Every printed column, how it was read. */
  reading: ColumnReading[];
  /** Printed positions of earlier periods' progress columns, by title. */
  history: { at: number; title: string }[];
  /** Printed positions whose text is added to the field of the column on their left. */
  joins: { at: number; key: FieldKey }[];
}

/**
 * Gives every printed column its meaning as the whole header decides it:
 * - two columns claiming one meaning: the firmer claim keeps it (牵头单位 over 责任单位, 重点工作
 *   over 工作任务) and a column whose entry yields takes its second meaning (责任单位 → 配合单位,
 *   工作任务 → 工作明细); otherwise the first keeps it and the other is listed as not read;
 * - several progress columns, one per period (1-10月, 1-11月): the latest is the current
 *   进展情况, the earlier ones are kept as history (columns naming no period contest as above).
 * - the second column under one header merged over two adds its text to the first;
 * - a table whose only text column is a 工作明细-like one (项目内容) has it as its task.
 * Nothing is dropped without a reading that says so.
 */
export function resolveColumns(cells: readonly HeaderCell[]): ResolvedColumns {
  const keys: (FieldKey | null)[] = cells.map((c) =>
    c.match.kind === "column" ? c.match.key : null
  );
  const yielded = new Set<number>();
  const reasons = new Map<number, string>();
  const history = new Set<number>();

  const progress = keys.flatMap((k, i) =>
    k === "progress" && periodEnd(cells[i].title) > 0 ? [i] : []
  );
  if (progress.length > 1) {
    const latest = progress.reduce((a, b) =>
      periodEnd(cells[b].title) > periodEnd(cells[a].title) ? b : a
    );
    for (const i of progress) if (i !== latest) history.add(i);
  }

  const joins: { at: number; key: FieldKey }[] = [];
  cells.forEach((cell, i) => {
    if (!cell.joinsPrevious || i === 0) return;
    const left = keys[i - 1] ?? joins.find((j) => j.at === i - 1)?.key;
    if (!left) return;
    joins.push({ at: i, key: left });
    keys[i] = null;
  });

  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    const claims = new Map<FieldKey, number[]>();
    keys.forEach((k, i) => {
      if (k && !history.has(i)) claims.set(k, [...(claims.get(k) ?? []), i]);
    });
    for (const [key, at] of claims) {
      if (at.length < 2) continue;
      const firm = at.find((i) => !canYield(cells[i], yielded, i));
      const winner = firm ?? at[0];
      for (const i of at) {
        if (i === winner) continue;
        const match = cells[i].match;
        changed = true;
        if (canYield(cells[i], yielded, i) && match.kind === "column" && match.yields) {
          keys[i] = match.yields;
          yielded.add(i);
        } else {
          keys[i] = null;
          reasons.set(i, `与「${cells[winner].title}」同为${FIELD_LABEL[key]}`);
        }
      }
    }
    if (!changed) break;
  }

  // A table's only text column (项目内容, 主要内容 alone) is its task.
  if (!keys.includes("task")) {
    const text = keys.indexOf("detail");
    if (text >= 0) keys[text] = "task";
  }

  const columns: Column[] = [];
  const reading: ColumnReading[] = [];
  const slots = keys.map((key, i) => {
    const { title, group, match } = cells[i];
    if (history.has(i)) {
      reading.push({ title, key: "progress", history: true });
      return null;
    }
    const joined = joins.find((j) => j.at === i);
    if (joined) {
      reading.push({ title, key: joined.key });
      return null;
    }
    if (key) {
      columns.push({ key, title, group });
      reading.push({ title, key });
      return key;
    }
    if (title !== "")
      reading.push({
        title,
        key: null,
        reason:
          reasons.get(i) ?? (match.kind === "ignored" ? "列对照中设为不读取" : "无法识别的表头"),
      });
    return null;
  });
  return {
    columns,
    slots,
    reading,
    history: [...history].map((at) => ({ at, title: cells[at].title })),
    joins,
  };
}

const canYield = (cell: HeaderCell, yielded: Set<number>, i: number) =>
  cell.match.kind === "column" && cell.match.yields !== undefined && !yielded.has(i);

const QUARTER_END: Record<string, number> = {
  一: 3,
  二: 6,
  三: 9,
  四: 12,
  "1": 3,
  "2": 6,
  "3": 9,
  "4": 12,
};

/**
 * The last month a progress column's title covers (1-10月 → 10, 第二季度 → 6, 上半年 → 6,
 * 全年 → 12), or 0 when it names no period; of equal periods the first is the current one.
 */
export function periodEnd(title: string): number {
  const months = [...title.matchAll(/([0-9]{1,2}|[一二三四五六七八九十]{1,3})月/g)]
    .map((m) => smallNumber(m[1]))
    .filter((n) => n >= 1 && n <= 12);
  if (months.length > 0) return months.reduce((a, b) => Math.max(a, b));
  const quarter = /([一二三四1-4])季度/.exec(title);
  if (quarter) return QUARTER_END[quarter[1]];
  if (title.includes("上半年")) return 6;
  if (/全年|年底|年度/.test(title)) return 12;
  return 0;
}

/** The parse problems a header's reading gives: one per printed column that is not read. */
export function readingProblems(reading: readonly ColumnReading[]): string[] {
  return reading.flatMap((r) =>
    r.key !== null || r.history
      ? []
      : r.reason === "无法识别的表头"
        ? [`无法识别的表头「${r.title}」，这一列未读取。`]
        : [`表头「${r.title}」${r.reason}，这一列未读取。`]
  );
}
