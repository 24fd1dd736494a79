import { useCallback, useRef, useState } from "react";
import type { ProgressListener } from "./actions";
import { toPaneError, type PaneError } from "./paneError";

/** Long work under way: what it is, the step the workflow last reported, and how far (0–1, null when unknown). */
export interface Busy {
  label: string;
  step: string;
  fraction: number | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false };

export interface WorkbookTask {
  busy: Busy | null;
  error: PaneError | null;
  /** The last thing that went well, as a Chinese sentence ("已导入 4 张表…"). */
  notice: string | null;
  /** Runs long work: one at a time, with progress, any failure turned into `error`. */
  run<T>(label: string, work: (onProgress: ProgressListener) => Promise<T>): Promise<Outcome<T>>;
  /** Runs quick work (selecting a cell, reading the header) without progress; failures still show. */
  attempt<T>(work: () => Promise<T>): Promise<Outcome<T>>;
  announce(notice: string): void;
  dismissError(): void;
}

function fractionOf(value: number): number | null {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : null;
}

/** The busy / progress / error state machine shared by every button of the pane. */
export function useWorkbookTask(): WorkbookTask {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // State updates arrive a render late; a ref stops a double click from starting the work twice.
  const running = useRef(false);

  const run = useCallback(async function run<T>(
    label: string,
    work: (onProgress: ProgressListener) => Promise<T>
  ): Promise<Outcome<T>> {
    if (running.current) return { ok: false };
    running.current = true;
    setError(null);
    setNotice(null);
    setBusy({ label, step: label, fraction: null });
    try {
      const value = await work((step, fraction) =>
        setBusy({ label, step, fraction: fractionOf(fraction) })
      );
      return { ok: true, value };
    } catch (e) {
      setError(toPaneError(e));
      return { ok: false };
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const attempt = useCallback(async function attempt<T>(
    work: () => Promise<T>
  ): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (e) {
      setError(toPaneError(e));
      return { ok: false };
    }
  }, []);

  const dismissError = useCallback(() => setError(null), []);

  return { busy, error, notice, run, attempt, announce: setNotice, dismissError };
}
