/**
 * dist-wps/publish.html: the page a user opens in a browser to install or remove the add-in in
 * WPS, as the wpsjs toolkit's `wpsjs publish` page does (wpsjs 2.2.3, src/lib/res/publish.html).
 * WPS runs a local HTTP service on 127.0.0.1:58890 (started on demand through the
 * ksoWPSCloudSvr:// protocol) which the page asks:
 *
 *   POST 127.0.0.1:58890/version                  body {"serverId": …} → the service's version
 *   POST 127.0.0.1:58890/publishlist              → JSON list of the add-ins WPS knows ({name,
 *                                                   addonType, url, enable: "true"/"false", …})
 *   POST localhost:58890/deployaddons/runParams   base64 of the UTF-8 JSON {cmd, name, url,
 *                                                   addonType, online}; cmd "enable" installs,
 *                                                   "disable" removes; answers "OK" (or empty)
 *
 * (the toolkit's page names the service by both host names, as here).
 *
 * Single-user form (the toolkit's default): no serverId; /version gets "{}", /publishlist no body.
 * Multi-user form (`wpsjs publish` answered 是 to 多用户, here DUBAN_WPS_MULTI_USER=1), for computers
 * where several users are signed in at once and share the one port 58890: each browser profile
 * keeps a serverId (a random id in localStorage "serverId") that names its user's WPS to the
 * service. It goes in /version's body and in the protocol link (…&serverId=…), and, when the
 * service is 1.0.2 or later, /publishlist gets {"serverId"} and runParams {"serverId", "data": the
 * base64}; an older service gets the single-user bodies. An answer {"data": "Subserver not
 * available."} (that user's WPS service not running) starts it once and asks again after 3 s.
 * The script is ES5 so that the page also runs in old browsers on office PCs.
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
export const WPS_START = "ksoWPSCloudSvr://start=RelayHttpServer";
/** The service version from which it takes the serverId bodies. */
export const MULTI_USER_SERVICE = "1.0.2";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The script: JSON of the entry and the mode are the only things put into it. */
const SCRIPT = `
var ADDON = __ADDON__;
var MULTI_USER = __MULTI_USER__;
var SERVICE = "${WPS_SERVICE}";
var DEPLOY = "${WPS_DEPLOY}";
var START = "${WPS_START}";
var tries = 0;
var restarted = false;
var serviceVersion = "";
var serverId = MULTI_USER ? userServerId() : undefined;

function $(id) { return document.getElementById(id); }
function show(text, kind) { var s = $("status"); s.textContent = text; s.className = kind || ""; }
function base64(text) { return window.btoa(unescape(encodeURIComponent(text))); }

function randomId() {
  var hex = "";
  for (var i = 0; i < 32; i++) hex += Math.floor(Math.random() * 16).toString(16);
  return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-4" + hex.slice(13, 16) + "-" +
    "89ab".charAt(Math.floor(Math.random() * 4)) + hex.slice(17, 20) + "-" + hex.slice(20);
}

/** One id per browser profile, that is per user, kept where the toolkit's page keeps it. */
function userServerId() {
  try {
    var id = window.localStorage.getItem("serverId");
    if (!id) { id = randomId(); window.localStorage.setItem("serverId", id); }
    return id;
  } catch (e) { return randomId(); }
}

function startService() {
  window.location.href = START + (serverId === undefined ? "" : "&serverId=" + serverId);
}

function atLeast(version, least) {
  var a = String(version).split("."), b = least.split(".");
  for (var i = 0; i < b.length; i++) {
    var x = parseInt(a[i], 10) || 0, y = parseInt(b[i], 10);
    if (x !== y) return x > y;
  }
  return true;
}

/** Whether requests carry the serverId: multi-user, and a service that takes it. */
function withServerId() { return serverId !== undefined && atLeast(serviceVersion, "${MULTI_USER_SERVICE}"); }

function answerData(text) {
  try { var data = JSON.parse(text); return data && typeof data.data === "string" ? data.data : text; }
  catch (e) { return text; }
}

/** POSTs to the local WPS service; on no answer starts it once and tries again. */
function post(url, body, done) {
  var xhr = new XMLHttpRequest();
  xhr.open("POST", url);
  xhr.timeout = 3000;
  xhr.onload = function () {
    if (xhr.status !== 200 && !restarted && answerData(xhr.responseText) === "Subserver not available.") {
      restarted = true;
      startService();
      show("正在启动 WPS 本地服务……");
      setTimeout(function () { post(url, body, done); }, 3000);
      return;
    }
    done(xhr.status, xhr.responseText);
  };
  xhr.onerror = xhr.ontimeout = function () {
    if (tries++ < 3) {
      if (tries === 1) startService();
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
  var body = withServerId() ? JSON.stringify({ serverId: serverId }) : undefined;
  post(SERVICE + "/publishlist", body, function (status, text) {
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
  var data = base64(JSON.stringify({ cmd: cmd, name: ADDON.name, url: ADDON.url, addonType: ADDON.addonType, online: ADDON.online }));
  var body = withServerId() ? JSON.stringify({ serverId: serverId, data: data }) : data;
  post(DEPLOY, body, function (status, text) {
    if (status === 200 && (text === "OK" || text === "")) {
      show(cmd === "enable" ? "安装成功，请重新打开 WPS 表格。" : "已卸载，请重新打开 WPS 表格。", "ok");
      refresh();
    } else {
      show((cmd === "enable" ? "安装失败：" : "卸载失败：") + (answerData(text) || "WPS 未响应"), "error");
      $("install").disabled = false;
    }
  });
}

window.onload = function () {
  $("install").onclick = function () { deploy("enable"); };
  $("uninstall").onclick = function () { deploy("disable"); };
  post(SERVICE + "/version", JSON.stringify({ serverId: serverId }), function (status, text) {
    if (status === 200) serviceVersion = text;
    refresh();
  });
};
`;

export function installerHtml(addon: AddonEntry, version: string, multiUser = false): string {
  // "<" is escaped so that no text of the entry can close the <script> element.
  const entry = JSON.stringify(addon).replace(/</g, "\\u003c");
  const script = SCRIPT.replace("__ADDON__", () => entry).replace(
    "__MULTI_USER__",
    String(multiUser)
  );
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
<script>${script}</script>
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

/**
 * The page for the add-in served from `baseUrl` (online mode: WPS loads ribbon.xml from there);
 * `multiUser`: the toolkit's multi-user form (see above).
 */
export function publishHtml(
  name: string,
  baseUrl: string,
  version: string,
  multiUser = false
): string {
  return installerHtml({ name, addonType: "et", online: "true", url: baseUrl }, version, multiUser);
}
