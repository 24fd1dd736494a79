import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { ROOT } from "./cli";
import { programIdentity, throughCache } from "./conversionCache";

/** The first of these on PATH, or null. */
function which(command: string): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** Why a rendering test cannot run here (null when it can): LibreOffice and poppler-utils. */
export function renderingUnavailable(): string | null {
  if (!which("soffice")) return "LibreOffice 未安装，跳过";
  if (!which("pdftotext")) return "poppler-utils（pdftotext）未安装，跳过";
  return null;
}

/**
 * `describe` for tests that print through LibreOffice and read the PDF back: where soffice or
 * pdftotext is missing, skipped with the reason in its name ("LibreOffice 未安装，跳过：…").
 */
export function describeIfRendering(title: string, body: () => void): void {
  const unavailable = renderingUnavailable();
  if (unavailable) describe.skip(`${unavailable}：${title}`, body);
  else describe(title, body);
}

/** The fontconfig aliases CI installs (.ci/fonts) for 宋体 and 黑体, after the system's fonts. */
const FONTS_CONF = join(ROOT, ".ci", "fonts", "duban-fonts.conf");

/**
 * Prints `file` (an .xlsx) to PDF with LibreOffice as a user's machine would: headless, in a
 * private profile (so a running LibreOffice or another test does not interfere), with the
 * fontconfig aliases CI installs (.ci/fonts) for 宋体 and 黑体. Returns the PDF's path. A print of
 * the same content by the same LibreOffice with the same aliases is taken from the cache.
 */
export async function printToPdf(file: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "duban-pdf-"));
  const pdf = join(dir, basename(file).replace(/\.xlsx$/i, ".pdf"));
  const program = which("soffice")!;
  const aliases = existsSync(FONTS_CONF) ? readFileSync(FONTS_CONF, "utf8") : "";
  const recipe = `${programIdentity(program)}\npdf\n${aliases}`;
  await throughCache([file], recipe, [pdf], () => {
    const fonts = join(dir, "fonts.conf");
    writeFileSync(
      fonts,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
        `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
        `<include ignore_missing="yes">${FONTS_CONF}</include>` +
        `</fontconfig>`
    );
    const run = spawnSync(
      program,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        file,
      ],
      { encoding: "utf8", env: { ...process.env, FONTCONFIG_FILE: fonts }, timeout: 360_000 }
    );
    if (run.status !== 0 || !existsSync(pdf))
      throw new Error(`soffice failed: ${run.stderr || run.error}`);
    return Promise.resolve();
  });
  return pdf;
}

/** One printed page: its text lines, and each word with its box (points). */
export interface PdfPage {
  lines: string[];
  words: { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[];
}

/** The pages of a PDF as pdftotext reads them (-bbox-layout). */
export function pdfPages(pdf: string): PdfPage[] {
  const out = spawnSync("pdftotext", ["-bbox-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout
    .split(/<page [^>]*>/)
    .slice(1)
    .map((page) => {
      // Top to bottom, left to right: pdftotext lists a page's blocks in its own order.
      const lines = [
        ...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g),
      ]
        .map((l) => ({
          x: Number(l[1]),
          y: Number(l[2]),
          text: [...l[3].matchAll(/>([^<]*)<\/word>/g)].map((w) => unescape(w[1])).join(""),
        }))
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((l) => l.text);
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
        ),
      ].map((w) => ({
        text: unescape(w[5]),
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
      }));
      return { lines, words };
    });
}

/** CJK ideographs: each is one em wide, so a run of them gives the printed font size. */
const IDEOGRAPHS = /^[\u4e00-\u9fff]{2,}$/;

/** Printed size of a page's text in points: the advance of each all-ideograph word. */
export function ideographSizes(page: PdfPage): number[] {
  return page.words
    .filter((w) => IDEOGRAPHS.test(w.text))
    .map((w) => (w.xMax - w.xMin) / [...w.text].length);
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
