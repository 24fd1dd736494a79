import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import { readFile } from "fs/promises";
import { delimiter, dirname, join } from "path";
import { pipeline } from "stream/promises";
import { Readable } from "stream";
import { brotliDecompressSync } from "zlib";

/** A Chromium-based browser playwright-core can drive, and what its process needs. */
export interface FoundBrowser {
  executablePath: string;
  /** Where it came from, for the failure message and the timings report. */
  source: string;
  /** Extra environment for the browser process (the bundled build's own shared libraries). */
  env: Record<string, string>;
}

/** Names of Chromium, Chrome and Edge on PATH, as their packages install them. */
const ON_PATH = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "microsoft-edge",
  "microsoft-edge-stable",
];

/**
 * Where a system browser usually is, in order of preference: PATH on Linux, the installers'
 * folders on Windows and macOS. `env` gives PATH and the Windows program folders.
 */
export function systemBrowserCandidates(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv
): string[] {
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(
      (r): r is string => Boolean(r)
    );
    return roots.flatMap((root) => [
      join(root, "Google", "Chrome", "Application", "chrome.exe"),
      join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
      join(root, "Chromium", "Application", "chrome.exe"),
    ]);
  }
  if (platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  return ON_PATH.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

/** The @sparticuz/chromium package: a headless Chromium for Linux x64 inside the npm tarball. */
function bundledPackage(): { bin: string; version: string } | null {
  let main: string;
  try {
    main = require.resolve("@sparticuz/chromium");
  } catch {
    return null;
  }
  // Its exports hide package.json from require: the package root is two folders above build/cjs.
  const root = join(dirname(main), "..", "..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
  };
  return { bin: join(root, "bin"), version };
}

/**
 * A fontconfig file for the bundled Chromium: the system's fonts where there are any, and the
 * package's own (Open Sans). With no font at all its renderer crashes, on a machine without
 * fonts; the package's fonts.conf names Lambda's folders, so this one is written instead.
 */
function fontsConf(dir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    "<fontconfig>",
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${join(dir, "fonts")}</dir>`,
    `  <cachedir>${join(dir, "fonts-cache")}</cachedir>`,
    "</fontconfig>",
    "",
  ].join("\n");
}

/**
 * Unpacks the bundled Chromium once into node_modules/.cache (brotli-compressed in the package):
 * the binary, the NSS libraries it links (from the package's al2023 archive) and its fonts, so
 * it needs nothing from the system but the C library. A half-written copy is never used: it is
 * unpacked beside and renamed into place, so parallel test files can race safely.
 */
async function unpackBundled(bin: string, version: string): Promise<FoundBrowser> {
  const cache = join(dirname(require.resolve("playwright-core/package.json")), "..", ".cache");
  const dir = join(cache, `duban-chromium-${version}`);
  const found = {
    executablePath: join(dir, "chromium"),
    source: `@sparticuz/chromium ${version}`,
    env: { LD_LIBRARY_PATH: join(dir, "lib"), FONTCONFIG_FILE: join(dir, "fonts.conf") },
  };
  // fonts.conf is written last: a folder without it is an older or broken unpacking.
  if (existsSync(found.env.FONTCONFIG_FILE)) return found;
  rmSync(dir, { recursive: true, force: true });
  const partial = `${dir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(
    join(partial, "chromium"),
    brotliDecompressSync(await readFile(join(bin, "chromium.br"))),
    {
      mode: 0o755,
    }
  );
  // lib/libnss3.so and its companions (built for Amazon Linux 2023, glibc 2.34); fonts/Open_Sans.
  const { extract } = require("tar-fs") as { extract(dir: string): NodeJS.WritableStream };
  for (const archive of ["al2023.tar.br", "fonts.tar.br"]) {
    const tar = brotliDecompressSync(await readFile(join(bin, archive)));
    await pipeline(Readable.from([tar]), extract(partial));
  }
  writeFileSync(join(partial, "fonts.conf"), fontsConf(dir));
  try {
    renameSync(partial, dir);
  } catch (error) {
    // Another test process got there first; its copy is complete.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(found.env.FONTCONFIG_FILE)) throw error;
  }
  return found;
}

/**
 * The browser for the end-to-end tests. DUBAN_BROWSER names one explicitly; otherwise the
 * Chromium shipped in the npm registry's @sparticuz/chromium where it runs (Linux x64), so every
 * such machine tests the same build with nothing installed; elsewhere a system Chromium, Chrome
 * or Edge.
 */
export async function findBrowser(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env
): Promise<FoundBrowser> {
  if (env.DUBAN_BROWSER) {
    if (!existsSync(env.DUBAN_BROWSER))
      throw new Error(`找不到 DUBAN_BROWSER 指定的浏览器：${env.DUBAN_BROWSER}`);
    return { executablePath: env.DUBAN_BROWSER, source: "DUBAN_BROWSER", env: {} };
  }
  const bundled = bundledPackage();
  if (bundled && platform === "linux" && process.arch === "x64") {
    return unpackBundled(bundled.bin, bundled.version);
  }
  const candidates = systemBrowserCandidates(platform, env);
  const system = candidates.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: "system", env: {} };
  throw new Error(
    `找不到可用的浏览器：本机不是 Linux x64（无法使用 @sparticuz/chromium），也没有安装 Chrome、Edge 或 Chromium。` +
      `请安装其中之一，或用 DUBAN_BROWSER 指定浏览器程序。已查找：${candidates.join("、")}`
  );
}
