import { webLightTheme } from "@fluentui/react-theme";
import { dirname, join, normalize, sep } from "path";

/**
 * Noto Sans SC from the npm registry (@fontsource/noto-sans-sc), loaded by the test page only, so
 * screenshots show Chinese on a machine without CJK fonts. The production bundle never has it: in
 * Excel the pane uses the system's fonts.
 */
export const TEST_FONT = "Noto Sans SC";

/** Path under the page's origin the font files are answered at (never a file of dist/). */
const PREFIX = "__test-fonts/";
/** Regular for text, semibold for headings and buttons, bold for strong text. */
const WEIGHTS = [400, 600, 700];

const PACKAGE = dirname(require.resolve("@fontsource/noto-sans-sc/package.json"));

/**
 * What the test page adds to its <head>: the package's stylesheets (one @font-face per unicode
 * range, so only the subsets the page shows are fetched) and Fluent's font stack with the test
 * font before the generic family, so it fills in only where the system has no glyph.
 */
export function testFontHead(): string {
  const links = WEIGHTS.map((w) => `<link rel="stylesheet" href="${PREFIX}${w}.css">`);
  const base = webLightTheme.fontFamilyBase.replace(
    /,\s*sans-serif$/,
    `, '${TEST_FONT}', sans-serif`
  );
  const style = `<style>.fui-FluentProvider{--fontFamilyBase:${base} !important}body{font-family:${base}}</style>`;
  return [...links, style].join("");
}

/** The package file a request under the page's origin asks for, or null when it is not a font request. */
export function testFontFile(url: string, origin: string): string | null {
  if (!url.startsWith(`${origin}${PREFIX}`)) return null;
  const file = normalize(
    join(PACKAGE, decodeURIComponent(url.slice(origin.length + PREFIX.length)))
  );
  return file.startsWith(PACKAGE + sep) ? file : null;
}
