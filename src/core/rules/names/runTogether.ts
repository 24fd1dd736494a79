import type { NameKind, NamePart } from "../../roster/schema";
import type { RuleId } from "../catalogue";
import type { Rule } from "../context";
import type { Issue } from "../schema";
import { nameCells } from "./nameCells";

/**
 * The chains of names written with nothing between them (于瑞均薛  彤 in "于瑞均薛  彤 罗振胜"),
 * found by locating each part in the cell in order.
 */
export function runTogetherChains(cell: string, parts: readonly NamePart[]): NamePart[][] {
  const chains: NamePart[][] = [];
  let from = 0;
  let previousEnd = -1;
  let chain: NamePart[] = [];
  for (const part of parts) {
    const at = cell.indexOf(part.text, from);
    if (at < 0) return [];
    if (at === previousEnd) chain.push(part);
    else {
      if (chain.length > 1) chains.push(chain);
      chain = [part];
    }
    previousEnd = from = at + part.text.length;
  }
  if (chain.length > 1) chains.push(chain);
  return chains;
}

function runTogether(id: RuleId, kind: NameKind): Rule {
  return {
    id,
    check(ctx) {
      const issues: Issue[] = [];
      for (const cell of nameCells(ctx, kind)) {
        if (!cell.split.runTogether) continue;
        for (const chain of runTogetherChains(cell.text, cell.split.parts)) {
          const text = chain.map((p) => p.text).join("");
          const suggestion = chain.map((p) => p.text).join("、");
          issues.push(ctx.issue(id, cell.table, cell.row, cell.key, { text, suggestion }, text));
        }
      }
      return issues;
    },
  };
}

export const leaderRunTogether = runTogether("leader.run-together", "leader");
export const unitRunTogether = runTogether("unit.run-together", "unit");
