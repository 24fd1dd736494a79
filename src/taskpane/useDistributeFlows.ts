import { useCallback, useRef, useState } from "react";
import type { CollectReview, WorkbookActions } from "./actions";
import type { WorkbookTask } from "./useWorkbookTask";

/** The browser's file work (ExcelJS, JSZip), fetched as a chunk of its own on first use. */
const loadFiles = () => import(/* webpackChunkName: "files" */ "./files");

export interface DistributeFlows {
  /** 下发单位表: every unit's file, made one by one, offered as one .zip download. */
  distribute(): Promise<void>;
  /** 回收进展 with the files the user picked or dropped. */
  collect(files: readonly File[]): Promise<void>;
  /** Stops 下发 or 回收 between two files. */
  cancel(): void;
  /** Whether the work under way can be cancelled (it is going through files). */
  cancelable: boolean;
  /** The last 回收 waiting for the user's choices, or null. */
  pending: CollectReview | null;
  /** Per decision of `pending`, the option picked (0: keep the master). */
  choices: readonly number[];
  choose(decision: number, option: number): void;
  /** Writes the returns into the workbook with the options picked. */
  apply(): Promise<void>;
  /** Drops the pending 回收 without writing anything. */
  discard(): void;
}

/** What 回收情况 settled before this 回收, and what of it could not be taken. */
function recordedLine(result: CollectReview): string {
  const preset = result.recorded?.filter((n) => n !== null).length ?? 0;
  return [
    preset > 0 ? `其中 ${preset} 处已按「回收情况」中填写的处理预先选好。` : "",
    ...(result.recordedNotes ?? []),
  ].join("");
}

/** 下发 and 回收 (issue 16): the files go out as a .zip and come back picked or dropped. */
export function useDistributeFlows(
  actions: WorkbookActions,
  task: WorkbookTask,
  checkDate: string
): DistributeFlows {
  const { run, announce } = task;
  const controller = useRef<AbortController | null>(null);
  const [cancelable, setCancelable] = useState(false);
  const [pending, setPending] = useState<CollectReview | null>(null);
  const [choices, setChoices] = useState<number[]>([]);

  /** Runs file work that the 取消 button can stop; a cancel ends it quietly. */
  const withCancel = useCallback(
    async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | null> => {
      const abort = new AbortController();
      controller.current = abort;
      setCancelable(true);
      try {
        return await work(abort.signal);
      } catch (error) {
        if (abort.signal.aborted) return null;
        throw error;
      } finally {
        controller.current = null;
        setCancelable(false);
      }
    },
    []
  );

  const distribute = useCallback(async () => {
    const done = await run("正在下发单位表…", async (onProgress) => {
      const plan = await actions.splitPlan({ date: checkDate }, onProgress);
      onProgress("加载生成文件的组件…", 0);
      const files = await loadFiles();
      const zip = await withCancel((signal) =>
        files.unitFilesZip(
          plan,
          (n, total, name) => onProgress(`已生成 ${n}/${total}：${name}`, n / total),
          signal
        )
      );
      if (!zip) return null;
      files.download(zip, `下发单位表-${checkDate.replace(/-/g, "")}.zip`);
      return plan.length;
    });
    if (!done.ok) return;
    announce(
      done.value === null
        ? "已取消下发，没有生成文件。"
        : `已生成 ${done.value} 个单位的下发文件，打包为一个 .zip 下载。`
    );
  }, [actions, announce, checkDate, run, withCancel]);

  const collect = useCallback(
    async (picked: readonly File[]) => {
      if (picked.length === 0) return;
      const done = await run("正在回收进展…", async (onProgress) => {
        const files = await loadFiles();
        const read = await withCancel((signal) =>
          files.readReturnFiles(
            picked,
            (n, total, name) => onProgress(`已读取 ${n}/${total}：${name}`, n / total),
            signal
          )
        );
        if (!read) return null;
        const result = await actions.collectReturns(read, onProgress);
        if (result.decisions.length > 0) return { result, written: null };
        const written = await actions.applyCollect(result, [], { checkDate }, onProgress);
        return { result, written: written.summary };
      });
      if (!done.ok) return;
      if (done.value === null) {
        announce("已取消回收，总表没有改动。");
        return;
      }
      const { result, written } = done.value;
      setPending(written === null ? result : null);
      // A 处理 already chosen in 回收情况 for the identical conflict starts picked.
      setChoices(result.decisions.map((_, i) => result.recorded?.[i] ?? 0));
      announce(written ?? `${result.summary}${recordedLine(result)}请逐处选择后点“写入总表”。`);
    },
    [actions, announce, checkDate, run, withCancel]
  );

  const apply = useCallback(async () => {
    if (!pending) return;
    const done = await run("正在写入总表…", (onProgress) =>
      actions.applyCollect(pending, choices, { checkDate }, onProgress)
    );
    if (!done.ok) return;
    setPending(null);
    announce(done.value.summary);
  }, [actions, announce, checkDate, choices, pending, run]);

  const choose = useCallback((decision: number, option: number) => {
    setChoices((current) => current.map((c, i) => (i === decision ? option : c)));
  }, []);

  return {
    distribute,
    collect,
    cancel: () => controller.current?.abort(),
    cancelable,
    pending,
    choices,
    choose,
    apply,
    discard: () => setPending(null),
  };
}
