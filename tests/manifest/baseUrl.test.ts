import { checkBaseUrl, DEV_BASE_URL, rewriteManifestUrls } from "../../src/manifest/baseUrl";

test("rewriteManifestUrls replaces every development URL and nothing else", () => {
  const xml = `<a x="${DEV_BASE_URL}taskpane.html"/><b y="${DEV_BASE_URL}assets/icon-16.png"/><c z="https://localhost:3001/"/>`;
  expect(rewriteManifestUrls(xml, "https://oa.example.cn/duban/")).toBe(
    '<a x="https://oa.example.cn/duban/taskpane.html"/><b y="https://oa.example.cn/duban/assets/icon-16.png"/><c z="https://localhost:3001/"/>'
  );
});

test.each([
  ["http://oa.example.cn/duban/", "必须以 https:// 开头"],
  ["https://oa.example.cn/duban", "必须以 / 结尾"],
  ["https://oa.example.cn/duban/?v=2/", "不能包含查询参数"],
  ["https://oa.example.cn/a&b/", "不能包含查询参数"],
  ["oa.example.cn/duban/", "不是有效的网址"],
])("checkBaseUrl refuses %s", (url, reason) => {
  expect(() => checkBaseUrl(url)).toThrow(reason);
  expect(() => rewriteManifestUrls("<a/>", url)).toThrow(reason);
});

test("checkBaseUrl accepts an https folder URL", () => {
  expect(checkBaseUrl("https://oa.example.cn/duban/")).toBe("https://oa.example.cn/duban/");
});
