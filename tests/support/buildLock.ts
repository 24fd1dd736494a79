import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "fs";
import { join } from "path";

/** The newest modification time under `path` (0 when it does not exist). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs
  );
}

/** A lock older than this was left by a run that died; it is taken over. */
const STALE_LOCK_MS = 20 * 60_000;

/**
 * Runs `build` holding the lock `name` in `root`: two test files in two Jest workers that need
 * the same build must not both write it (webpack empties its output folder, and the other
 * reads half-written bundles). `isFresh` is asked again once the lock is held, so the second
 * file uses what the first built.
 */
export async function buildOnce<T>(
  root: string,
  name: string,
  isFresh: () => boolean,
  build: () => Promise<T> | T
): Promise<T | null> {
  const lock = join(root, `.${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return isFresh() ? null : await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
