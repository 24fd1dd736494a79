import { copyFileSync, linkSync, readFileSync, readdirSync, symlinkSync } from "fs";
import { basename, dirname, join } from "path";
import { duban } from "../support/cli";
import { scratchDir } from "../support/scratchDir";
import { MINXIN_FILE, SEED_DIR } from "../support/seeds";

/**
 * Issue 18, finding 1: `check 分解表.txt -o 分解表.txt --force` replaced the text input with
 * xlsx bytes. Whatever the input's format, whatever the flags, and however the output path
 * reaches the input, the input stays as it was.
 */

// The real CLI and large workbooks: slow on a loaded machine.
jest.setTimeout(240_000);

const dir = scratchDir("duban-input-");
const text = join(dir, "分解表.txt");
copyFileSync(join(SEED_DIR, MINXIN_FILE), text);
const workbook = join(dir, "分解表.xlsx");
const made = duban("check", text, "--date", "2022-09-30", "-o", workbook);

/** Every way of naming `input` as the output. */
function aliases(input: string): Array<[string, string]> {
  const link = join(dir, `链接-${basename(input)}`);
  symlinkSync(input, link);
  const hard = join(dir, `硬链接-${basename(input)}`);
  linkSync(input, hard);
  const upper = join(
    dirname(input),
    basename(input).replace(/\.(\w+)$/, (e) => e.toUpperCase())
  );
  return [
    ["the same path", input],
    ["the same path spelt another way", join(dir, "..", basename(dir), ".", basename(input))],
    ["a symbolic link to it", link],
    ["a hard link to it", hard],
    ["a spelling that differs only in case", upper],
  ];
}

describe.each([
  [".txt", text],
  [".xlsx", workbook],
])("a %s input is never written", (_, input) => {
  test.each(aliases(input))(
    "output at %s, with --force: refused, input unchanged",
    (__, output) => {
      expect(made.status).toBe(0);
      const before = readFileSync(input);
      const files = readdirSync(dir).sort();
      const run = duban("check", input, "--date", "2022-09-30", "-o", output, "--force");
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("就是输入文件");
      expect(run.stderr).toContain(input);
      expect(readFileSync(input).equals(before)).toBe(true);
      // Nothing new appears beside it, not even a temporary file.
      expect(readdirSync(dir).sort()).toEqual(files);
    }
  );
});
