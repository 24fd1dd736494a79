import { useCallback, useEffect, useState } from "react";
import { FIELD_LABEL } from "../core/table/labels";
import type { ColumnChoice, Fix, ValidateOutcome, WorkbookActions, WorkbookInfo } from "./actions";
import { bytesOf } from "./files/bytes";
import { isIsoDate, todayIso } from "./format";
import { useConfirm, type Confirm } from "./useConfirm";
import { trackingChoice, useTrackingFlows, type TrackingFlows } from "./useTrackingFlows";
import { useWorkbookTask, type WorkbookTask } from "./useWorkbookTask";

export interface TaskPane {
  task: WorkbookTask;
  confirm: Confirm;
  /** null until describeWorkbook answers. */
  info: WorkbookInfo | null;
  checkDate: string;
  setCheckDate(date: string): void;
  checkDateValid: boolean;
  /** The last 校验, until 导入 replaces the sheets it was made on. */
  outcome: ValidateOutcome | null;
  /** Counts 校验 runs: a key that makes per-result UI state (ticked fixes) start over. */
  outcomeSerial: number;
  importSeeds(): Promise<void>;
  /** 导入分解表: the tables of a text file or workbook the user picked. */
  importFile(file: File): Promise<void>;
  /** What the last 导入分解表 could not read, per file, table and row; [] when all was read. */
  importProblems: string[];
  validate(): Promise<void>;
  clearMarks(): Promise<void>;
  /** 生成名册: the 名册 sheet to edit. */
  generateRoster(): Promise<void>;
  applyFixes(fixes: Fix[]): Promise<void>;
  /** 列对照: keeps the choice with the workbook, then checks again with it. */
  setColumnMeaning(choice: ColumnChoice): Promise<void>;
  selectCell(address: string): Promise<void>;
  /** 生成单位表, 回填 and 汇总. */
  tracking: TrackingFlows;
}

/** The pane's flows: what each button does, in which order, and what the user is asked. */
export function useTaskPane(actions: WorkbookActions): TaskPane {
  const task = useWorkbookTask();
  const confirm = useConfirm();
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [checkDate, setCheckDate] = useState(todayIso);
  const [outcome, setOutcomeState] = useState<ValidateOutcome | null>(null);
  const [outcomeSerial, setOutcomeSerial] = useState(0);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const { run, attempt, announce } = task;
  const { ask } = confirm;
  const tracking = useTrackingFlows(actions, task, checkDate);
  const { forgetResults, dueSoonDays } = tracking;
  const checkDateValid = isIsoDate(checkDate);

  const setOutcome = useCallback((next: ValidateOutcome | null) => {
    setOutcomeState(next);
    setOutcomeSerial((n) => n + 1);
  }, []);

  const describe = useCallback(async () => {
    const described = await attempt(() => actions.describeWorkbook());
    if (described.ok) setInfo(described.value);
  }, [actions, attempt]);

  useEffect(() => {
    void describe();
  }, [describe]);

  /** 导入 of the seeds (no file) or of a picked text file: asks before replacing sheets. */
  const importTables = useCallback(
    async (picked?: File) => {
      setImportProblems([]);
      const existing = await run(
        picked ? `正在读取「${picked.name}」…` : "正在检查已有工作表…",
        async () => {
          const file = picked && { name: picked.name, bytes: await bytesOf(picked) };
          return { file, names: await actions.existingImportSheets(file) };
        }
      );
      if (!existing.ok) return;
      const { file, names } = existing.value;
      if (names.length > 0) {
        const replace = await ask({
          title: "替换已有工作表？",
          body: `以下工作表已存在，将被替换：${names.join("、")}（其他工作表不受影响）`,
          confirmLabel: "替换",
        });
        if (!replace) return;
      }
      // An unfinished date is left out: the tracking columns are then judged on today.
      const tracking = checkDateValid ? trackingChoice(checkDate, dueSoonDays) : undefined;
      const imported = await run(
        file ? `正在导入「${file.name}」…` : "正在导入示例表…",
        (onProgress) =>
          file
            ? actions.importFile(file, onProgress, tracking)
            : actions.importSeeds(onProgress, tracking)
      );
      if (!imported.ok) return;
      setImportProblems(imported.value.problems ?? []);
      setOutcome(null);
      forgetResults();
      announce(imported.value.summary);
      await describe();
    },
    [
      actions,
      announce,
      ask,
      checkDate,
      checkDateValid,
      describe,
      dueSoonDays,
      forgetResults,
      run,
      setOutcome,
    ]
  );
  const importSeeds = useCallback(() => importTables(), [importTables]);
  const importFile = useCallback((file: File) => importTables(file), [importTables]);

  const validate = useCallback(async () => {
    const validated = await run("正在校验…", (onProgress) =>
      actions.validate({ checkDate }, onProgress)
    );
    if (validated.ok) setOutcome(validated.value);
  }, [actions, checkDate, run, setOutcome]);

  const clearMarks = useCallback(async () => {
    const cleared = await run("正在清除标记…", (onProgress) => actions.clearMarks(onProgress));
    if (cleared.ok) announce(`已清除 ${cleared.value.cleared} 处标记。`);
  }, [actions, announce, run]);

  const generateRoster = useCallback(async () => {
    const made = await run("正在生成名册…", (onProgress) => actions.generateRoster(onProgress));
    if (made.ok) announce(made.value.summary);
  }, [actions, announce, run]);

  const applyFixes = useCallback(
    async (fixes: Fix[]) => {
      if (!outcome || fixes.length === 0) return;
      const go = await ask({
        title: "应用所选修正？",
        body: `将修改 ${fixes.length} 个单元格，完成后自动重新校验。`,
        confirmLabel: "应用",
      });
      if (!go) return;
      // Re-checked on the date the shown results were made for, so the two lists compare.
      const date = outcome.checkDate;
      const done = await run("正在应用修正…", async (onProgress) => {
        const { applied } = await actions.applyFixes(fixes, onProgress);
        const revalidated = await actions.validate({ checkDate: date }, onProgress);
        return { applied, revalidated };
      });
      if (!done.ok) return;
      setOutcome(done.value.revalidated);
      announce(`已应用 ${done.value.applied} 项修正，并已重新校验。`);
    },
    [actions, announce, ask, outcome, run, setOutcome]
  );

  const setColumnMeaning = useCallback(
    async (choice: ColumnChoice) => {
      if (!outcome) return;
      // Re-checked on the date the shown results were made for, as after a fix.
      const date = outcome.checkDate;
      const done = await run("正在保存列对照…", async (onProgress) => {
        await actions.setColumnMeaning(choice, onProgress);
        return actions.validate({ checkDate: date }, onProgress);
      });
      if (!done.ok) return;
      setOutcome(done.value);
      const as =
        choice.meaning === null
          ? "按表头识别"
          : choice.meaning === "unused"
            ? "不读取"
            : `读作“${FIELD_LABEL[choice.meaning]}”`;
      announce(`已保存列对照：「${choice.sheet}」的「${choice.title}」${as}，并已重新校验。`);
    },
    [actions, announce, outcome, run, setOutcome]
  );

  const selectCell = useCallback(
    async (address: string) => {
      await attempt(() => actions.selectCell(address));
    },
    [actions, attempt]
  );

  return {
    task,
    confirm,
    info,
    checkDate,
    setCheckDate,
    checkDateValid,
    outcome,
    outcomeSerial,
    importSeeds,
    importFile,
    importProblems,
    validate,
    clearMarks,
    generateRoster,
    applyFixes,
    setColumnMeaning,
    selectCell,
    tracking,
  };
}
