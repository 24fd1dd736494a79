/**
 * After webpack (npm run build:wps): lowers the bundles' syntax to ES2017 for WPS's embedded
 * Chromium, and writes what WPS installs the add-in from, as the wpsjs toolkit lays it out:
 *
 *   dist-wps/addin/            the add-in (ribbon.xml, index.html, main.js, taskpane.html, …)
 *   dist-wps/jsplugins.xml     online mode: WPS loads the add-in from DUBAN_WPS_BASE_URL
 *   dist-wps/publish.html      the installer page: 安装 / 卸载 through WPS's local service (installer.ts)
 *   dist-wps/jsaddons/         offline mode: publish.xml and duban_<version>/, to copy into
 *                              %APPDATA%\kingsoft\wps\jsaddons or ~/.local/share/Kingsoft/wps/jsaddons
 *
 * DUBAN_WPS_BASE_URL is the intranet address dist-wps/addin/ is served from (ending in /);
 * DUBAN_WPS_MULTI_USER=1 writes publish.html in the toolkit's multi-user form (installer.ts), for
 * computers several users are signed in to at once.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { transformSync } from "esbuild";
import { publishHtml } from "./installer";

/** What WPS's embedded Chromium is assumed to parse (see README, WPS 表格). */
export const WPS_SYNTAX_TARGET = "es2017";
export const ADDIN_NAME = "duban";
export const DEFAULT_WPS_BASE_URL = "http://127.0.0.1:8080/duban/";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function jspluginsXml(baseUrl: string, version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${escapeXml(baseUrl)}" version="${version}" enable="true"/>
</jsplugins>
`;
}

export function offlinePublishXml(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${version}" version="${version}" enable="enable_dev" install="null"/>
</jsplugins>
`;
}

export function publishWps(
  root: string,
  baseUrl: string,
  version: string,
  multiUser = false
): void {
  if (!/^https?:\/\/.+\/$/.test(baseUrl))
    throw new Error(`DUBAN_WPS_BASE_URL 须为以 / 结尾的 http(s) 地址，现为「${baseUrl}」`);
  const addin = join(root, "addin");
  for (const file of readdirSync(addin).filter((f) => f.endsWith(".js"))) {
    const path = join(addin, file);
    const { code } = transformSync(readFileSync(path, "utf8"), {
      target: WPS_SYNTAX_TARGET,
      format: "iife",
      minify: true,
      charset: "utf8",
      legalComments: "none",
    });
    writeFileSync(path, code);
  }
  writeFileSync(join(root, "jsplugins.xml"), jspluginsXml(baseUrl, version));
  writeFileSync(join(root, "publish.html"), publishHtml(ADDIN_NAME, baseUrl, version, multiUser));
  const offline = join(root, "jsaddons");
  rmSync(offline, { recursive: true, force: true });
  mkdirSync(offline, { recursive: true });
  cpSync(addin, join(offline, `${ADDIN_NAME}_${version}`), { recursive: true });
  writeFileSync(join(offline, "publish.xml"), offlinePublishXml(version));
}

/**
 * DUBAN_WPS_MULTI_USER: "1" for the installer's multi-user form, unset or "" (or "0") for the
 * single-user one; anything else is refused, so that a mistyped setting is not built silently.
 */
export function multiUserSetting(value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "0") return false;
  if (value === "1") return true;
  throw new Error(`DUBAN_WPS_MULTI_USER 须为 1（多用户）或不设（单用户），现为「${value}」`);
}

if (require.main === module) {
  const root = resolve(__dirname, "..", "..", "..", "dist-wps");
  const { version } = JSON.parse(
    readFileSync(resolve(__dirname, "..", "..", "..", "package.json"), "utf8")
  ) as {
    version: string;
  };
  const baseUrl = process.env.DUBAN_WPS_BASE_URL || DEFAULT_WPS_BASE_URL;
  const multiUser = multiUserSetting(process.env.DUBAN_WPS_MULTI_USER);
  publishWps(root, baseUrl, version, multiUser);
  console.log(
    `WPS 加载项已写入 ${root}（在线地址 ${baseUrl}${multiUser ? "，publish.html 为多用户模式" : ""}）`
  );
}
