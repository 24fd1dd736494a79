import { collect } from "../core/distribute/collect";
import { COLLECT_SHEET, collectPatch, collectSheetName } from "../core/distribute/collectPatch";
import { recordedChoices } from "../core/distribute/decisionRows";
import type { Grid } from "../core/grid/schema";
import { readMaster, type Master } from "../core/distribute/master";
import { splitByUnit } from "../core/distribute/split";
import type { ExistingSheet } from "../core/outputs/generatedNames";
import type { Roster } from "../core/roster";
import type { CollectResult } from "../core/distribute/collect";
import type { CollectReview, WorkbookActions } from "../taskpane/actions";
import { isRosterSheet } from "../core/roster/sheet";
import type { SheetInfo, WorkbookHost } from "./host";
import { checkable } from "./sheetsRead";

const NO_MASTER = "没有找到责任分解表：请先导入或打开总表（含牵头单位等列的工作表）。";
const STALE =
  "回收的结果已过时：请重新点“回收进展”选择文件（工作簿在两步之间被导入或回收替换了）。";

/** The open workbook as the master, and its 回收情况 sheet (where the user picks 处理), if any. */
async function readOpenMaster(
  host: WorkbookHost,
  given: Roster | null
): Promise<{ master: Master; sheets: SheetInfo[]; collectGrid: Grid | null }> {
  const { sheets, read } = await host.readSheets(
    (s) =>
      checkable(s) || isRosterSheet(s) || s.marker?.kind === "collect" || s.name === COLLECT_SHEET
  );
  const collectName = collectSheetName(sheets.map((s) => ({ name: s.name, generated: s.marker })));
  const master = readMaster(
    host.workbookName(),
    read
      .filter(({ info }) => info.name !== collectName)
      .map(({ info, grid }) => ({ grid, generated: info.marker })),
    given
  );
  if (master.items.length === 0) throw new Error(NO_MASTER);
  const collectGrid = read.find(({ info }) => info.name === collectName)?.grid ?? null;
  return { master, sheets, collectGrid };
}

/** 下发 and 回收 in the open workbook: it is the master; the files are the pane's business. */
export function distributeActions(
  host: WorkbookHost,
  given: Roster | null
): Pick<WorkbookActions, "splitPlan" | "collectReturns" | "applyCollect"> {
  // What 回收's first step read, for its second: the result must come from the same master.
  let last: { master: Master; existing: ExistingSheet[]; result: CollectResult } | null = null;

  return {
    async splitPlan({ date }, onProgress) {
      onProgress("读取总表…", 0.1);
      const { master } = await readOpenMaster(host, given);
      onProgress("按单位拆分…", 0.5);
      return splitByUnit(master, { date });
    },

    async collectReturns({ sources, unreadable }, onProgress) {
      onProgress("读取总表…", 0.1);
      const { master, sheets, collectGrid } = await readOpenMaster(host, given);
      onProgress("对应各单位的回收文件…", 0.5);
      const collected = collect(master, sources, unreadable);
      // A conflict the user already settled in 回收情况 (as `duban collect` reads it) starts so.
      const recorded = collectGrid && recordedChoices(collectGrid, collected.decisions);
      const result: CollectReview = recorded
        ? {
            ...collected,
            recorded: collected.decisions.map((d) => recorded.choices.get(d) ?? null),
            recordedNotes: recorded.notes,
          }
        : collected;
      last = {
        master,
        existing: sheets.map((s) => ({ name: s.name, generated: s.marker })),
        result,
      };
      return result;
    },

    async applyCollect(result, choices, { checkDate }, onProgress) {
      if (!last || last.result !== result) throw new Error(STALE);
      const { master, existing } = last;
      const picked = new Map(result.decisions.map((d, i) => [d, choices[i] ?? 0]));
      onProgress("写入总表、回收情况和汇总…", 0.5);
      // All or nothing: a protected master sheet refuses the whole 回收 (values, 回收情况, 汇总).
      const report = await host.applyPatch(
        {
          sheets: collectPatch(master, result, picked, {
            checkDate,
            roster: master.roster,
            existing,
          }),
        },
        { protectedSheets: "refuse" }
      );
      last = null;
      onProgress("回收完成", 1);
      const taken = [...picked.values()].filter((n) => n > 0).length;
      return {
        summary: [
          `${result.summary}已写入总表和「回收情况」${taken > 0 ? `，其中 ${taken} 处按所选采用回收内容` : ""}。`,
          ...report.fallbacks,
        ].join(""),
      };
    },
  };
}
