import { RULE_CATALOGUE } from "../core/rules/catalogue";
import { CATEGORY_LABEL, type Severity } from "../core/rules/schema";
import type { LocatedIssue } from "./actions";

export type SeverityFilter = "all" | Severity;

export interface IssueGroup {
  rule: string;
  /** The rule's Chinese title from the catalogue (序号缺失). */
  title: string;
  severity: Severity;
  issues: LocatedIssue[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const catalogueOrder = new Map(RULE_CATALOGUE.map((rule, i) => [rule.id, i]));
const catalogueTitle = new Map(RULE_CATALOGUE.map((rule) => [rule.id, rule.title]));

/**
 * The issues that pass the filter, one group per rule: errors first, then warnings, then hints,
 * in catalogue order within a severity; issues keep the order the workflow gave them.
 */
export function groupIssues(issues: readonly LocatedIssue[], filter: SeverityFilter): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    if (filter !== "all" && issue.severity !== filter) continue;
    let group = groups.get(issue.rule);
    if (!group) {
      // A rule missing from the catalogue (a newer engine) still gets a Chinese heading.
      const title = catalogueTitle.get(issue.rule) ?? CATEGORY_LABEL[issue.category];
      group = { rule: issue.rule, title, severity: issue.severity, issues: [] };
      groups.set(issue.rule, group);
    }
    group.issues.push(issue);
  }
  const order = (g: IssueGroup) => catalogueOrder.get(g.rule) ?? RULE_CATALOGUE.length;
  return [...groups.values()].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order(a) - order(b)
  );
}
