import type { NameKind, NamePart } from "../../roster/schema";
import type { RuleId } from "../catalogue";
import type { Rule, RuleContext } from "../context";
import { groupParts, rowList } from "./nameCells";
import { shortFormOf } from "./shortForm";

/** One issue per name, table and column for the parts `pick` accepts. */
function perName(
  id: RuleId,
  kind: NameKind,
  pick: (ctx: RuleContext, part: NamePart) => boolean
): Rule {
  return {
    id,
    check: (ctx) =>
      groupParts(ctx, kind, (part) => pick(ctx, part)).map((g) =>
        ctx.issue(
          id,
          g.table,
          g.first,
          g.key,
          { name: g.part.text, canonical: g.part.canonical ?? "", rows: rowList(g.rows) },
          g.part.text
        )
      ),
  };
}

const unknown = (_ctx: RuleContext, part: NamePart) => part.status === "unknown";

export const leaderUnknown = perName("leader.unknown", "leader", unknown);
export const unitUnknown = perName("unit.unknown", "unit", unknown);
export const leaderAlias = perName(
  "leader.alias",
  "leader",
  (_ctx, part) => part.status === "alias"
);
/** Aliases that are more than the district's name left out; those are summarised by unit.short-form. */
export const unitAlias = perName(
  "unit.alias",
  "unit",
  (ctx, part) => part.status === "alias" && shortFormOf(ctx.roster, part) === null
);
