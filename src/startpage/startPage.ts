/**
 * The task pane's first script, built for ES5 (webpack.config.js) so that it runs in every
 * webview Office uses — Trident (Internet Explorer 11) in volume-licensed Office 2016/2019
 * included. It loads the pane's bundle (ES2020, React 18, Fluent UI v9) only where that can
 * run; elsewhere it says so in Chinese instead of leaving a blank pane, and points to the
 * ribbon's 校验 button, which is built for ES5 and runs there (src/commands).
 */

export const OLD_WEBVIEW_MESSAGE =
  "此版本 Office 的任务窗格使用旧版浏览器内核（Internet Explorer 或旧版 Edge），无法运行督办助手的窗格。" +
  "校验仍可使用：请点击“开始”选项卡督办助手组中的“校验”按钮，结果写入“校验结果”工作表，有问题的单元格会标色。" +
  "导入、生成单位表、汇总等其他功能请改用 Office 2021、Microsoft 365 或 Excel 网页版打开本工作簿；" +
  "也可以在电脑上用命令行 duban check 文件.xlsx -o 结果.xlsx 校验，结果可在任何版本的 Excel 中查看和清除。";

/** Whether this browser parses and runs what the pane's ES2020 bundle uses. */
export function canRunBundles(): boolean {
  var scope = window as unknown as Record<string, unknown>;
  var needed = ["Promise", "Map", "Set", "WeakMap", "Symbol", "Proxy", "Reflect"];
  for (var i = 0; i < needed.length; i++) {
    if (typeof scope[needed[i]] === "undefined") return false;
  }
  try {
    // Syntax of ES2020 the bundle contains, which Trident and EdgeHTML refuse to parse.
    new Function("var a = null; return a?.b ?? (async () => [...[1]])");
    return true;
  } catch {
    return false;
  }
}

/** Adds a <script> for `src` to the page. */
export function loadScript(src: string): void {
  var script = document.createElement("script");
  script.src = src;
  document.body.appendChild(script);
}

/** Loads the bundle named on the container, or shows why not. */
export function start(): void {
  var container = document.getElementById("container");
  if (!container) return;
  var bundle = container.getAttribute("data-bundle");
  if (bundle && canRunBundles()) {
    loadScript(bundle);
    return;
  }
  var message = document.createElement("p");
  message.style.cssText =
    "font: 14px/1.6 'Microsoft YaHei', sans-serif; margin: 16px; color: #242424;";
  message.appendChild(document.createTextNode(OLD_WEBVIEW_MESSAGE));
  container.appendChild(message);
}
