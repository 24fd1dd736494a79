/**
 * A minimal OLE compound file (version 3, 512-byte sectors) holding the named streams — the
 * container of a password-protected .xlsx (EncryptionInfo, EncryptedPackage) and of a pre-2007
 * .xls (Workbook). Each stream is 4,096 bytes, so all live in regular sectors (no mini stream).
 */
const SECTOR = 512;
const STREAM = 4096;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

export function compoundFile(streams: string[]): Buffer {
  if (streams.length > 3) throw new Error("one directory sector holds the root and three streams");
  const perStream = STREAM / SECTOR;
  const sectors = 2 + streams.length * perStream; // FAT, directory, streams
  const file = Buffer.alloc(SECTOR * (1 + sectors), 0);

  // Header.
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(file, 0);
  file.writeUInt16LE(0x003e, 0x18);
  file.writeUInt16LE(0x0003, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c); // FAT sectors
  file.writeUInt32LE(1, 0x30); // first directory sector
  file.writeUInt32LE(STREAM, 0x38); // mini stream cutoff
  file.writeUInt32LE(END_OF_CHAIN, 0x3c);
  file.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + 4 * i);

  // FAT (sector 0): itself, the directory, then one chain per stream.
  const fat = (index: number, value: number) => file.writeUInt32LE(value, SECTOR + 4 * index);
  for (let i = 0; i < SECTOR / 4; i++) fat(i, FREE);
  fat(0, FAT_SECTOR);
  fat(1, END_OF_CHAIN);
  streams.forEach((_, s) => {
    const first = 2 + s * perStream;
    for (let i = 0; i < perStream; i++)
      fat(first + i, i === perStream - 1 ? END_OF_CHAIN : first + i + 1);
  });

  // Directory (sector 1): the root, whose child is the first stream; streams chained as right siblings.
  const entry = (
    index: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    size: number
  ) => {
    const at = SECTOR * 2 + 128 * index;
    const encoded = Buffer.from(`${name}\0`, "utf16le");
    encoded.copy(file, at);
    file.writeUInt16LE(encoded.length, at + 0x40);
    file.writeUInt8(type, at + 0x42);
    file.writeUInt8(1, at + 0x43); // black
    file.writeUInt32LE(FREE, at + 0x44); // left sibling
    file.writeUInt32LE(right, at + 0x48);
    file.writeUInt32LE(child, at + 0x4c);
    file.writeUInt32LE(start, at + 0x74);
    file.writeUInt32LE(size, at + 0x78);
  };
  entry(0, "Root Entry", 5, streams.length > 0 ? 1 : FREE, FREE, END_OF_CHAIN, 0);
  streams.forEach((name, s) =>
    entry(1 + s, name, 2, FREE, s + 1 < streams.length ? s + 2 : FREE, 2 + s * perStream, STREAM)
  );
  for (let i = 1 + streams.length; i < 4; i++) {
    const at = SECTOR * 2 + 128 * i;
    file.writeUInt32LE(FREE, at + 0x44);
    file.writeUInt32LE(FREE, at + 0x48);
    file.writeUInt32LE(FREE, at + 0x4c);
  }

  // Stream contents: bytes that look like nothing in particular.
  for (let i = SECTOR * 3; i < file.length; i++) file[i] = (i * 7919) % 251;
  return file;
}
