import { execFileSync } from "child_process";
import { existsSync, statSync } from "fs";
import { join } from "path";
import { buildOnce, newestMtime } from "./buildLock";

/** What dist-wps/ is made from: a change to any of these makes it stale. */
const SOURCES = ["src", "seeds", "webpack.config.js", "package.json"];

function isFresh(root: string): boolean {
  const built = join(root, "dist-wps", "jsplugins.xml");
  return (
    existsSync(built) && SOURCES.every((s) => newestMtime(join(root, s)) <= statSync(built).mtimeMs)
  );
}

/**
 * Makes dist-wps/ hold `npm run build:wps` of the current sources. The build takes minutes on a
 * loaded machine, so it runs only when dist-wps/ is missing or older than its sources, and once
 * for the test files that need it. Says whether it built.
 */
export async function ensureWpsBuild(root: string): Promise<boolean> {
  if (isFresh(root)) return false;
  const built = await buildOnce(
    root,
    "dist-wps-build",
    () => isFresh(root),
    () => {
      execFileSync("npm", ["run", "build:wps"], { cwd: root, stdio: "inherit" });
      return true;
    }
  );
  return built ?? false;
}
