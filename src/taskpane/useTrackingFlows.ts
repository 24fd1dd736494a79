import { useCallback, useState } from "react";
import type { Conflict } from "../core/outputs/backfill";
import type { SummaryOutcome, TrackingChoice, WorkbookActions } from "./actions";
import { copyHtml, copyText } from "./clipboard";
import { conflictKey, conflictOptions } from "./conflictOptions";
import { todayIso } from "./format";
import type { WorkbookTask } from "./useWorkbookTask";

export type SplitBy = "unit" | "leader";
export type CopyKind = "text" | "table";

/** 即将到期: due within this many days of the 检查日期, unless the user sets another number. */
export const DUE_SOON_DAYS = 15;
/** The most tracking/schema.ts accepts. */
export const MAX_DUE_SOON_DAYS = 366;

/**
 * The tracking options for a 检查日期: colours follow TODAY() while the date is today; a date the
 * user chose stays fixed in the sheet, so it keeps showing the state on that day.
 */
export function trackingChoice(
  checkDate: string,
  dueSoonDays: number,
  today: string = todayIso()
): TrackingChoice {
  return { checkDate, reference: checkDate === today ? "today" : "checkDate", dueSoonDays };
}

export interface TrackingFlows {
  /** 生成单位表 makes a sheet per 牵头单位 or per 分管领导. */
  splitBy: SplitBy;

  setSplitBy(by: SplitBy): void;
  /** 即将到期 = due within this many days (0–366). */
  dueSoonDays: number;

  setDueSoonDays(days: number): void;
  buildUnitSheets(): Promise<void>;
  backfill(): Promise<void>;
  /** Conflicts of the last 回填 the user has not settled yet. */
  conflicts: Conflict[];
  /** What the last 回填 could not do. */
  backfillProblems: string[];
  /** The option the user picked per conflict (conflictKey → index into conflictOptions). */
  choices: Readonly<Record<string, number>>;

  choose(key: string, option: number): void;
  /** Writes the picked values; conflicts without a pick stay listed. */
  applyChoices(): Promise<void>;
  /** The last 汇总. */
  summary: SummaryOutcome | null;
  summarize(): Promise<void>;
  /** What the last 复制 put on the clipboard, until the next 汇总. */
  copied: CopyKind | null;

  copy(kind: CopyKind): Promise<void>;
  /** Drops results that point into sheets 导入 has just replaced. */
  forgetResults(): void;
}

/** The flows of issue 5: unit sheets, 回填 with the user's choices, 汇总 and copying it. */
export function useTrackingFlows(
  actions: WorkbookActions,
  task: WorkbookTask,
  checkDate: string
): TrackingFlows {
  const [splitBy, setSplitBy] = useState<SplitBy>("unit");
  const [dueSoonDays, setDueSoonDays] = useState(DUE_SOON_DAYS);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [backfillProblems, setBackfillProblems] = useState<string[]>([]);
  const [choices, setChoices] = useState<Record<string, number>>({});
  const [summary, setSummary] = useState<SummaryOutcome | null>(null);
  const [copied, setCopied] = useState<CopyKind | null>(null);
  const { run, attempt, announce } = task;

  const settleConflicts = useCallback((next: Conflict[], problems: string[]) => {
    setConflicts(next);
    setBackfillProblems(problems);
    setChoices({});
  }, []);

  const forgetResults = useCallback(() => {
    settleConflicts([], []);
    setSummary(null);
  }, [settleConflicts]);

  const buildUnitSheets = useCallback(async () => {
    const built = await run(
      splitBy === "unit" ? "正在生成单位表…" : "正在生成领导表…",
      (onProgress) =>
        actions.buildUnitSheets(
          { by: splitBy, ...trackingChoice(checkDate, dueSoonDays) },
          onProgress
        )
    );
    if (!built.ok) return;
    // Rows of the unit sheets may have moved: earlier conflicts no longer point at the right cells.
    settleConflicts([], []);
    announce(built.value.summary);
  }, [actions, announce, checkDate, dueSoonDays, run, settleConflicts, splitBy]);

  const backfill = useCallback(async () => {
    const done = await run("正在回收单位表进展…", (onProgress) => actions.backfill(onProgress));
    if (!done.ok) return;
    settleConflicts(done.value.conflicts, done.value.problems);
    announce(done.value.summary);
  }, [actions, announce, run, settleConflicts]);

  const choose = useCallback((key: string, option: number) => {
    setChoices((current) => ({ ...current, [key]: option }));
  }, []);

  const applyChoices = useCallback(async () => {
    const picked = conflicts.flatMap((conflict) => {
      const option = conflictOptions(conflict)[choices[conflictKey(conflict)] ?? -1];
      return option ? [{ conflict, value: option.value }] : [];
    });
    if (picked.length === 0) return;
    const done = await run("正在写入所选…", (onProgress) =>
      actions.resolveConflicts(picked, onProgress)
    );
    if (!done.ok) return;
    const left = conflicts.filter((c) => !picked.some((p) => p.conflict === c));
    settleConflicts(left, backfillProblems);
    announce(
      `已按所选处理 ${done.value.resolved} 处冲突` +
        (left.length > 0 ? `，还有 ${left.length} 处待选择。` : "。")
    );
  }, [actions, announce, backfillProblems, choices, conflicts, run, settleConflicts]);

  const summarize = useCallback(async () => {
    const done = await run("正在汇总…", (onProgress) =>
      actions.summarize({ checkDate, dueSoonDays }, onProgress)
    );
    if (!done.ok) return;
    setSummary(done.value);
    setCopied(null);
    announce(`汇总完成，已写入「${done.value.sheet}」工作表。`);
  }, [actions, announce, checkDate, dueSoonDays, run]);

  const copy = useCallback(
    async (kind: CopyKind) => {
      if (!summary) return;
      const { text, html } = summary.summary;
      setCopied(null);
      // Called at once, inside the click: browsers let a page write the clipboard only then.
      const done = await attempt(() => (kind === "text" ? copyText(text) : copyHtml(html, text)));
      if (done.ok) setCopied(kind);
    },
    [attempt, summary]
  );

  return {
    splitBy,
    setSplitBy,
    dueSoonDays,
    setDueSoonDays,
    buildUnitSheets,
    backfill,
    conflicts,
    backfillProblems,
    choices,
    choose,
    applyChoices,
    summary,
    summarize,
    copied,
    copy,
    forgetResults,
  };
}
