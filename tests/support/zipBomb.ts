import ExcelJS from "exceljs";
import JSZip from "jszip";
import { MAX_XML_BYTES } from "../../src/xlsx/zipLimits";

/**
 * A real workbook (a header and a row) whose sheet XML is padded with whitespace before its
 * root closes — still well-formed — to just past MAX_XML_BYTES once unzipped, while the file
 * itself stays small: the shape of a zip bomb, built in the test. Its parts declare 1 KB each
 * unzipped, as a crafted bomb would, so only unzipping with a ceiling finds it out.
 */
export async function inflatingWorkbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("uint8array");
  // The root's closing tag is ASCII and last: split there (jsdom has no TextEncoder).
  const close = xml.lastIndexOf(0x3c); // "<" of "</worksheet>"
  const head = xml.subarray(0, close);
  const tail = xml.subarray(close);
  const padded = new Uint8Array(head.length + MAX_XML_BYTES + 1024 + tail.length);
  padded.set(head);
  padded.fill(0x20, head.length, padded.length - tail.length);
  padded.set(tail, padded.length - tail.length);
  zip.file("xl/worksheets/sheet1.xml", padded);
  const bytes = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
  declareSmall(bytes);
  return bytes;
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** Sets every part's declared unzipped size to 1 KB, in its local header and directory entry. */
function declareSmall(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 <= zip.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === LOCAL_HEADER) view.setUint32(at + 22, 1024, true);
    else if (signature === DIRECTORY_ENTRY) view.setUint32(at + 24, 1024, true);
  }
}
