import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { writeXlsx } from "../../src/xlsx";

/**
 * A save that stops just before the final rename, as if the process were killed there:
 * `stalledSave.ts <out.xlsx>` prints "ready" once the temporary file is written, then waits.
 */
const out = process.argv[2];
fs.rename = () => {
  process.stdout.write("ready\n");
  return new Promise<void>(() => setInterval(() => undefined, 1000));
};
const workbook = new ExcelJS.Workbook();
workbook.addWorksheet("校验结果").addRow(["校验完成"]);
void writeXlsx(workbook, out);
