import { promises as fs } from "fs";
import { basename } from "path";
import { collect, type CollectResult } from "../core/distribute/collect";
import { collectPatch, type Choices } from "../core/distribute/collectPatch";
import type { ReturnSource } from "../core/distribute/readReturn";
import type { Roster } from "../core/roster";
import { applyPatchToWorkbook, readReturnSource, writeXlsx } from "../xlsx";
import { readMasterFile } from "./splitCommand";

export interface CollectCommandOptions {
  output: string;
  date: string;
  /** A 名册 given with --roster; null: the master's 名册 sheet, the shipped or a learned one. */
  roster: Roster | null;
  force: boolean;
  /** What every decision takes: keep the master (default), the return's value, or both. */
  conflicts: "master" | "return" | "both";
}

/** A returned file read for 回收; a missing one is named like one that cannot be read. */
async function readReturnFile(
  path: string
): Promise<ReturnSource | { file: string; reason: string }> {
  const stat = await fs.stat(path).catch(() => null);
  return readReturnSource(path, basename(path), stat?.mtime ?? new Date());
}

/** Each decision's option of the kind asked for; where it has none, the master is kept. */
export function choicesOf(
  result: CollectResult,
  kind: CollectCommandOptions["conflicts"]
): Choices {
  const choices = new Map<CollectResult["decisions"][number], number>();
  for (const d of result.decisions) {
    const at = d.options.findIndex((o) => o.kind === kind);
    choices.set(d, at < 0 ? 0 : at);
  }
  return choices;
}

/**
 * `duban collect master.xlsx 回收/*.xlsx -o master-回收.xlsx`: the returns go into a copy of the
 * master (neither the master nor any return is written), with 回收情况 and a new 汇总.
 */
export async function runCollect(
  masterPath: string,
  returns: readonly string[],
  options: CollectCommandOptions
): Promise<{ lines: string[]; result: CollectResult }> {
  const { master, read } = await readMasterFile(masterPath, options.roster);
  const sources: ReturnSource[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const path of returns) {
    const source = await readReturnFile(path);
    if ("reason" in source) unreadable.push(source);
    else sources.push(source);
  }
  const result = collect(master, sources, unreadable);
  const choices = choicesOf(result, options.conflicts);
  const report = applyPatchToWorkbook(read.workbook, {
    sheets: collectPatch(master, result, choices, {
      checkDate: options.date,
      roster: master.roster,
      existing: read.sheets.map((s) => ({ name: s.name, generated: s.generated })),
    }),
  });
  await writeXlsx(read.workbook, options.output, {
    force: options.force,
    inputs: [masterPath, ...returns],
  });
  const lines = [
    ...result.skipped.map((s) => s.reason),
    ...result.decisions.map((d) => `待确认：${d.message}`),
    result.summary,
    ...report.fallbacks,
    `已写入 ${options.output}（总表和回收文件均未改动）`,
  ];
  return { lines, result };
}
