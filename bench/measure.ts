/**
 * Timing and memory for the bench. Compute is reported as CPU time of the process (user +
 * system, from process.cpuUsage) beside wall time: on a shared 2-core machine wall time also
 * counts the time spent waiting for a core, CPU time only what the code itself costs.
 */

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export function timed<T>(work: () => T): { value: T; time: Timing } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, time: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; time: Timing }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, time: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

export function sum(...times: Timing[]): Timing {
  return {
    wallMs: times.reduce((n, t) => n + t.wallMs, 0),
    cpuMs: times.reduce((n, t) => n + t.cpuMs, 0),
  };
}

/** The median run, by CPU time (the run is kept whole: its wall time goes with it). */
export function median(runs: readonly Timing[]): Timing {
  const sorted = [...runs].sort((a, b) => a.cpuMs - b.cpuMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const MB = 1024 * 1024;

/**
 * Heap and RSS sampled between compute steps. Nothing runs while a synchronous step runs, so
 * samples are taken right after each step with no forced GC in between: the garbage a step
 * leaves is still counted, which comes close to the step's peak from below. maxRssMb is the
 * kernel's high-water mark for the whole process (input generation included).
 */
export class MemorySampler {
  baseHeapMb = 0;
  peakHeapMb = 0;
  peakRssMb = 0;

  /** After a forced GC: the heap held by the input alone. */
  start(): void {
    (globalThis as { gc?: () => void }).gc?.();
    this.baseHeapMb = process.memoryUsage().heapUsed / MB;
    this.sample();
  }

  sample(): void {
    const m = process.memoryUsage();
    this.peakHeapMb = Math.max(this.peakHeapMb, m.heapUsed / MB);
    this.peakRssMb = Math.max(this.peakRssMb, m.rss / MB);
  }

  report(): { inputHeapMb: number; peakHeapMb: number; peakRssMb: number; maxRssMb: number } {
    return {
      inputHeapMb: this.baseHeapMb,
      peakHeapMb: this.peakHeapMb,
      peakRssMb: this.peakRssMb,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  }
}
