import { collect } from "../core/distribute/collect";
import { collectPatch } from "../core/distribute/collectPatch";
import { readMaster, type Master } from "../core/distribute/master";
import { splitByUnit } from "../core/distribute/split";
import type { ExistingSheet } from "../core/outputs/generatedNames";
import type { Roster } from "../core/roster";
import type { CollectResult } from "../core/distribute/collect";
import type { WorkbookActions } from "../taskpane/actions";
import { applyPatch } from "./applyPatch";
import { isRosterSheet } from "../core/roster/sheet";
import { checkable, readSheets } from "./readSheets";
import type { SheetInfo } from "./sheets";

const NO_MASTER = "没有找到责任分解表：请先导入或打开总表（含牵头单位等列的工作表）。";
const STALE =
  "回收的结果已过时：请重新点“回收进展”选择文件（工作簿在两步之间被导入或回收替换了）。";

/**
 * The open workbook's file name, as the files of 下发 record their master (for messages only:
 * matching goes by the tables). Hosts without a document URL give "当前工作簿".
 */
function workbookName(): string {
  let url = "";
  try {
    url = Office.context.document.url ?? "";
  } catch {
    // Excel on the web before the file is saved, and test hosts, have no URL.
  }
  return decodeURIComponent(url.replace(/^.*[\\/]/, "")) || "当前工作簿";
}

async function readOpenMaster(
  given: Roster | null
): Promise<{ master: Master; sheets: SheetInfo[] }> {
  const { sheets, read } = await readSheets((s) => checkable(s) || isRosterSheet(s));
  const master = readMaster(
    workbookName(),
    read.map(({ info, grid }) => ({ grid, generated: info.marker })),
    given
  );
  if (master.items.length === 0) throw new Error(NO_MASTER);
  return { master, sheets };
}

/** 下发 and 回收 in the open workbook: it is the master; the files are the pane's business. */
export function distributeActions(
  given: Roster | null
): Pick<WorkbookActions, "splitPlan" | "collectReturns" | "applyCollect"> {
  // What 回收's first step read, for its second: the result must come from the same master.
  let last: { master: Master; existing: ExistingSheet[]; result: CollectResult } | null = null;

  return {
    async splitPlan({ date }, onProgress) {
      onProgress("读取总表…", 0.1);
      const { master } = await readOpenMaster(given);
      onProgress("按单位拆分…", 0.5);
      return splitByUnit(master, { date });
    },

    async collectReturns({ sources, unreadable }, onProgress) {
      onProgress("读取总表…", 0.1);
      const { master, sheets } = await readOpenMaster(given);
      onProgress("对应各单位的回收文件…", 0.5);
      const result = collect(master, sources, unreadable);
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
      await applyPatch({
        sheets: collectPatch(master, result, picked, {
          checkDate,
          roster: master.roster,
          existing,
        }),
      });
      last = null;
      onProgress("回收完成", 1);
      const taken = [...picked.values()].filter((n) => n > 0).length;
      return {
        summary: `${result.summary}已写入总表和「回收情况」${taken > 0 ? `，其中 ${taken} 处按所选采用回收内容` : ""}。`,
      };
    },
  };
}
