import { promises as fs } from "fs";
import { basename, join } from "path";
import { readMaster, type Master } from "../core/distribute/master";
import { splitByUnit } from "../core/distribute/split";
import type { Roster } from "../core/roster";
import { readXlsx, workbookFileBytes, XlsxOutputError, type XlsxRead } from "../xlsx";
import { UnreadableInput } from "./sources";

export interface SplitCommandOptions {
  output: string;
  date: string;
  /** A 名册 given with --roster; null: the master's 名册 sheet, the shipped or a learned one. */
  roster: Roster | null;
  force: boolean;
}

/** The master workbook's breakdown tables; the file is read, never written. */
export async function readMasterFile(
  path: string,
  roster: Roster | null
): Promise<{ master: Master; read: XlsxRead }> {
  const read = await readXlsx(path);
  const markers = new Map(read.sheets.map((s) => [s.name, s.generated]));
  const master = readMaster(
    basename(path),
    read.grids.map((grid) => ({ grid, generated: markers.get(grid.sheet) ?? null })),
    roster
  );
  if (master.items.length === 0)
    throw new UnreadableInput(
      `「${path}」中没有可识别的责任分解表（找不到含牵头单位等列名的表头）。`
    );
  return { master, read };
}

/**
 * `duban split master.xlsx -o 下发/`: one file per unit in the folder. Files already there are
 * refused before anything is written, unless --force.
 */
export async function runSplit(
  masterPath: string,
  options: SplitCommandOptions
): Promise<string[]> {
  const { master } = await readMasterFile(masterPath, options.roster);
  const files = splitByUnit(master, { date: options.date });
  if (files.length === 0)
    throw new UnreadableInput(
      `「${masterPath}」的责任分解表中没有填写牵头单位或配合单位，无法按单位拆分，未写出任何文件。`
    );
  await fs.mkdir(options.output, { recursive: true });
  if (!options.force) {
    const present = new Set(await fs.readdir(options.output));
    const clash = files.filter((f) => present.has(f.fileName));
    if (clash.length > 0)
      throw new XlsxOutputError(
        options.output,
        `文件夹「${options.output}」中已有 ${clash.length} 个同名文件（如「${clash[0].fileName}」），未写入任何文件。如要覆盖，请加上 --force。`
      );
  }
  for (const file of files) {
    const path = join(options.output, file.fileName);
    const temporary = join(options.output, `.${file.fileName}.${process.pid}.tmp`);
    await fs.writeFile(temporary, await workbookFileBytes(file.sheets));
    await fs.rename(temporary, path);
  }
  const items = files.reduce((n, f) => n + f.lead + f.coop, 0);
  return [
    ...master.problems.map((p) => `${p.source}：${p.message}`),
    `已为 ${files.length} 个单位生成下发文件（共 ${items} 条事项，含配合事项），写入「${options.output}」。`,
  ];
}
