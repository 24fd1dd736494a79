import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * A new folder in the system's temporary folder (`/tmp/<prefix>XXXXXX`), removed with all it
 * holds once the tests around it are done. Call it where Jest takes hooks: a file's top level or
 * a describe block.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
