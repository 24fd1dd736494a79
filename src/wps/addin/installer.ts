/**
 * dist-wps/publish.html: the page a user opens in a browser to install or remove the add-in in
 * WPS, as the wpsjs toolkit's `wpsjs publish` page does. WPS runs a local HTTP service on
 * 127.0.0.1:58890 (started on demand through the ksoWPSCloudSvr:// protocol) which the page asks:
 *
 *   POST 127.0.0.1:58890/version                  body "{}" → the service's version
 *   POST 127.0.0.1:58890/publishlist              → JSON list of the add-ins WPS knows ({name,
 *                                                   addonType, url, enable: "true"/"false", …})
 *   POST localhost:58890/deployaddons/runParams   body: base64 of the UTF-8 JSON {cmd, name, url,
 *                                                   addonType, online}; cmd "enable" installs,
 *                                                   "disable" removes; answers "OK" (or empty)
 *
 * (the toolkit's page names the service by both host names, as here).
 * This is the single-user form of that protocol (no serverId). The script is ES5 so that the
 * page also runs in old browsers on office PCs.
 */

/** How the local WPS service names our add-in (what /deployaddons/runParams is sent). */
export interface AddonEntry {
  name: string;
  addonType: "et";
  /** "true": WPS loads ribbon.xml and the pages from `url`; "false": a .7z package. */
  online: "true";
  url: string;
}

export const WPS_SERVICE = "http://127.0.0.1:58890";
export const WPS_DEPLOY = "http://localhost:58890/deployaddons/runParams";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The script: JSON of the entry is the only thing put into it, escaped for a <script> element. */
const SCRIPT = `
var ADDON = __ADDON__;
var SERVICE = "${WPS_SERVICE}";
var DEPLOY = "${WPS_DEPLOY}";
var tries = 0;

function $(id) { return document.getElementById(id); }
function show(text, kind) { var s = $("status"); s.textContent = text; s.className = kind || ""; }
function base64(text) { return window.btoa(unescape(encodeURIComponent(text))); }

/** POSTs to the local WPS service; on no answer starts it once and tries again. */
function post(url, body, done) {
  var xhr = new XMLHttpRequest();
  xhr.open("POST", url);
  xhr.timeout = 3000;
  xhr.onload = function () { done(xhr.status, xhr.responseText); };
  xhr.onerror = xhr.ontimeout = function () {
    if (tries++ < 3) {
      if (tries === 1) window.location.href = "ksoWPSCloudSvr://start=RelayHttpServer";
      show("正在启动 WPS 本地服务……");
      setTimeout(function () { post(url, body, done); }, 1500);
    } else {
      show("无法连接 WPS：请确认本机已安装 WPS Office，并允许浏览器打开 WPS，然后刷新本页。", "error");
    }
  };
  if (body === undefined) xhr.send(); else xhr.send(body);
}

function installed(list) {
  for (var i = 0; i < list.length; i++)
    if (list[i].name === ADDON.name && list[i].addonType === ADDON.addonType && list[i].enable !== "false")
      return true;
  return false;
}

function refresh() {
  post(SERVICE + "/publishlist", undefined, function (status, text) {
    var list = [];
    try { list = JSON.parse(text) || []; } catch (e) { list = []; }
    var on = status === 200 && installed(list);
    $("install").disabled = false;
    $("uninstall").disabled = !on;
    show(on ? "已安装：打开 WPS 表格即可在“督办助手”选项卡中使用。" : "尚未安装。", on ? "ok" : "");
  });
}

function deploy(cmd) {
  $("install").disabled = $("uninstall").disabled = true;
  var data = { cmd: cmd, name: ADDON.name, url: ADDON.url, addonType: ADDON.addonType, online: ADDON.online };
  post(DEPLOY, base64(JSON.stringify(data)), function (status, text) {
    if (status === 200 && (text === "OK" || text === "")) {
      show(cmd === "enable" ? "安装成功，请重新打开 WPS 表格。" : "已卸载，请重新打开 WPS 表格。", "ok");
      refresh();
    } else {
      show((cmd === "enable" ? "安装失败：" : "卸载失败：") + (text || "WPS 未响应"), "error");
      $("install").disabled = false;
    }
  });
}

window.onload = function () {
  $("install").onclick = function () { deploy("enable"); };
  $("uninstall").onclick = function () { deploy("disable"); };
  post(SERVICE + "/version", "{}", function () { refresh(); });
};
`;

export function installerHtml(addon: AddonEntry, version: string): string {
  // "<" is escaped so that no text of the entry can close the <script> element.
  const entry = JSON.stringify(addon).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<title>安装督办助手（WPS 表格加载项）</title>
<style>
  body { font-family: "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 32px; max-width: 720px; }
  button { font-size: 16px; padding: 6px 20px; margin-right: 12px; }
  #status { margin: 16px 0; min-height: 1.5em; }
  #status.ok { color: #107c10; } #status.error { color: #a4262c; }
  code { background: #f3f3f3; padding: 0 4px; }
</style>
<script>${SCRIPT.replace("__ADDON__", entry)}</script>
</head>
<body>
  <h1>督办助手 ${escapeHtml(version)}</h1>
  <p>WPS 表格加载项：导入责任分解表、校验、生成单位表、下发与回收。</p>
  <p>加载项地址：<code>${escapeHtml(addon.url)}</code></p>
  <p><button id="install" disabled>安装</button><button id="uninstall" disabled>卸载</button></p>
  <p id="status">正在连接本机的 WPS……</p>
  <p>安装前请先关闭 WPS 表格；浏览器询问是否打开 WPS Office 时请选择“允许”。
  无网络的电脑请改用 jsaddons 文件夹离线安装（见说明文档“WPS 表格”一节）。</p>
</body>
</html>
`;
}

/** The page for the add-in served from `baseUrl` (online mode: WPS loads ribbon.xml from there). */
export function publishHtml(name: string, baseUrl: string, version: string): string {
  return installerHtml({ name, addonType: "et", online: "true", url: baseUrl }, version);
}
