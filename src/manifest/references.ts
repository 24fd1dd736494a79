/**
 * What the XSD cannot check: that the manifest's URLs share one base, that every icon URL names a PNG
 * in assets/ of the size it is used at, that every resid names a resource of the right kind, and that an
 * ExecuteFunction button has a function file. Meant for a manifest the schema has already accepted.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ManifestIssue } from "./issue";
import { readPngSize } from "./pngSize";

const OFFICE_APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BASIC_TYPES_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const ELEMENT_NODE = 1;

/** Sizes Microsoft documents for a task-pane add-in's own icons; ribbon icons state theirs in size="…". */
const APP_ICON_SIZES: Readonly<Record<string, number>> = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** The resource list a resid points into, by the name of the element that holds the resid. */
const RESOURCE_LIST_OF: Readonly<Record<string, string>> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

interface UrlUse {
  url: string;
  line: number | null;
  /** How the manifest uses it, for messages: "IconUrl", "bt:Image Duban.Icon.16" … */
  where: string;
}

const issue = (line: number | null, message: string): ManifestIssue => ({
  kind: "reference",
  line,
  message,
  raw: null,
});

const lineOf = (element: Element) => element.lineNumber ?? null;

const childElements = (element: Element) =>
  Array.from(element.childNodes).filter((node): node is Element => node.nodeType === ELEMENT_NODE);

/** An element's DefaultValue and the Value of each of its locale Overrides. */
function urlsOf(element: Element, where: string): UrlUse[] {
  const overrides = childElements(element).filter((child) => child.localName === "Override");
  return [
    { url: element.getAttribute("DefaultValue") ?? "", line: lineOf(element), where },
    ...overrides.map((o) => ({ url: o.getAttribute("Value") ?? "", line: lineOf(o), where })),
  ];
}

function parse(xml: string): Element | ManifestIssue {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
    return doc.documentElement ?? issue(null, "清单是空的。");
  } catch (error) {
    return issue(null, `无法解析清单：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Resources by list ("Images", "Urls", …) and id. */
function resourceIndex(root: Element): Map<string, Map<string, Element>> {
  const index = new Map<string, Map<string, Element>>();
  for (const list of new Set(Object.values(RESOURCE_LIST_OF))) {
    const byId = new Map<string, Element>();
    for (const listElement of root.getElementsByTagNameNS(BASIC_TYPES_NS, list)) {
      for (const resource of childElements(listElement))
        byId.set(resource.getAttribute("id") ?? "", resource);
    }
    index.set(list, byId);
  }
  return index;
}

function checkResourceIds(
  root: Element,
  resources: Map<string, Map<string, Element>>
): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  for (const element of root.getElementsByTagName("*")) {
    const resid = element.getAttribute("resid");
    const list = RESOURCE_LIST_OF[element.localName ?? ""];
    if (resid === null || !list) continue;
    if (!resources.get(list)?.has(resid)) {
      issues.push(
        issue(
          lineOf(element),
          `${element.localName} 引用的资源 ${resid} 在 Resources 的 bt:${list} 中不存在。`
        )
      );
    }
  }
  return issues;
}

function checkFunctionFile(root: Element): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  for (const action of root.getElementsByTagName("*")) {
    if (
      action.localName !== "Action" ||
      action.getAttributeNS(XSI_NS, "type") !== "ExecuteFunction"
    )
      continue;
    let formFactor = action.parentNode as Element | null;
    while (formFactor && !formFactor.localName?.endsWith("FormFactor"))
      formFactor = formFactor.parentNode as Element | null;
    if (
      !formFactor ||
      !childElements(formFactor).some((child) => child.localName === "FunctionFile")
    ) {
      issues.push(
        issue(
          lineOf(action),
          "按钮要执行函数（ExecuteFunction），但所在的 FormFactor 没有 FunctionFile。"
        )
      );
    }
  }
  return issues;
}

/** Every URL the add-in serves itself: its own icons, pages and the resource images and URLs. */
function addInUrls(root: Element): UrlUse[] {
  const uses: UrlUse[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    for (const element of root.getElementsByTagNameNS(OFFICE_APP_NS, name))
      uses.push(...urlsOf(element, name));
  }
  for (const list of ["Images", "Urls"]) {
    for (const listElement of root.getElementsByTagNameNS(BASIC_TYPES_NS, list)) {
      for (const resource of childElements(listElement)) {
        uses.push(
          ...urlsOf(resource, `bt:${resource.localName} ${resource.getAttribute("id") ?? ""}`)
        );
      }
    }
  }
  return uses;
}

/** Icon URLs with the pixel size each is used at. */
function iconUses(root: Element, images: Map<string, Element>): Array<UrlUse & { size: number }> {
  const uses: Array<UrlUse & { size: number }> = [];
  for (const [name, size] of Object.entries(APP_ICON_SIZES)) {
    for (const element of root.getElementsByTagNameNS(OFFICE_APP_NS, name)) {
      uses.push(...urlsOf(element, name).map((use) => ({ ...use, size })));
    }
  }
  for (const reference of root.getElementsByTagNameNS(BASIC_TYPES_NS, "Image")) {
    const resid = reference.getAttribute("resid");
    const image = resid === null ? undefined : images.get(resid);
    if (!image) continue; // a missing resource is reported by checkResourceIds
    const size = Number(reference.getAttribute("size"));
    uses.push(...urlsOf(image, `bt:Image ${resid}`).map((use) => ({ ...use, size })));
  }
  return uses;
}

function checkIcon(
  use: UrlUse & { size: number },
  base: string,
  assetsDir: string
): ManifestIssue | null {
  const relative = use.url.slice(base.length);
  if (!relative.startsWith("assets/")) {
    return issue(use.line, `${use.where} 的图标地址“${use.url}”应指向 ${base}assets/ 下的文件。`);
  }
  const file = join(assetsDir, relative.slice("assets/".length));
  if (!existsSync(file))
    return issue(
      use.line,
      `${use.where} 的图标文件 ${relative} 不存在（在 ${assetsDir} 中找不到）。`
    );
  const size = readPngSize(readFileSync(file));
  if (!size) return issue(use.line, `${use.where} 的图标文件 ${relative} 不是 PNG 图片。`);
  if (size.width !== use.size || size.height !== use.size) {
    return issue(
      use.line,
      `${use.where} 需要 ${use.size}×${use.size} 像素的图标，${relative} 却是 ${size.width}×${size.height} 像素。`
    );
  }
  return null;
}

/**
 * Problems in the manifest that its XSD does not catch. Icon files are looked up in assetsDir
 * (the assets/ folder beside the manifest: the repository's for manifest.xml, dist/assets for the built one).
 */
export function checkManifestReferences(xml: string, assetsDir: string): ManifestIssue[] {
  const root = parse(xml);
  if ("kind" in root) return [root];

  const resources = resourceIndex(root);
  const issues = [...checkResourceIds(root, resources), ...checkFunctionFile(root)];

  const [settings] = root.getElementsByTagNameNS(OFFICE_APP_NS, "DefaultSettings");
  const [start] = settings ? settings.getElementsByTagNameNS(OFFICE_APP_NS, "SourceLocation") : [];
  const startUrl = start?.getAttribute("DefaultValue");
  if (!startUrl)
    return [
      ...issues,
      issue(null, "清单缺少 DefaultSettings 的 SourceLocation，无法确定加载项的基础地址。"),
    ];
  // The task pane's folder is where the add-in is served from; every URL of its own must start there.
  const base = startUrl.slice(0, startUrl.lastIndexOf("/") + 1);
  if (!base.startsWith("https://"))
    issues.push(issue(lineOf(start), `加载项的地址必须是 https：“${startUrl}”。`));

  for (const use of addInUrls(root)) {
    if (!use.url.startsWith(base)) {
      issues.push(
        issue(use.line, `${use.where} 的地址“${use.url}”与加载项的基础地址“${base}”不一致。`)
      );
    }
  }
  const checked = new Set<string>();
  for (const use of iconUses(root, resources.get("Images") ?? new Map())) {
    const key = `${use.url} ${use.size}`;
    if (!use.url.startsWith(base) || checked.has(key)) continue;
    checked.add(key);
    const problem = checkIcon(use, base, assetsDir);
    if (problem) issues.push(problem);
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
