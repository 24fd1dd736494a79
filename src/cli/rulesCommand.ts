import { CATEGORY_LABEL, RULE_CATALOGUE, SEVERITY_LABEL } from "../core/rules";

/** `duban rules`: the rule catalogue as a Markdown table, for the README's rule list. */
export function rulesMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const lines = [
    "| 规则 | 类别 | 级别 | 名称 | 说明 |",
    "|---|---|---|---|---|",
    ...RULE_CATALOGUE.map(
      (r) =>
        `| \`${r.id}\` | ${CATEGORY_LABEL[r.category]} | ${SEVERITY_LABEL[r.severity]} | ${cell(r.title)} | ${cell(r.description)} |`
    ),
  ];
  return lines.join("\n") + "\n";
}
