/**
 * Draws the add-in's icons (a clipboard with a green check mark and a red seal) as PNGs in this folder.
 * Run: npx tsx assets/draw-icons.ts
 *
 * The shapes are described in units of the icon's side (0..1) and rasterised with 8 x 8 samples per
 * pixel, so every size is drawn from the same picture. Node's zlib is enough to write a PNG, so no image package is needed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

/** The sizes manifest.xml names: ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64. */
const SIZES = [16, 32, 64, 80] as const;
const SAMPLES = 8;

type Rgba = readonly [number, number, number, number];
type Inside = (x: number, y: number) => boolean;
interface Layer {
  inside: Inside;
  color: Rgba;
}

const NAVY: Rgba = [31, 78, 121, 255];
const PAPER: Rgba = [255, 255, 255, 255];
const RULE: Rgba = [176, 190, 205, 255];
const GREEN: Rgba = [16, 124, 65, 255];
const SEAL_RED: Rgba = [200, 16, 46, 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Inside {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function disc(cx: number, cy: number, r: number): Inside {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function ring(cx: number, cy: number, r: number, width: number): Inside {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= width / 2;
}

/** A polyline stroked with round joins and caps: every point within width/2 of a segment. */
function stroke(points: ReadonlyArray<readonly [number, number]>, width: number): Inside {
  const half = width / 2;
  return (x, y) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i];
      const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
      return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= half;
    });
}

/** The five-pointed star at the centre of an official seal, point up. */
function star(cx: number, cy: number, outer: number): Inside {
  const inner = outer * 0.382;
  const corners = Array.from({ length: 10 }, (_, k) => {
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const r = k % 2 === 0 ? outer : inner;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as const;
  });
  return (x, y) => {
    // Even-odd ray casting.
    let inside = false;
    for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
      const [xi, yi] = corners[i];
      const [xj, yj] = corners[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/**
 * The picture at one size, bottom layer first. Straight edges snap to whole pixels so the outline stays
 * crisp at 16 px; details appear only where there are pixels to show them.
 */
function layers(size: number): Layer[] {
  const px = 1 / size;
  const snap = (v: number) => Math.round(v * size) / size;
  const wholePixels = (v: number) => Math.max(1, Math.round(v * size)) / size;
  const border = wholePixels(0.06);
  const [left, top, right, bottom] = [snap(0.1), snap(0.1), snap(0.8), snap(0.95)];
  const [seal, sealX, sealY] = [0.22, 0.74, 0.76];
  const picture: Layer[] = [
    { inside: roundedRect(left, top, right, bottom, 0.08), color: NAVY },
    {
      inside: roundedRect(left + border, top + border, right - border, bottom - border, 0.04),
      color: PAPER,
    },
    {
      inside: roundedRect(snap(0.3), snap(0.03), snap(0.6), snap(0.19), Math.max(px, 0.04)),
      color: NAVY,
    },
  ];
  if (size >= 32) {
    const ruleTop = snap(0.28);
    picture.push({
      inside: roundedRect(snap(0.22), ruleTop, snap(0.66), ruleTop + wholePixels(0.035), 0),
      color: RULE,
    });
  }
  picture.push(
    {
      inside: stroke(
        [
          [0.24, 0.52],
          [0.39, 0.67],
          [0.66, 0.36],
        ],
        Math.max(2 * px, 0.11)
      ),
      color: GREEN,
    },
    // A white halo keeps the seal apart from the paper's edge at small sizes.
    { inside: disc(sealX, sealY, seal + Math.max(px, 0.035)), color: PAPER },
    { inside: disc(sealX, sealY, seal), color: SEAL_RED }
  );
  if (size >= 32) picture.push({ inside: star(sealX, sealY, seal * 0.55), color: PAPER });
  if (size >= 64)
    picture.push({ inside: ring(sealX, sealY, seal * 0.8, Math.max(px, 0.02)), color: PAPER });
  return picture;
}

/** RGBA pixels, averaged over SAMPLES x SAMPLES points per pixel with premultiplied alpha. */
function rasterise(size: number): Buffer {
  const topFirst = layers(size).reverse();
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const top = topFirst.find((layer) => layer.inside(x, y));
          if (!top) continue;
          const alpha = top.color[3] / 255;
          for (let c = 0; c < 3; c++) sum[c] += top.color[c] * alpha;
          sum[3] += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      const coverage = sum[3];
      for (let c = 0; c < 3; c++) pixels[offset + c] = coverage ? Math.round(sum[c] / coverage) : 0;
      pixels[offset + 3] = Math.round((coverage / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const frame = Buffer.alloc(4 + body.length + 4);
  frame.writeUInt32BE(data.length, 0);
  body.copy(frame, 4);
  frame.writeUInt32BE(crc32(body), 4 + body.length);
  return frame;
}

/** An 8-bit RGBA PNG, every scanline with filter type 0 (none). */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rowBytes = size * 4;
  const scanlines = Buffer.alloc(size * (rowBytes + 1));
  for (let y = 0; y < size; y++)
    rgba.copy(scanlines, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = join(__dirname, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, rasterise(size)));
  console.log(`已生成 ${file}`);
}
