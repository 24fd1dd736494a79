import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import type { WorkbookPatchInput } from "../../src/core/patch/schema";
import { applyPatchToWorkbook, type XlsxPatchReport } from "../../src/xlsx/writePatch";
import { loadXlsx } from "../../src/xlsx/loadWorkbook";
import { writeXlsx } from "../../src/xlsx/saveWorkbook";

/** A fresh temporary directory for each test of the calling file, removed afterwards. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "duban-xlsx-"));
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error("the temporary directory exists only inside a test");
    return dir;
  };
}

/** Saves a workbook built with ExcelJS directly, as a hand-made file. */
export async function saveHandMade(workbook: ExcelJS.Workbook, path: string): Promise<string> {
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Applies the patch to the file `from` (or a new workbook), saves it as `out`, loads that back. */
export async function patchFile(
  patch: WorkbookPatchInput,
  out: string,
  from?: string
): Promise<{ report: XlsxPatchReport; workbook: ExcelJS.Workbook }> {
  const workbook = from ? await loadXlsx(from) : new ExcelJS.Workbook();
  const report = applyPatchToWorkbook(workbook, patch);
  await writeXlsx(workbook, out, { inputs: from ? [from] : [] });
  return { report, workbook: await loadXlsx(out) };
}

/** The fill colour a cell shows, "#RRGGBB", or null. */
export function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  return `#${fill.fgColor?.argb?.slice(-6) ?? ""}`;
}

/** The XML of each worksheet part of an .xlsx file, by sheet name, in tab order. */
export async function sheetXml(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = (entry: string) => zip.file(entry)!.async("string");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const sheets = [...(await text("xl/workbook.xml")).matchAll(/<sheet [^>]*>/g)].map(([tag]) => ({
    name: /name="([^"]+)"/.exec(tag)![1],
    id: /r:id="([^"]+)"/.exec(tag)![1],
  }));
  const xml = new Map<string, string>();
  for (const { name, id } of sheets)
    xml.set(name, await text(`xl/${target(id).replace(/^\/?xl\//, "")}`));
  return xml;
}

/** The error of class `type` that `work` throws or rejects with; fails if it succeeds. */
export async function errorOf<E extends Error>(
  type: abstract new (...args: never[]) => E,
  work: () => unknown
): Promise<E> {
  try {
    await work();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected ${type.name}, but nothing was thrown`);
}

/** An .xlsx's bytes made macro-enabled as Excel saves an .xlsm: its content type and a VBA part. */
export async function macroEnabled(xlsx: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    )
  );
  zip.file("xl/vbaProject.bin", Buffer.from("宏"));
  return zip.generateAsync({ type: "nodebuffer" });
}
