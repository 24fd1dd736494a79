/**
 * npm run validate [-- more.xml …]: checks each manifest offline and exits 1 if any fails.
 * Icons are looked up in the assets/ folder beside each manifest.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ManifestValidation } from "./issue";
import { validateManifest } from "./validate";

function report(path: string, result: ManifestValidation): string {
  if (result.valid) return `${path}：清单校验通过`;
  const lines = [`${path}：清单校验未通过，共 ${result.errors.length} 处问题：`];
  for (const error of result.errors) {
    lines.push(`  ${error.line ? `第 ${error.line} 行：` : ""}${error.message}`);
    if (error.raw) lines.push(`    xmllint: ${error.raw.replace(/\n/g, "\n             ")}`);
  }
  return lines.join("\n");
}

async function validateFile(path: string): Promise<boolean> {
  let xml: string;
  try {
    xml = readFileSync(path, "utf8");
  } catch (error) {
    console.error(
      `${path}：无法读取文件（${error instanceof Error ? error.message : String(error)}）`
    );
    return false;
  }
  const result = await validateManifest(xml, {
    assetsDir: join(dirname(path), "assets"),
    fileName: path,
  });
  (result.valid ? console.log : console.error)(report(path, result));
  return result.valid;
}

async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    console.error("用法：tsx src/manifest/validateCli.ts <清单文件>...");
    return 1;
  }
  let allValid = true;
  for (const path of paths) allValid = (await validateFile(path)) && allValid;
  return allValid ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`清单校验无法完成：${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
);
