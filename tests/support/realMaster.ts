import { readGridTable } from "../../src/core/grid/gridTable";
import type { MasterSheet } from "../../src/core/outputs/unitSheets";
import { readXlsx } from "../../src/xlsx";
import { realXlsxPath } from "./realTables";

/** A real table of the corpus (tests/fixtures/real) as the add-in reads its .xlsx: a master sheet. */
export async function realMaster(id: string): Promise<MasterSheet> {
  const read = readGridTable((await readXlsx(realXlsxPath(id))).grids[0]);
  if (!read.table) throw new Error(read.problems[0].message);
  return { table: read.table, layout: read.layout };
}
