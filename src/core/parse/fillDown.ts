import type { FieldKey, Fields } from "../table/schema";
import type { HeaderVocabulary } from "./vocabulary";

export interface DraftRow {
  fields: Fields;
  merged: FieldKey[];
  section: string | null;
}

/**
 * Text cannot always tell a vertically merged cell from an empty one (Word drops the merge
 * when a table is copied out). The rule that fits these tables, per column (seeds/columns.json):
 * - fillDown "always" — 涉及领域, 工作明细, 分管领导, 类别 are never legitimately empty, so an empty
 *   one continues the cell above, within the same section;
 * - fillDown "withDetail" — an empty 配合单位 continues only when the row's 工作明细 does too
 *   (the rows share one merged block), because a row may simply have no cooperating unit;
 * - "never" — empty means empty.
 * The first row of a section has nothing above it to continue, so it stays empty and is reported.
 * Keys already in `merged` (known merges from a sheet's merged areas) are left as they are.
 */
export function fillDownMerged(
  rows: DraftRow[],
  keys: readonly FieldKey[],
  vocabulary: HeaderVocabulary
): void {
  // "never" columns are left out up front: most columns are, and this runs for every cell.
  const ordered = keys
    .filter((key) => vocabulary.fillDown(key) !== "never")
    .sort((a, b) => rank(vocabulary, a) - rank(vocabulary, b));
  const policies = ordered.map((key) => vocabulary.fillDown(key));
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    const above = rows[i - 1];
    if (row.section !== above.section) continue;
    for (let k = 0; k < ordered.length; k++) {
      const key = ordered[k];
      if ((row.fields[key] ?? "").trim() !== "" || row.merged.includes(key)) continue;
      const continues = policies[k] === "always" || row.merged.includes("detail");
      const value = above.fields[key] ?? "";
      if (continues && value.trim() !== "") {
        row.fields[key] = value;
        row.merged.push(key);
      }
    }
  }
}

/** "withDetail" columns are decided after the columns they depend on. */
function rank(vocabulary: HeaderVocabulary, key: FieldKey): number {
  return vocabulary.fillDown(key) === "withDetail" ? 1 : 0;
}
