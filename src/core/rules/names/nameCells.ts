import { NAME_KEYS, type NameKind, type NamePart, type NameSplit } from "../../roster/schema";
import type { FieldKey, Row, Table } from "../../table/schema";
import type { Cell, RuleContext } from "../context";

export interface NameCell extends Cell {
  split: NameSplit;
}

/** Every leader or unit cell with its own text, split into names with the roster; built once per validation. */
export function nameCells(ctx: RuleContext, kind: NameKind): readonly NameCell[] {
  return ctx.once(`names.${kind}`, () =>
    // concat, not flatMap: V8 flattens a long array several times slower element by element.
    ([] as NameCell[]).concat(
      ...ctx.tables.map((table) =>
        ctx
          .cells(table, NAME_KEYS[kind])
          // A literal of known shape: V8 (Node 20) builds it faster than Object.assign or spread.
          .map(({ table: t, row, key, text }) => ({
            table: t,
            row,
            key,
            text,
            split: ctx.names(text, kind),
          }))
      )
    )
  );
}

/** "第14行", "第23、24行", "第1、3、5、7、9等12行". */
export function rowList(rows: readonly number[]): string {
  const shown = rows.length > 6 ? rows.slice(0, 5) : rows;
  return `第${shown.join("、")}${rows.length > shown.length ? `等${rows.length}` : ""}行`;
}

export interface NameGroup {
  table: Table;
  key: FieldKey;
  first: Row;
  /** 1-based sheet rows the name is written in. */
  rows: number[];
  part: NamePart;
}

/**
 * The parts that `pick` accepts, grouped by table, column and normalised name, so that one
 * name written wrongly in many rows is one issue listing its rows.
 */
export function groupParts(
  ctx: RuleContext,
  kind: NameKind,
  pick: (part: NamePart) => boolean
): NameGroup[] {
  const groups = new Map<string, NameGroup>();
  for (const cell of nameCells(ctx, kind)) {
    for (const part of cell.split.parts) {
      if (!pick(part)) continue;
      const id = `${cell.table.id}\u0000${cell.key}\u0000${part.normalised}`;
      const group = groups.get(id);
      if (!group)
        groups.set(id, {
          table: cell.table,
          key: cell.key,
          first: cell.row,
          rows: [ctx.sheetRow(cell.table, cell.row)],
          part,
        });
      else {
        const row = ctx.sheetRow(cell.table, cell.row);
        if (group.rows[group.rows.length - 1] !== row) group.rows.push(row);
      }
    }
  }
  return [...groups.values()];
}
