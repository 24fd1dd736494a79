import { DOMParser } from "@xmldom/xmldom";
import { rewriteManifestUrls } from "../../src/manifest/baseUrl";
import { validateManifest, validateManifestXml } from "../../src/manifest/validate";
import { ASSETS, edited, lineOf, source } from "./fixtures";

const PRODUCTION_BASE = "https://duban.example.gov.cn/addin/";

describe("manifest.xml", () => {
  test("passes the XSD and the reference checks", async () => {
    await expect(validateManifest(source, { assetsDir: ASSETS })).resolves.toEqual({
      valid: true,
      errors: [],
    });
  });

  test("declares the Excel task pane, its ribbon buttons and ExcelApi 1.7", () => {
    const doc = new DOMParser().parseFromString(source, "text/xml");
    const text = (name: string) => doc.getElementsByTagName(name)[0]?.textContent;
    const attr = (name: string, attribute: string) =>
      Array.from(doc.getElementsByTagName(name)).map((e) => e.getAttribute(attribute));
    expect(text("DefaultLocale")).toBe("zh-CN");
    expect(attr("DisplayName", "DefaultValue")).toEqual(["督办助手"]);
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(attr("Host", "Name")).toContain("Workbook");
    expect(attr("Set", "Name")).toEqual(["ExcelApi"]);
    expect(attr("Set", "MinVersion")).toEqual(["1.7"]);
    expect(attr("OfficeTab", "id")).toEqual(["TabHome"]);
    expect(attr("bt:String", "DefaultValue")).toEqual(
      expect.arrayContaining(["打开督办助手", "校验"])
    );
    expect(text("TaskpaneId")).toBe("ButtonId1");
    expect(text("FunctionName")).toBe("validateWorkbook");
  });

  test("its 导入分解表 button opens the same pane at the import (a ribbon button shows no file dialog)", () => {
    const doc = new DOMParser().parseFromString(source, "text/xml");
    const byId = (tag: string, id: string) =>
      Array.from(doc.getElementsByTagName(tag)).find((e) => e.getAttribute("id") === id)!;
    const button = byId("Control", "Duban.ImportButton");
    const label = button.getElementsByTagName("Label")[0].getAttribute("resid")!;
    expect(byId("bt:String", label).getAttribute("DefaultValue")).toBe("导入分解表");
    const action = button.getElementsByTagName("Action")[0];
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    expect(action.getElementsByTagName("TaskpaneId")[0].textContent).toBe("ButtonId1");
    const url = action.getElementsByTagName("SourceLocation")[0].getAttribute("resid")!;
    expect(byId("bt:Url", url).getAttribute("DefaultValue")).toBe(
      "https://localhost:3000/taskpane.html?start=import"
    );
    const production = new DOMParser().parseFromString(
      rewriteManifestUrls(source, PRODUCTION_BASE),
      "text/xml"
    );
    const rewritten = Array.from(production.getElementsByTagName("bt:Url")).find(
      (e) => e.getAttribute("id") === url
    );
    expect(rewritten?.getAttribute("DefaultValue")).toBe(
      `${PRODUCTION_BASE}taskpane.html?start=import`
    );
  });
});

describe("the production manifest", () => {
  const production = rewriteManifestUrls(source, PRODUCTION_BASE);

  test("passes the XSD and the reference checks", async () => {
    await expect(validateManifest(production, { assetsDir: ASSETS })).resolves.toEqual({
      valid: true,
      errors: [],
    });
  });

  test("points every URL at the production base and none at localhost", () => {
    expect(production).not.toContain("localhost");
    const urls = production.match(/https?:\/\/[^"]+/g) ?? [];
    const ownUrls = urls.filter(
      (url) =>
        !url.startsWith("http://schemas.microsoft.com/") && !url.startsWith("http://www.w3.org/")
    );
    expect(ownUrls).toContain(`${PRODUCTION_BASE}taskpane.html`);
    expect(ownUrls).toContain(`${PRODUCTION_BASE}commands.html`);
    for (const url of ownUrls) expect(url.startsWith(PRODUCTION_BASE)).toBe(true);
  });
});

describe("a broken manifest", () => {
  test("without DefaultLocale fails the XSD at the element that follows", async () => {
    const broken = edited("<DefaultLocale>zh-CN</DefaultLocale>", "");
    const result = await validateManifestXml(broken);
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ kind: "schema", line: lineOf("<DisplayName") });
    expect(result.errors[0].message).toBe(
      "元素 DisplayName 不应出现在这里，此处应为 DefaultLocale。"
    );
    expect(result.errors[0].raw).toContain("Schemas validity error");
  });

  test("with a Permissions value Office does not know fails with the allowed values listed", async () => {
    const result = await validateManifestXml(
      edited("<Permissions>ReadWriteDocument<", "<Permissions>ReadWrite<")
    );
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message)).toEqual([
      "元素 Permissions 的值“ReadWrite”不在允许的取值（Restricted、ReadDocument、ReadAllDocument、WriteDocument、ReadWriteDocument）之中。",
    ]);
  });

  test("that is not well-formed XML fails, with xmllint's quote of the line", async () => {
    const result = await validateManifestXml(edited("</Hosts>", "</Host>"));
    expect(result.valid).toBe(false);
    expect(result.errors[0].message).toMatch(/^不是格式正确的 XML/);
    expect(result.errors[0].raw).toMatch(/parser error/);
  });

  test("is reported by validateManifest without running the reference checks", async () => {
    const result = await validateManifest(edited("<DefaultLocale>zh-CN</DefaultLocale>", ""), {
      assetsDir: ASSETS,
    });
    expect(result.valid).toBe(false);
    expect(result.errors.every((e) => e.kind === "schema")).toBe(true);
  });
});
