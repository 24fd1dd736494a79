import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";

export interface BundleSize {
  /** Where the files were read: a fresh production build, or dist/ as it stood. */
  source: "production build" | "dist/";
  /** The scripts taskpane.html loads from the add-in's own folder (Office.js comes from Microsoft's CDN). */
  files: string[];
  rawBytes: number;
  /** gzip at zlib's default level (6), as a web server typically sends it. */
  gzipBytes: number;
  buildMs: number | null;
}

const ROOT = join(__dirname, "..");

/** Local scripts a page loads: <script src=…> not starting with a scheme or //. */
function localScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)) {
    if (!/^(?:[a-z]+:)?\/\//i.test(m[1])) out.push(m[1]);
  }
  return out;
}

function measure(dir: string, source: BundleSize["source"], buildMs: number | null): BundleSize {
  const html = readFileSync(join(dir, "taskpane.html"), "utf8");
  const files = localScripts(html);
  const contents = files.map((f) => readFileSync(join(dir, f)));
  return {
    source,
    files,
    rawBytes: contents.reduce((n, c) => n + c.length, 0),
    gzipBytes: contents.reduce((n, c) => n + gzipSync(c).length, 0),
    buildMs,
  };
}

/**
 * The task pane's bundle size. By default a production build (webpack --mode production, as
 * npm run build) into a temporary folder, so dist/ — which others may be serving — is left alone
 * and the figure belongs to the code as it is now; with useDist, dist/ as it stands.
 */
export function bundleSize(useDist: boolean): BundleSize {
  if (useDist) {
    if (!existsSync(join(ROOT, "dist", "taskpane.html"))) {
      throw new Error("dist/taskpane.html is missing: run npm run build, or drop --dist");
    }
    return measure(join(ROOT, "dist"), "dist/", null);
  }
  const out = mkdtempSync(join(tmpdir(), "duban-bench-build-"));
  try {
    const start = performance.now();
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
        "--mode",
        "production",
        "--output-path",
        out,
      ],
      { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] }
    );
    return measure(out, "production build", performance.now() - start);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
