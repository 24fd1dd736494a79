import type { Row, Table } from "../../table/schema";
import type { Rule } from "../context";
import type { Issue } from "../schema";
import { nameCells } from "./nameCells";

interface Form {
  text: string;
  count: number;
  table: Table;
  row: Row;
}

/** How a name's inner whitespace is written, in words (2个半角空格, 全角空格, 无空格). */
export function spacingOf(name: string): string {
  const spaces = [...name].filter((ch) => /\s/.test(ch));
  if (spaces.length === 0) return "无空格";
  const count = spaces.length > 1 ? `${spaces.length}个` : "";
  if (spaces.every((ch) => ch === "\u3000")) return `${count}全角空格`;
  if (spaces.every((ch) => ch === " ")) return `${count}半角空格`;
  return "空格及特殊空白字符";
}

/**
 * A two-character name with one full-width space inside. A surrogate pair is one character (a rare
 * surname of CJK Extension B): written out, as ES5 regexes have no u flag.
 */
const TWO_CHARS_FULL_WIDTH_SPACE =
  /^(?:[\ud800-\udbff][\udc00-\udfff]|[^\s])\u3000(?:[\ud800-\udbff][\udc00-\udfff]|[^\s])$/;

/**
 * The form to keep: the one most cells use (薛  彤, 21 cells, over 薛\u3000彤, 12); on a tie the
 * roster's own spelling, then the 公文 convention of one full-width space inside a
 * two-character name, then the form met first.
 */
function preferredForm(forms: Form[], rosterName: string): Form {
  const most = forms.reduce((m, f) => Math.max(m, f.count), -Infinity);
  const tied = forms.filter((f) => f.count === most);
  return (
    tied.find((f) => f.text === rosterName) ??
    tied.find((f) => TWO_CHARS_FULL_WIDTH_SPACE.test(f.text)) ??
    tied[0]
  );
}

/**
 * One person written with different spacing across rows and tables (薛彤（全角空格） / 薛  彤): one issue
 * per variant, at its first occurrence, not one per row.
 */
export const leaderSpacing: Rule = {
  id: "leader.spacing",
  check(ctx) {
    const people = new Map<string, { canonical: string; forms: Map<string, Form> }>();
    for (const cell of nameCells(ctx, "leader")) {
      for (const part of cell.split.parts) {
        if (part.canonical === null) continue;
        let person = people.get(part.normalised);
        if (!person)
          people.set(part.normalised, (person = { canonical: part.canonical, forms: new Map() }));
        const form = person.forms.get(part.text);
        if (form) form.count++;
        else
          person.forms.set(part.text, {
            text: part.text,
            count: 1,
            table: cell.table,
            row: cell.row,
          });
      }
    }
    const issues: Issue[] = [];
    for (const { canonical, forms } of people.values()) {
      if (forms.size < 2) continue;
      const all = [...forms.values()];
      const preferred = preferredForm(all, canonical);
      for (const variant of all) {
        if (variant === preferred) continue;
        issues.push(
          ctx.issue(
            "leader.spacing",
            variant.table,
            variant.row,
            "leader",
            {
              variant: variant.text,
              variantSpacing: spacingOf(variant.text),
              count: variant.count,
              preferredCount: preferred.count,
              preferred: preferred.text,
              preferredSpacing: spacingOf(preferred.text),
            },
            variant.text
          )
        );
      }
    }
    return issues;
  },
};
