/**
 * Text files above this size are refused before they are read. The 100,000-row bench document
 * is about 30 MB; a text file far beyond that is not a breakdown table and would exhaust memory.
 */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** The encodings a text file is read in, as the report names them. */
export type TextEncoding = "UTF-8" | "UTF-8（带 BOM）" | "UTF-16LE" | "UTF-16BE" | "GB18030";

const BOMS: ReadonlyArray<{ bytes: number[]; encoding: TextEncoding; label: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "UTF-8（带 BOM）", label: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "UTF-16LE", label: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "UTF-16BE", label: "utf-16be" },
];

/**
 * Decodes a text file: by its byte-order mark (UTF-8, UTF-16), else as strict UTF-8, else as
 * GB18030 (which includes GBK, the usual encoding of text saved on Chinese Windows). Null for
 * bytes that are none of these; undecodableMessage says so to the user.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  // Without a decoder every encoding would fail, and the file would be blamed for it.
  if (typeof TextDecoder === "undefined")
    throw new Error("此环境无法解码文本文件（缺少 TextDecoder）。");
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      const text = strictly(bom.label, bytes.subarray(bom.bytes.length));
      if (text !== null) return { text, encoding: bom.encoding };
    }
  }
  const utf8 = strictly("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8" };
  const gb = strictly("gb18030", bytes);
  if (gb !== null) return { text: gb, encoding: "GB18030" };
  return null;
}

export function undecodableMessage(file: string): string {
  return `无法读取文件「${file}」：它既不是 UTF-8、UTF-16 编码，也不是 GB18030（GBK）编码的文本。请在记事本或 WPS 中另存为 UTF-8 编码后重试。`;
}

export function tooLargeMessage(file: string, size: number): string {
  return `文件「${file}」有 ${(size / 1024 / 1024).toFixed(1)} MB，超过文本文件的上限 ${MAX_TEXT_BYTES / 1024 / 1024} MB，未读取。`;
}

function strictly(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
