import { execFile } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, delimiter, extname, join } from "path";
import { pathToFileURL } from "url";
import { programIdentity, throughCache } from "./conversionCache";

/**
 * LibreOffice for tests that check our files with a program no one here wrote. It is optional:
 * where `soffice` is not found those tests are skipped, saying why (see describeIfSoffice).
 * CI installs it (.ci/system-packages.sh), so there they always run.
 */

/** Where soffice usually is: DUBAN_SOFFICE, PATH, then the Windows and macOS installers' folders. */
export function sofficeCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const names = platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const onPath = (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => names.map((name) => join(dir, name)));
  const installed =
    platform === "win32"
      ? [env.PROGRAMFILES, env["PROGRAMFILES(X86)"]]
          .filter((root): root is string => Boolean(root))
          .map((root) => join(root, "LibreOffice", "program", "soffice.exe"))
      : platform === "darwin"
        ? ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
        : [];
  return [...(env.DUBAN_SOFFICE ? [env.DUBAN_SOFFICE] : []), ...onPath, ...installed];
}

/** The soffice program of this machine, or null when LibreOffice is not installed. */
export function findSoffice(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env
): string | null {
  return sofficeCandidates(platform, env).find((path) => existsSync(path)) ?? null;
}

/** Why LibreOffice tests are skipped on this machine: part of each skipped test's name. */
export const SOFFICE_MISSING = "LibreOffice 未安装，跳过";

export interface Soffice {
  /**
   * Converts each file into `outDir` with `soffice --convert-to` (one start for them all) and
   * returns the paths written, in order. `target` is an extension, optionally with a filter
   * ("docx:MS Word 2007 XML"); `inputFilter` chooses how the inputs are opened.
   */
  convert(
    files: readonly string[],
    target: string,
    outDir: string,
    inputFilter?: string
  ): Promise<string[]>;
}

/**
 * Only a guard against a hung soffice: a first start (the profile is made then) takes tens of
 * seconds, and on a starved 2-core machine a conversion of 12 s CPU was seen to take 5 minutes.
 */
const CONVERT_TIMEOUT_MS = 1_200_000;

/**
 * One LibreOffice profile (-env:UserInstallation) per test file, made on first use and removed
 * after its tests: parallel test files, and a user's own LibreOffice, never share one.
 */
function sofficeWithProfile(program: string): Soffice & { dispose(): void } {
  let profile: string | null = null;
  const identity = programIdentity(program);
  return {
    async convert(files, target, outDir, inputFilter) {
      mkdirSync(outDir, { recursive: true });
      const extension = target.split(":")[0];
      const written = files.map((f) => join(outDir, `${basename(f, extname(f))}.${extension}`));
      const recipe = `${identity}\n${target}\n${inputFilter ?? ""}`;
      await throughCache(files, recipe, written, async (toConvert, outputs) => {
        profile ??= mkdtempSync(join(tmpdir(), "duban-soffice-"));
        const args = [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--headless",
          "--norestore",
          "--nolockcheck",
          ...(inputFilter ? [`--infilter=${inputFilter}`] : []),
          "--convert-to",
          target,
          "--outdir",
          outDir,
          ...toConvert,
        ];
        const output = await new Promise<string>((resolve, reject) => {
          execFile(program, args, { timeout: CONVERT_TIMEOUT_MS }, (error, stdout, stderr) =>
            error
              ? reject(
                  new Error(
                    `soffice 失败：${error.killed ? `${CONVERT_TIMEOUT_MS / 1000} 秒内未完成` : error.message}\n${stderr}`
                  )
                )
              : resolve(stdout + stderr)
          );
        });
        const missing = outputs.filter((w) => !existsSync(w));
        if (missing.length > 0) {
          throw new Error(`LibreOffice 没有写出 ${missing.join("、")}：\n${output}`);
        }
      });
      return written;
    },
    dispose() {
      if (profile) rmSync(profile, { recursive: true, force: true });
      profile = null;
    },
  };
}

/**
 * `describe` for tests that need LibreOffice. Where soffice is found the tests run with a
 * Soffice of their own; where not, they are reported as skipped with the reason in their name
 * ("LibreOffice 未安装，跳过 …"), and the summary line lists them: never passed without running.
 */
export function describeIfSoffice(title: string, body: (soffice: Soffice) => void): void {
  const program = findSoffice();
  if (!program) {
    const unavailable: Soffice = {
      convert: () => Promise.reject(new Error(SOFFICE_MISSING)),
    };
    describe.skip(`${SOFFICE_MISSING}：${title}`, () => body(unavailable));
    return;
  }
  describe(title, () => {
    const soffice = sofficeWithProfile(program);
    afterAll(() => soffice.dispose());
    body(soffice);
  });
}
