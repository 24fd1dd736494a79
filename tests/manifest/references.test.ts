import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkManifestReferences } from "../../src/manifest/references";
import { ASSETS, edited, lineOf, ROOT, source } from "./fixtures";

/** A copy of assets/ whose files the test may change. */
let assets: string;
beforeEach(() => {
  assets = mkdtempSync(join(tmpdir(), "duban-assets-"));
  for (const file of readdirSync(ASSETS))
    if (file.endsWith(".png")) copyFileSync(join(ASSETS, file), join(assets, file));
});
afterEach(() => rmSync(assets, { recursive: true, force: true }));

const messages = (xml: string) =>
  checkManifestReferences(xml, assets).map((issue) => issue.message);

test("the source manifest has no reference problems", () => {
  expect(checkManifestReferences(source, assets)).toEqual([]);
});

test("an icon of the wrong size is named with both sizes", () => {
  copyFileSync(join(ASSETS, "icon-16.png"), join(assets, "icon-80.png"));
  expect(messages(source)).toEqual([
    "bt:Image Duban.Icon.80 需要 80×80 像素的图标，assets/icon-80.png 却是 16×16 像素。",
  ]);
});

test("IconUrl must be 32 px and HighResolutionIconUrl 64 px", () => {
  const swapped = edited(
    'HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"',
    'HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"'
  );
  const issues = checkManifestReferences(swapped, assets);
  expect(issues).toEqual([
    expect.objectContaining({
      kind: "reference",
      line: lineOf("<HighResolutionIconUrl"),
      message: "HighResolutionIconUrl 需要 64×64 像素的图标，assets/icon-80.png 却是 80×80 像素。",
    }),
  ]);
});

test("a missing icon file and a file that is not a PNG are reported", () => {
  rmSync(join(assets, "icon-32.png"));
  copyFileSync(join(ROOT, "manifest.xml"), join(assets, "icon-16.png"));
  expect(messages(source)).toEqual([
    `IconUrl 的图标文件 assets/icon-32.png 不存在（在 ${assets} 中找不到）。`,
    "bt:Image Duban.Icon.16 的图标文件 assets/icon-16.png 不是 PNG 图片。",
  ]);
});

test("a URL outside the add-in's base is reported", () => {
  const stray = edited(
    "https://localhost:3000/commands.html",
    "https://localhost:3001/commands.html"
  );
  expect(messages(stray)).toEqual([
    "bt:Url Duban.Commands.Url 的地址“https://localhost:3001/commands.html”与加载项的基础地址“https://localhost:3000/”不一致。",
  ]);
});

test("a base that is not https is reported once, for the start page", () => {
  const plain = edited("https://localhost:3000/", "http://localhost:3000/");
  expect(messages(plain)).toEqual([
    "加载项的地址必须是 https：“http://localhost:3000/taskpane.html”。",
  ]);
});

test("a resid with no resource of its kind is reported at its line", () => {
  const typo = edited('<Label resid="Duban.Group.Label"/>', '<Label resid="Duban.Taskpane.Url"/>');
  expect(checkManifestReferences(typo, assets)).toEqual([
    expect.objectContaining({
      line: lineOf('<Label resid="Duban.Group.Label"/>'),
      message: "Label 引用的资源 Duban.Taskpane.Url 在 Resources 的 bt:ShortStrings 中不存在。",
    }),
  ]);
});

test("an ExecuteFunction button needs a FunctionFile", () => {
  const noFunctionFile = edited('<FunctionFile resid="Duban.Commands.Url"/>', "");
  expect(messages(noFunctionFile)).toEqual([
    "按钮要执行函数（ExecuteFunction），但所在的 FormFactor 没有 FunctionFile。",
  ]);
});
