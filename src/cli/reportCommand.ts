import { todayIso } from "../core/deadline/isoDate";
import { parseIsoDate } from "../core/deadline";
import { workbookRoster } from "../core/roster/workbook";
import { validate } from "../core/rules";
import { Summary, summarize } from "../core/summary";
import { readSources, UnreadableInput, vocabularyOf, type SourceOptions } from "./sources";

export interface ReportOptions extends SourceOptions {
  json?: boolean;
  /** YYYY-MM-DD: the 检查日期; today when left out. */
  asOf?: string;
  /** Days ahead that count as 即将到期 (default 15). */
  dueSoon?: string;
}

/**
 * `duban report`: every file read, checked and summed up as 汇总 does in the task pane — the
 * same figures from the same core. JSON holds the figures and sentences; text is the report.
 */
export async function runReport(
  files: readonly string[],
  options: ReportOptions,
  today: Date = new Date()
): Promise<{ stdout: string; stderr: string }> {
  const parsed = await readSources(files, vocabularyOf(options.columns));
  const checkDate = asOf(options.asOf ?? todayIso(today));
  const dueSoonDays = dueSoon(options.dueSoon);
  const { roster } = workbookRoster(parsed.tables);
  const { issues } = validate(parsed.tables, { roster, checkDate, layouts: parsed.layouts });
  const summary = summarize(parsed.tables, issues, { checkDate, roster, dueSoonDays });
  const stderr = parsed.problems.map((p) => `${p.source} 第 ${p.line} 行：${p.message}`).join("\n");
  if (parsed.tables.length === 0) return { stdout: "没有读到表格，无法汇总。\n", stderr };
  return {
    stdout: (options.json ? JSON.stringify(Figures.parse(summary)) : summary.text) + "\n",
    stderr,
  };
}

/** The summary without its renderings (html, text): what scripts compare. */
const Figures = Summary.omit({ html: true, text: true });

function asOf(date: string): string {
  try {
    parseIsoDate(date);
  } catch {
    throw new UnreadableInput(`检查日期「${date}」无效，应写作 YYYY-MM-DD，如 2022-09-30。`);
  }
  return date;
}

function dueSoon(days: string | undefined): number {
  if (days === undefined) return 15;
  if (!/^\d{1,3}$/.test(days) || Number(days) > 366)
    throw new UnreadableInput(`即将到期天数「${days}」无效，应为 0 到 366 之间的整数。`);
  return Number(days);
}
