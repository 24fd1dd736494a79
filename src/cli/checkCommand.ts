import { parseIsoDate } from "../core/deadline";
import { todayIso } from "../core/deadline/isoDate";
import { loadRoster, type Roster } from "../core/roster";
import { rosterLine } from "../core/roster/choose";
import { workbookRoster } from "../core/roster/workbook";
import {
  issueJson,
  issuePlace,
  ruleInfo,
  seqGuesses,
  SEVERITY_LABEL,
  validate,
  type Issue,
  type RuleId,
  type ValidationResult,
} from "../core/rules";
import type { ParseResult, Table } from "../core/table/schema";
import { readingLine, readingOf } from "../core/table/labels";
import {
  readJson,
  readSources,
  UnreadableInput,
  vocabularyOf,
  type SourceOptions,
} from "./sources";
import { append } from "../core/append";

export interface CheckOptions extends SourceOptions {
  json?: boolean;
  /** YYYY-MM-DD: report deadlines passed by then. */
  date?: string;
  /** A roster JSON file instead of the shipped or learned one. */
  roster?: string;
  /** false (--no-shipped-roster): learn the 名册 even for 津南区 2022 tables. */
  shippedRoster?: boolean;
}

/** `duban check`: every file read, all tables validated together, the report as text. */
export async function runCheck(
  files: readonly string[],
  options: CheckOptions
): Promise<{ stdout: string; stderr: string }> {
  const parsed = await readSources(files, vocabularyOf(options.columns));
  const chosen = workbookRoster(parsed.tables, {
    given: rosterOf(options.roster),
    shipped: options.shippedRoster,
    grid: parsed.rosterGrid,
  });
  const result = validate(parsed.tables, {
    roster: chosen.roster,
    checkDate: checkDate(options.date),
    rosterProblems: chosen.problems,
    layouts: parsed.layouts,
  });
  if (options.json) {
    return {
      stdout: result.issues.map((i) => JSON.stringify(issueJson(i)) + "\n").join(""),
      stderr: problemLines(parsed).join("\n"),
    };
  }
  return {
    stdout: [...parsed.notes, report(parsed, result) + rosterLine(chosen)].join("\n") + "\n",
    stderr: "",
  };
}

/** The --date given, checked, or today in local time. */
export function checkDateOrToday(date: string | undefined): string {
  return checkDate(date) ?? todayIso();
}

/** The roster file given with --roster, or null (the shipped or learned one then applies). */
export function rosterOf(path: string | undefined): Roster | null {
  return path ? readRoster(path) : null;
}

function checkDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  try {
    parseIsoDate(date);
    return date;
  } catch {
    throw new UnreadableInput(`检查日期「${date}」无效，应写作 YYYY-MM-DD，如 2022-06-30。`);
  }
}

function readRoster(path: string): Roster {
  const data = readJson(path, "名册文件");
  try {
    return loadRoster(data);
  } catch (e) {
    throw new UnreadableInput(
      `名册文件「${path}」无法使用：${e instanceof Error ? e.message : String(e)}`
    );
  }
}

/** 列识别: how every printed column of a table was read, unused ones named. */
export function readingHeading(table: Table): string {
  return `列识别：${readingLine(readingOf(table))}`;
}

const totalsText = (t: { error: number; warning: number; info: number }) =>
  `错误 ${t.error} 处，警告 ${t.warning} 处，提示 ${t.info} 处`;

function issueLine(issue: Issue, guesses: ReadonlyMap<string, readonly number[]>): string {
  const where = `${issuePlace(issue, guesses)}「${issue.columnTitle}」`;
  return `  ${where}【${SEVERITY_LABEL[issue.severity]}】${ruleInfo(issue.rule as RuleId).title}：${issue.message}`;
}

function problemLines(parsed: ParseResult): string[] {
  if (parsed.problems.length === 0) return [];
  return [
    `读取问题 ${parsed.problems.length} 处：`,
    ...parsed.problems.map((p) => `  ${p.source} 第 ${p.line} 行：${p.message}`),
  ];
}

/** The readable report: per table a heading with its totals, then its issues in reading order. */
export function report(parsed: ParseResult, result: ValidationResult): string {
  const lines: string[] = [];
  const guesses = seqGuesses(parsed.tables);
  const byTable = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    const list = byTable.get(issue.table);
    if (list) list.push(issue);
    else byTable.set(issue.table, [issue]);
  }
  parsed.tables.forEach((table: Table, i) => {
    const totals = result.perTable[i].totals;
    lines.push(
      `[${table.id}] ${table.title}（${table.source}）：${table.rows.length} 行，${totalsText(totals)}`,
      `  ${readingHeading(table)}`
    );
    for (const issue of byTable.get(table.id) ?? []) lines.push(issueLine(issue, guesses));
    lines.push("");
  });
  if (parsed.tables.length === 0) lines.push("没有读到表格，未校验。");
  else {
    const rows = parsed.tables.reduce((n, t) => n + t.rows.length, 0);
    lines.push(
      `校验完成：共 ${parsed.tables.length} 张表 ${rows} 行，${totalsText(result.totals)}。`
    );
  }
  append(lines, problemLines(parsed));
  return lines.join("\n") + "\n";
}
