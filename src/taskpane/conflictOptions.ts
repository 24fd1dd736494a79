import type { Conflict } from "../core/outputs/backfill";

/** A value the user may keep for a conflict, as the pane offers it. */
export interface ConflictOption {
  label: string;
  value: string;
}

/** Names a conflict among the others of one 回填: its master cell (one conflict per cell). */
export function conflictKey(conflict: Conflict): string {
  const { sheet, row, col } = conflict.masterCell;
  return `${sheet}!${row},${col}`;
}

/**
 * The master's value, then the unit sheets' value; when units typed different values, one
 * choice per value, naming the sheets that typed it.
 */
export function conflictOptions(conflict: Conflict): ConflictOption[] {
  const byValue = new Map<string, { value: string; sheets: string[] }>();
  for (const edit of conflict.edits) {
    const key = edit.value.trim();
    const entry = byValue.get(key) ?? { value: edit.value, sheets: [] };
    entry.sheets.push(edit.sheet);
    byValue.set(key, entry);
  }
  const units = [...byValue.values()];
  return [
    { label: "用总表的", value: conflict.master },
    ...(units.length === 1
      ? [{ label: "用单位表的", value: units[0].value }]
      : units.map((u) => ({ label: `用「${u.sheets.join("、")}」的`, value: u.value }))),
  ];
}
