/** File signatures, to tell what a picked or given file is before reading it as text or a workbook. */

/** A zip archive: .xlsx, .xlsm and also .docx. */
export const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an encrypted OOXML workbook, or a pre-2007 binary .xls or .doc. */
export const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
