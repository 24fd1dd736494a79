import { execFileSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

/** What dist-wps/ is made from: a change to any of these makes it stale. */
const SOURCES = ["src", "seeds", "webpack.config.js", "package.json"];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/**
 * Makes dist-wps/ hold `npm run build:wps` of the current sources. The build takes minutes on a
 * loaded machine, so it runs only when dist-wps/ is missing or older than its sources. Says
 * whether it built.
 */
export function ensureWpsBuild(root: string): boolean {
  const built = join(root, "dist-wps", "jsplugins.xml");
  const stale =
    !existsSync(built) || SOURCES.some((s) => newest(join(root, s)) > statSync(built).mtimeMs);
  if (stale) execFileSync("npm", ["run", "build:wps"], { cwd: root, stdio: "inherit" });
  return stale;
}
