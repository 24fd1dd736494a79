import type { FieldKey, Table } from "../../table/schema";
import type { Cell, RuleContext } from "../context";

/** Columns of names, where spaces separate names or pad them (薛彤（全角空格）): only their ends are text matters. */
export const NAME_COLUMNS: ReadonlySet<FieldKey> = new Set(["leader", "lead", "coop", "cityUnit"]);

/** Every cell with its own text, in every column but 序号. */
export function textCells(ctx: RuleContext, table: Table): readonly Cell[] {
  return ctx.cells(
    table,
    table.columns.map((c) => c.key).filter((k) => k !== "seq")
  );
}
