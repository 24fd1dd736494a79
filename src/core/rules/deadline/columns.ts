import type { FieldKey, Table } from "../../table/schema";
import type { RuleContext } from "../context";

export const QUARTERS = ["q1", "q2", "q3", "q4"] as const satisfies readonly FieldKey[];

/** A table with 阶段性目标 (民心工程): its timeline is the quarter columns, not the detail text. */
export function hasQuarterColumns(ctx: RuleContext, table: Table): boolean {
  return QUARTERS.some((q) => ctx.hasColumn(table, q));
}
