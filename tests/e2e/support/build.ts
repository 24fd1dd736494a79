import { spawn } from "child_process";
import { existsSync, readFileSync, statSync, utimesSync } from "fs";
import { join } from "path";
import { buildOnce, newestMtime } from "../../support/buildLock";
import { scriptSources } from "./paneHtml";

/** What the production bundle is made from: a change to any of these makes dist/ stale. */
const INPUTS = [
  "src",
  "seeds",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "tsconfig.json",
  "package-lock.json",
];

/** dist/taskpane.html and every script it loads from dist/, or null when one is missing. */
function builtPane(dist: string): string | null {
  const html = join(dist, "taskpane.html");
  if (!existsSync(html)) return null;
  const local = scriptSources(readFileSync(html, "utf8")).filter((src) => !/^[a-z]+:/i.test(src));
  return local.length > 0 && local.every((src) => existsSync(join(dist, src))) ? html : null;
}

function isFresh(root: string): boolean {
  const html = builtPane(join(root, "dist"));
  if (!html) return false;
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  return statSync(html).mtimeMs >= inputs;
}

/**
 * Makes dist/ hold a production build of the current sources, as `npm run build` does (CI has
 * just run it, so there this costs nothing); on a fresh clone or after an edit it builds once.
 * The CLI runs in a child process: webpack and its loaders stay out of Jest's module sandbox.
 */
export async function ensureProductionBuild(root: string): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (isFresh(root)) return { built: false, ms: 0 };
  const built = await buildOnce(
    root,
    "dist-build",
    () => isFresh(root),
    () => build(root, started)
  );
  return built ?? { built: false, ms: Date.now() - started };
}

async function build(root: string, started: number): Promise<{ built: boolean; ms: number }> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", "production"], { cwd: root });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  const html = builtPane(join(root, "dist"));
  if (code !== 0 || !html) {
    throw new Error(`构建任务窗格失败（npm run build）：\n${output.join("").slice(-4000)}`);
  }
  // webpack leaves an output file it would write unchanged as it was: after an edit that does not
  // change the pane (src/wps/addin, say) the page would stay older than the sources, and every
  // later run would build again. The page is dated to this build.
  const now = new Date();
  utimesSync(html, now, now);
  return { built: true, ms: Date.now() - started };
}
