import type { FieldKey } from "../../table/schema";
import type { Rule, RuleContext } from "../context";
import type { Issue } from "../schema";
import { compareTexts, type Difference } from "./compare";
import { crossReferences, type CrossReference, type ItemLink } from "./links";

const itemList = (items: readonly number[]) => items.join("、");

/** The note refers to a table that was not loaded with this one. */
export const xrefTargetMissing: Rule = {
  id: "xref.target-missing",
  check: (ctx) =>
    crossReferences(ctx)
      .filter((x) => x.target === null && x.table.rows.length > 0)
      .map((x) =>
        ctx.issue(
          "xref.target-missing",
          x.table,
          x.table.rows[0],
          "seq",
          { target: x.reference.target, items: itemList(x.reference.items) },
          x.table.note ?? ""
        )
      ),
};

/** The note lists more or fewer items than the table has rows. */
export const xrefCountMismatch: Rule = {
  id: "xref.count-mismatch",
  check: (ctx) =>
    crossReferences(ctx)
      .filter(
        (x) =>
          x.target !== null &&
          x.table.rows.length > 0 &&
          x.reference.items.length !== x.table.rows.length
      )
      .map((x) =>
        ctx.issue(
          "xref.count-mismatch",
          x.table,
          x.table.rows[0],
          "seq",
          {
            count: x.reference.items.length,
            items: itemList(x.reference.items),
            rows: x.table.rows.length,
          },
          x.table.note ?? ""
        )
      ),
};

/** A referenced item that the other table does not have. */
export const xrefItemMissing: Rule = {
  id: "xref.item-missing",
  check(ctx) {
    const issues: Issue[] = [];
    for (const x of crossReferences(ctx)) {
      for (const link of x.links) {
        if (link.targetRow !== null) continue;
        issues.push(
          ctx.issue(
            "xref.item-missing",
            x.table,
            link.row,
            "seq",
            {
              item: ctx.itemLabel(x.table, link.row),
              target: x.reference.target,
              targetSeq: link.item,
            },
            x.table.note ?? ""
          )
        );
      }
    }
    return issues;
  },
};

interface CellDifference {
  x: CrossReference;
  link: ItemLink;
  key: FieldKey;
  difference: Difference;
}

/** Every column the two tables share, compared once for both rules below. */
function differences(ctx: RuleContext): CellDifference[] {
  return ctx.once("xref.differences", () => {
    const out: CellDifference[] = [];
    for (const x of crossReferences(ctx)) {
      const target = x.target;
      if (!target) continue;
      const keys = x.table.columns
        .map((c) => c.key)
        .filter((k) => k !== "seq" && ctx.hasColumn(target, k));
      for (const link of x.links) {
        if (!link.targetRow) continue;
        for (const key of keys) {
          const difference = compareTexts(
            link.row.fields[key] ?? "",
            link.targetRow.fields[key] ?? ""
          );
          if (difference) out.push({ x, link, key, difference });
        }
      }
    }
    return out;
  });
}

/** A change of words is an error, quoted by its fragments; a change of separators or line breaks only is a hint. */
function differenceRule(id: "xref.text-differs" | "xref.spacing-differs"): Rule {
  const separatorsOnly = id === "xref.spacing-differs";
  return {
    id,
    check: (ctx) =>
      differences(ctx)
        .filter((d) => d.difference.separatorsOnly === separatorsOnly)
        .map(({ x, link, key, difference }) =>
          ctx.issue(
            id,
            x.table,
            link.row,
            key,
            {
              item: ctx.itemLabel(x.table, link.row),
              target: x.reference.target,
              targetSeq: link.item,
              ours: difference.ours.join("」「"),
              theirs: difference.theirs.join("」「"),
            },
            difference.ours.join("；")
          )
        ),
  };
}

export const xrefTextDiffers = differenceRule("xref.text-differs");
export const xrefSpacingDiffers = differenceRule("xref.spacing-differs");
