import { cellText } from "../grid/cellText";
import type { Grid } from "../grid/schema";
import type { Choice, Decision } from "./collect";

/** The header of 回收情况's 待确认 list; 处理 (last) is the option taken, a drop-down. */
export const DECISION_HEADER = [
  "类型",
  "单位",
  "文件",
  "表",
  "序号",
  "事项",
  "列",
  "总表内容",
  "回收内容",
  "处理",
] as const;

const KIND_LABEL: Record<Decision["kind"], string> = {
  value: "与总表不一致",
  duplicate: "同一单位两份文件不一致",
  protected: "改动了锁定列",
  orphan: "总表中已无此事项",
};

/** An option's label as the 处理 drop-down lists it (a list item cannot hold a comma). */
export function optionLabel(choice: Choice): string {
  return choice.label.replace(/,/g, "，");
}

/** A decision's line in 回收情况: what it is about, then the option taken. */
export function decisionCells(d: Decision, taken: Choice): string[] {
  return [...decisionKey(d), optionLabel(taken)];
}

/** The cells before 处理: a line whose cells are all the same is about the same decision. */
function decisionKey(d: Decision): string[] {
  return [
    KIND_LABEL[d.kind],
    d.unit,
    d.files.join("、"),
    d.table,
    d.seq ?? "",
    d.task,
    d.field,
    d.master,
    d.returned,
  ];
}

export interface RecordedChoices {
  /** Per decision of this 回收 found in the sheet, the option its 处理 names. */
  choices: Map<Decision, number>;
  /** Lines of the sheet that say nothing usable, each in Chinese naming its row. */
  notes: string[];
}

const BAND = /^[一二三四五六七八九十]+、/;
const text = (v: Grid["values"][number][number] | undefined) => cellText(v ?? null).trim();

/**
 * The 处理 a user chose in a 回收情况 sheet (written by an earlier 回收, then edited), taken over
 * by this 回收's decisions: a line counts for the decision whose every other cell it repeats, so
 * a choice made before the master or a return changed is not applied to something else. Lines
 * about no decision of this 回收 (settled since, or changed) and 处理 that name no option of
 * their decision are reported. Pure.
 */
export function recordedChoices(grid: Grid, decisions: readonly Decision[]): RecordedChoices {
  const choices = new Map<Decision, number>();
  const notes: string[] = [];
  const rows = grid.values;
  const header = rows.findIndex((row) =>
    DECISION_HEADER.every((title, c) => text(row[c]) === title)
  );
  if (header < 0) return { choices, notes };
  const byKey = new Map(
    decisions.map((d) => [
      decisionKey(d)
        .map((c) => c.trim())
        .join("\u0001"),
      d,
    ])
  );
  let stale = 0;
  for (let r = header + 1; r < rows.length; r++) {
    const cells = DECISION_HEADER.map((_, c) => text(rows[r][c]));
    if (BAND.test(cells[0])) break;
    if (cells.every((c) => c === "")) continue;
    const decision = byKey.get(cells.slice(0, -1).join("\u0001"));
    if (!decision) {
      stale += 1;
      continue;
    }
    const picked = cells[cells.length - 1];
    const at = decision.options.findIndex((o) => optionLabel(o) === picked);
    if (at >= 0) choices.set(decision, at);
    else if (picked !== "")
      notes.push(
        `「${grid.sheet}」第 ${grid.top + r + 1} 行的处理「${picked}」不是可选项（${decision.options.map(optionLabel).join("、")}），此处按默认处理。`
      );
  }
  if (stale > 0)
    notes.push(
      `「${grid.sheet}」中有 ${stale} 处待确认与本次回收对不上（总表或回收文件已变，或已不再冲突），其处理未采用。`
    );
  return { choices, notes };
}
