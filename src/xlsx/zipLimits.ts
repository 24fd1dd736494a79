import { Inflate } from "pako/lib/inflate";
import { inflateRawSync } from "zlib";

/**
 * What a workbook may hold once unzipped. ExcelJS keeps every cell as objects at many times
 * the XML's size, so the cap is on the XML, before ExcelJS sees it: a 30 KB file can unzip to
 * gigabytes (a zip bomb, or one stray cell at XFD1048576 with its styles repeated).
 */
export const MAX_XML_BYTES = 200 * 1024 * 1024;

/** The bytes raw deflate `data` inflates to; `max + 1` as soon as it passes `max`; null if damaged. */
export type Inflated = (data: Uint8Array, max: number) => number | null;

/** Node's zlib: native, and stops itself at the ceiling. */
function zlibInflated(data: Uint8Array, max: number): number | null {
  try {
    return inflateRawSync(data, { maxOutputLength: max + 1 }).length;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? max + 1 : null;
  }
}

class TooLarge extends Error {}

/** pako, for the browser: each chunk is counted and dropped, so memory stays flat. */
export function pakoInflated(data: Uint8Array, max: number): number | null {
  let total = 0;
  const inflate = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  inflate.onData = (chunk) => {
    total += chunk.length;
    if (total > max) throw new TooLarge();
  };
  inflate.onEnd = () => undefined;
  try {
    inflate.push(data, true);
  } catch (error) {
    if (error instanceof TooLarge) return max + 1;
    return null;
  }
  return inflate.err ? null : total;
}

/** zlib where the host has it (Node); the pane's bundle has none (webpack: zlib false), so pako. */
const inflated: Inflated = typeof inflateRawSync === "function" ? zlibInflated : pakoInflated;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Bytes as Latin-1 text: enough to see a part name's ASCII suffix, in any webview. */
function latin1(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return text;
}

/** The zip's central directory, or null when it cannot be found (the loader then says "damaged"). */
function entries(zip: Uint8Array, view: DataView): Entry[] | null {
  // The end record is in the last 64 KB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    out.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: latin1(zip.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/**
 * The bytes the workbook's XML parts unzip to, counted by unzipping them with a ceiling (the
 * sizes the zip declares can lie); `limit + 1` as soon as the total passes `limit`. Null when
 * the zip cannot be walked: the loader then reports the file damaged. Plain Uint8Array code,
 * so the CLI and the pane (回收 in the browser) refuse the same files.
 */
export function unzippedXmlBytes(
  zip: Uint8Array,
  limit = MAX_XML_BYTES,
  inflate: Inflated = inflated
): number | null {
  if (zip.length < 22) return null;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const list = entries(zip, view);
  if (!list) return null;
  let total = 0;
  for (const entry of list) {
    if (!entry.name.endsWith(".xml") && !entry.name.endsWith(".rels")) continue;
    if (entry.size > limit - total) return limit + 1;
    const header = entry.localOffset;
    if (header + 30 > zip.length || view.getUint32(header, true) !== LOCAL_HEADER) return null;
    const start =
      header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) {
      const size = inflate(data, limit - total);
      if (size === null) return null;
      total += size;
    } else return null;
    if (total > limit) return limit + 1;
  }
  return total;
}
