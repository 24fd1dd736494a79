import type { Rule } from "../context";
import type { Issue } from "../schema";
import { nameCells, type NameCell } from "./nameCells";
import { shortFormOf } from "./shortForm";

/**
 * Units written without the district's name (发展改革委 for 区发展改革委) are a table's house
 * style, not a mistake in any one row: one summary per table, at the first such name.
 */
export const unitShortForm: Rule = {
  id: "unit.short-form",
  check(ctx) {
    const perTable = new Map<
      string,
      { first: NameCell; example: string; full: string; count: number; units: Set<string> }
    >();
    for (const cell of nameCells(ctx, "unit")) {
      for (const part of cell.split.parts) {
        const full = shortFormOf(ctx.roster, part);
        if (full === null) continue;
        const seen = perTable.get(cell.table.id);
        if (seen) {
          seen.count++;
          seen.units.add(full);
          if (cell.row.row < seen.first.row.row)
            Object.assign(seen, { first: cell, example: part.text, full });
        } else {
          perTable.set(cell.table.id, {
            first: cell,
            example: part.text,
            full,
            count: 1,
            units: new Set([full]),
          });
        }
      }
    }
    const issues: Issue[] = [];
    for (const { first, example, full, count, units } of perTable.values()) {
      issues.push(
        ctx.issue(
          "unit.short-form",
          first.table,
          first.row,
          first.key,
          { count, example, exampleCanonical: full, units: units.size },
          example
        )
      );
    }
    return issues;
  },
};
