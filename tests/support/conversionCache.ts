import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync } from "fs";
import JSZip from "jszip";
import { dirname, join } from "path";

/**
 * LibreOffice's conversions of the files tests write, kept by content (build/ is git-ignored):
 * the same bytes converted the same way by the same LibreOffice give the same result, so a
 * conversion is made once — for the test files of a run that convert the same workbook (the
 * workbook `demo` writes is the one `check -o` writes) and for the runs after it while the
 * product writes those bytes. A conversion costs 2–15 s of CPU; a workbook's key, 0.1 s.
 */
const CACHE = join(__dirname, "..", "..", "build", "soffice-cache");

/**
 * The save times in an .xlsx's docProps/core.xml: the one thing that differs between two saves of
 * the same workbook (LibreOffice copies them into the converted file's properties, which no test
 * reads). Everything else, core.xml's other properties included, is part of the key.
 */
const SAVE_TIMES = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g;

async function contentKey(file: string): Promise<string> {
  const bytes = readFileSync(file);
  const hash = createHash("sha256");
  if (bytes.subarray(0, 4).toString("latin1") !== "PK\x03\x04")
    return hash.update(bytes).digest("hex");
  const zip = await JSZip.loadAsync(bytes);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const content = await entry.async("nodebuffer");
    hash.update(`${entry.name}\0`);
    hash.update(
      entry.name === "docProps/core.xml"
        ? content.toString("utf8").replace(SAVE_TIMES, "$1")
        : content
    );
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Which LibreOffice converts: its program file and the build it names (versionrc, version.ini). */
export function programIdentity(program: string): string {
  const real = realpathSync(program);
  const version = ["versionrc", "version.ini"]
    .map((name) => join(dirname(real), name))
    .find((path) => existsSync(path));
  return `${real}\n${version ? readFileSync(version, "utf8") : ""}`;
}

/**
 * Puts each file's conversion at `outputs[i]`: from the cache where this content was converted
 * by this `recipe` (program, target, filters, fonts) before, else by `convert` — called once, with
 * the files still to convert (each content once), which it must write to their outputs.
 */
export async function throughCache(
  files: readonly string[],
  recipe: string,
  outputs: readonly string[],
  convert: (files: readonly string[], outputs: readonly string[]) => Promise<void>
): Promise<void> {
  const keys = await Promise.all(
    files.map(async (f) =>
      createHash("sha256")
        .update(`${recipe}\0${await contentKey(f)}`)
        .digest("hex")
    )
  );
  const cached = (key: string) => join(CACHE, key);
  const missing = keys
    .map((_, i) => i)
    .filter((i) => !existsSync(cached(keys[i])) && keys.indexOf(keys[i]) === i);
  if (missing.length > 0) {
    await convert(
      missing.map((i) => files[i]),
      missing.map((i) => outputs[i])
    );
    mkdirSync(CACHE, { recursive: true });
    for (const i of missing) {
      // Copied aside and renamed: a test file reading the cache never gets half a file.
      const partial = `${cached(keys[i])}.${process.pid}.tmp`;
      copyFileSync(outputs[i], partial);
      renameSync(partial, cached(keys[i]));
    }
  }
  keys.forEach((key, i) => {
    if (!missing.includes(i)) copyFileSync(cached(key), outputs[i]);
  });
}
