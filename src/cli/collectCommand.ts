import { promises as fs } from "fs";
import { basename } from "path";
import { collect, type CollectResult } from "../core/distribute/collect";
import {
  COLLECT_SHEET,
  collectPatch,
  collectSheetName,
  type Choices,
} from "../core/distribute/collectPatch";
import { recordedChoices, type RecordedChoices } from "../core/distribute/decisionRows";
import type { Grid } from "../core/grid/schema";
import type { ReturnSource } from "../core/distribute/readReturn";
import type { Roster } from "../core/roster";
import {
  applyPatchToWorkbook,
  readReturnSource,
  readXlsx,
  refuseOutput,
  writeXlsx,
  type XlsxRead,
} from "../xlsx";
import { UnreadableInput } from "./sources";
import { readMasterFile } from "./splitCommand";

export interface CollectCommandOptions {
  output: string;
  date: string;
  /** A 名册 given with --roster; null: the master's 名册 sheet, the shipped or a learned one. */
  roster: Roster | null;
  force: boolean;
  /** What a decision takes that no 处理 settles: keep the master (default), the return's, or both. */
  conflicts: "master" | "return" | "both";
  /**
   * A workbook whose 回收情况 holds the user's 处理 (an earlier output of collect, edited); left
   * out: the master's own 回收情况, when the master is such an output.
   */
  decisions?: string;
}

/** A returned file read for 回收; a missing one is named like one that cannot be read. */
async function readReturnFile(
  path: string
): Promise<ReturnSource | { file: string; reason: string }> {
  const stat = await fs.stat(path).catch(() => null);
  return readReturnSource(path, basename(path), stat?.mtime ?? new Date());
}

/**
 * Each decision's option: the 处理 recorded for it, else the one of the kind asked for; where it
 * has none, the master is kept.
 */
export function choicesOf(
  result: CollectResult,
  kind: CollectCommandOptions["conflicts"],
  recorded: Choices = new Map()
): Choices {
  const choices = new Map<CollectResult["decisions"][number], number>();
  for (const d of result.decisions) {
    const at = d.options.findIndex((o) => o.kind === kind);
    choices.set(d, recorded.get(d) ?? (at < 0 ? 0 : at));
  }
  return choices;
}

/** The 回收情况 sheet of a workbook read (collectSheetName). */
function collectSheetOf(read: XlsxRead): Grid | null {
  const name = collectSheetName(read.sheets);
  return read.grids.find((g) => g.sheet === name) ?? null;
}

/** The 回收情况 of the --decisions workbook; read before the master, so a wrong one ends the run at once. */
async function decisionsSheet(path: string): Promise<Grid> {
  const grid = collectSheetOf(await readXlsx(path));
  if (!grid)
    throw new UnreadableInput(`「${path}」中没有「${COLLECT_SHEET}」工作表，读不到待确认的处理。`);
  return grid;
}

/** The 处理 the user chose in 回收情况 (of --decisions, or of the master), with notes on lines unused. */
function userChoices(
  master: XlsxRead,
  decisions: { path: string; grid: Grid } | null,
  result: CollectResult
): RecordedChoices & { from: string | null } {
  const grid = decisions?.grid ?? collectSheetOf(master);
  if (!grid) return { choices: new Map(), notes: [], from: null };
  return { ...recordedChoices(grid, result.decisions), from: decisions?.path ?? "总表" };
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
  const inputs = [masterPath, ...returns];
  // What ends the run without reading the master and every return ends it first.
  refuseOutput(options.output, { force: options.force, inputs });
  const decisions = options.decisions
    ? { path: options.decisions, grid: await decisionsSheet(options.decisions) }
    : null;
  const { master, read } = await readMasterFile(masterPath, options.roster);
  const sources: ReturnSource[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const path of returns) {
    const source = await readReturnFile(path);
    if ("reason" in source) unreadable.push(source);
    else sources.push(source);
  }
  const result = collect(master, sources, unreadable);
  const recorded = userChoices(read, decisions, result);
  const choices = choicesOf(result, options.conflicts, recorded.choices);
  // As in Excel and WPS: a protected master sheet refuses the whole 回收, nothing is written.
  const report = applyPatchToWorkbook(
    read.workbook,
    {
      sheets: collectPatch(master, result, choices, {
        checkDate: options.date,
        roster: master.roster,
        existing: read.sheets.map((s) => ({ name: s.name, generated: s.generated })),
      }),
    },
    { protectedSheets: "refuse" }
  );
  await writeXlsx(read.workbook, options.output, { force: options.force, inputs });
  const lines = [
    ...result.skipped.map((s) => s.reason),
    ...result.decisions.map((d) => `待确认：${d.message}`),
    ...recorded.notes,
    ...(recorded.choices.size > 0
      ? [
          `按「${recorded.from}」的「${COLLECT_SHEET}」中填写的处理决定 ${recorded.choices.size} 处（其中采用回收内容 ${[...recorded.choices.values()].filter((n) => n > 0).length} 处）。`,
        ]
      : []),
    result.summary,
    ...report.fallbacks,
    `已写入 ${options.output}（总表和回收文件均未改动）`,
  ];
  return { lines, result };
}
