import { parseDeadlines, type Milestone } from "../../src/core/deadline";
import { MINXIN_FILE, NOTICE_FILE, seedTables, seedText } from "../support/seeds";
import { SEED_PHRASES } from "./seedPhrases";

const SEED_TEXTS = [seedText(NOTICE_FILE), seedText(MINXIN_FILE)];
const PLAN_YEAR = 2022;

/** The notation of seedPhrases.ts: "text → date", "text → start..end", "text → recurring|ongoing". */
function notation(m: Milestone): string {
  switch (m.kind) {
    case "date":
      return `${m.text} → ${m.date}`;
    case "range":
      return `${m.text} → ${m.start}..${m.date}`;
    default:
      return `${m.text} → ${m.kind}`;
  }
}

/** Every cell of the seed texts: a line starting with a TAB (after optional spaces) opens one. */
function tabStartedCells(text: string): string[] {
  const cells: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const start = /^ *\t/.exec(line);
    if (start) cells.push(line.slice(start[0].length));
    else if (cells.length > 0) cells[cells.length - 1] += `\n${line}`;
  }
  return cells.map((c) => c.trim());
}

describe("every time expression of the seed tables", () => {
  test.each(SEED_PHRASES.map((c) => [c.phrase, c] as const))("%s", (phrase, c) => {
    expect(SEED_TEXTS.some((t) => t.includes(phrase))).toBe(true);
    const result = parseDeadlines(phrase, PLAN_YEAR);
    expect(result.milestones.map(notation)).toEqual(c.expect);
    for (const m of result.milestones)
      expect(phrase.slice(m.index, m.index + m.length)).toBe(m.text);
    if (c.deadline !== undefined) expect(result.deadline).toBe(c.deadline);
    if (c.beyondPlanYear !== undefined) expect(result.beyondPlanYear).toBe(c.beyondPlanYear);
    if (c.openEndedOnly !== undefined) expect(result.openEndedOnly).toBe(c.openEndedOnly);
  });

  test("the table above covers every expression found in a detail or quarterly-goal cell", () => {
    const uncovered: string[] = [];
    for (const table of seedTables()) {
      expect(table.planYear).toBe(PLAN_YEAR);
      for (const row of table.rows) {
        for (const key of ["detail", "q1", "q2", "q3", "q4"] as const) {
          const text = row.fields[key];
          if (!text) continue;
          const spans = SEED_PHRASES.flatMap(({ phrase }) => {
            const found: Array<[number, number]> = [];
            for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1))
              found.push([i, i + phrase.length]);
            return found;
          });
          for (const m of parseDeadlines(text, PLAN_YEAR).milestones) {
            const end = m.index + m.length;
            if (!spans.some(([a, b]) => a <= m.index && end <= b))
              uncovered.push(`${table.id} ${row.row} ${key}: ${m.text}`);
          }
        }
      }
    }
    expect(uncovered).toEqual([]);
  });
});

describe("coverage guard over every tab-started cell of the seeds", () => {
  const cells = SEED_TEXTS.flatMap(tabStartedCells);
  /**
   * Wording that names a date: 月 followed by 底/份/前, a quarter, the year's end, and also any
   * numbered month, 年内, 上半年/下半年, 全年 and 旬. "完成全年目标的20%" (a share of the year's
   * target, in a quarter's goal) is the one use of 全年 that is no deadline.
   */
  const DATE_WORDING =
    /月[底份前]|季度|年底|年内|[上下]半年|全年(?!目标的)|旬|(?:\d|[一二三四五六七八九十])月(?!度)/;

  test("the scan sees the seed tables", () => {
    expect(cells.length).toBeGreaterThan(800);
    expect(cells.filter((c) => DATE_WORDING.test(c)).length).toBeGreaterThan(60);
  });

  test("the parser never throws and dates every cell with date wording", () => {
    const undated = cells.filter((cell) => {
      const result = parseDeadlines(cell, PLAN_YEAR);
      return DATE_WORDING.test(cell) && !result.hasDeadline;
    });
    expect(undated).toEqual([]);
  });
});
