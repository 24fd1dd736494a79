import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readPngSize } from "../../src/manifest/pngSize";
import { ASSETS, ROOT, source } from "./fixtures";

const pngs = readdirSync(ASSETS).filter((file) => file.endsWith(".png"));

test("every icon in assets/ is a square PNG of the size in its name", () => {
  expect(pngs.sort()).toEqual(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
  for (const file of pngs) {
    const side = Number(/^icon-(\d+)\.png$/.exec(file)?.[1]);
    expect({ file, size: readPngSize(readFileSync(join(ASSETS, file))) }).toEqual({
      file,
      size: { width: side, height: side },
    });
  }
});

test("the manifest uses every icon in assets/ and names no other", () => {
  const named = new Set(Array.from(source.matchAll(/\/assets\/([^"]+)"/g), (m) => m[1]));
  expect([...named].sort()).toEqual(pngs.sort());
});

test("readPngSize refuses what is not a PNG", () => {
  expect(readPngSize(readFileSync(join(ROOT, "manifest.xml")))).toBeNull();
  expect(readPngSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
});
