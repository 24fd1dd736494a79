import type { FieldKey, Table } from "../../table/schema";
import type { RuleContext } from "../context";

/** Columns of names, where spaces separate names or pad them (薛彤（全角空格）): only their ends are text matters. */
export const NAME_COLUMNS: ReadonlySet<FieldKey> = new Set(["leader", "lead", "coop", "cityUnit"]);

/** The columns the text rules read: every one but 序号. */
export function textKeys(ctx: RuleContext, table: Table): FieldKey[] {
  return table.columns.map((c) => c.key).filter((k) => k !== "seq" && ctx.hasColumn(table, k));
}
