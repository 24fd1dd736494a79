import { inflateRawSync } from "zlib";

/**
 * What a workbook may hold once unzipped. ExcelJS keeps every cell as objects at many times
 * the XML's size, so the cap is on the XML, before ExcelJS sees it: a 30 KB file can unzip to
 * gigabytes (a zip bomb, or one stray cell at XFD1048576 with its styles repeated).
 */
export const MAX_XML_BYTES = 200 * 1024 * 1024;

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

/** The zip's central directory, or null when it cannot be found (the loader then says "damaged"). */
function entries(zip: Buffer): Entry[] | null {
  // The end record is in the last 64 KB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    out.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/**
 * The bytes the workbook's XML parts unzip to, counted by unzipping them with a ceiling (the
 * sizes the zip declares can lie); `limit + 1` as soon as the total passes `limit`. Null when
 * the zip cannot be walked: the loader then reports the file damaged.
 */
export function unzippedXmlBytes(zip: Buffer, limit = MAX_XML_BYTES): number | null {
  const list = entries(zip);
  if (!list) return null;
  let total = 0;
  for (const entry of list) {
    if (!entry.name.endsWith(".xml") && !entry.name.endsWith(".rels")) continue;
    if (entry.size > limit - total) return limit + 1;
    const header = entry.localOffset;
    if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_HEADER) return null;
    const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: limit - total + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return limit + 1;
        return null;
      }
    } else return null;
    if (total > limit) return limit + 1;
  }
  return total;
}
