/**
 * Where the add-in's pages and icons are served from. manifest.xml is written for the dev-server;
 * a production build swaps that base for the deployment's (see webpack.config.js).
 */

/** The base every URL in the source manifest.xml starts with: the webpack dev-server. */
export const DEV_BASE_URL = "https://localhost:3000/";

/** Used by production builds when DUBAN_BASE_URL is not set; replace it with the real deployment. */
export const DEFAULT_PRODUCTION_BASE_URL = "https://duban.example.gov.cn/addin/";

/**
 * Returns baseUrl if Office can load an add-in from it: https (Office refuses plain http), ending in "/"
 * so that page names can be appended, without query or fragment, and free of characters that would
 * need escaping inside an XML attribute. Throws an Error with a Chinese message otherwise.
 */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`基础地址“${baseUrl}”不是有效的网址，应形如 ${DEFAULT_PRODUCTION_BASE_URL}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`基础地址“${baseUrl}”必须以 https:// 开头：Office 只从 https 地址加载加载项。`);
  }
  if (!baseUrl.endsWith("/")) {
    throw new Error(`基础地址“${baseUrl}”必须以 / 结尾，例如 ${DEFAULT_PRODUCTION_BASE_URL}`);
  }
  if (url.search || url.hash || /[&<>"']/.test(baseUrl)) {
    throw new Error(`基础地址“${baseUrl}”不能包含查询参数、# 片段或 & < > " ' 等字符。`);
  }
  return baseUrl;
}

/** The manifest with every development URL pointed at baseUrl instead. */
export function rewriteManifestUrls(xml: string, baseUrl: string): string {
  return xml.split(DEV_BASE_URL).join(checkBaseUrl(baseUrl));
}
