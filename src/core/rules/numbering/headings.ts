import { numberingOf, type Numbering } from "../../parse/numbering";
import type { FieldKey, Row, Table } from "../../table/schema";
import type { Rule, RuleContext } from "../context";
import type { Issue } from "../schema";

/** A heading's number in any style (十五、 （三） 2． (4) ⑤); a bare number is no heading. */
function headingNumber(text: string): Numbering | null {
  const numbering = numberingOf(text);
  return numbering && numbering.style !== "plain" ? numbering : null;
}

const DIGITS = "零一二三四五六七八九";

/** 1–99 in Chinese numerals, the way headings are numbered (十四, 二十, 二十一). */
export function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return DIGITS[units];
  return (tens > 1 ? DIGITS[tens] : "") + "十" + (units > 0 ? DIGITS[units] : "");
}

/** The label of number n printed in the style of h: 十四、 （十四） 14． (14) ⑭. */
function label(h: Numbering, n: number): string {
  const cn = chineseNumber(n);
  switch (h.style) {
    case "cn":
      return cn + h.label.slice(-1);
    case "cnParen":
      return `（${cn}）`;
    case "paren":
      return `（${n}）`;
    case "circled":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    default:
      return String(n) + h.label.slice(-1);
  }
}

interface Heading {
  text: string;
  number: Numbering;
  /** The first row under the heading. */
  row: Row;
}

/** The headings a table is grouped by: each distinct run of values, in order, with its number. */
function headings(table: Table, read: (row: Row) => string | null): Heading[] {
  const out: Heading[] = [];
  let last: string | null = null;
  for (const row of table.rows) {
    const text = read(row);
    if (text === null || text.trim() === "" || text === last) continue;
    last = text;
    const number = headingNumber(text);
    if (number) out.push({ text: text.trim(), number, row });
  }
  return out;
}

interface HeadingKind {
  /** The column the issue points at; a section row is printed across the 序号 column. */
  key: FieldKey;
  read(row: Row): string | null;
  label(ctx: RuleContext, table: Table): string;
  applies(ctx: RuleContext, table: Table): boolean;
}

const KINDS: HeadingKind[] = [
  {
    key: "seq",
    read: (row) => row.section,
    label: () => "分节",
    applies: (_ctx, table) => table.rows.some((r) => r.section !== null),
  },
  {
    key: "category",
    read: (row) => row.fields.category ?? null,
    label: (ctx, table) => ctx.columnTitle(table, "category"),
    applies: (ctx, table) => ctx.hasColumn(table, "category"),
  },
  {
    key: "domain",
    read: (row) => row.fields.domain ?? null,
    label: (ctx, table) => ctx.columnTitle(table, "domain"),
    applies: (ctx, table) => ctx.hasColumn(table, "domain"),
  },
];

const firstWords = (h: Heading) => h.number.label || h.text;

const restartsInSection = (previous: Heading, current: Heading) =>
  previous.row.section !== current.row.section && current.number.n === 1;

type StepCheck = (previous: Heading, current: Heading) => Record<string, string> | null;

/** A rule over every pair of consecutive numbered headings; `problem` returns the message's extra words, or null. */
function headingRule(
  id: "numbering.heading-gap" | "numbering.heading-order",
  problem: StepCheck
): Rule {
  return {
    id,
    check(ctx) {
      const issues: Issue[] = [];
      for (const table of ctx.tables) {
        for (const kind of KINDS) {
          if (!kind.applies(ctx, table)) continue;
          const list = headings(table, kind.read);
          for (let i = 1; i < list.length; i++) {
            const [previous, current] = [list[i - 1], list[i]];
            // Sub-headings numbered afresh in each section ((一) again under 二、) are a style.
            if (kind.key !== "seq" && restartsInSection(previous, current)) continue;
            const extra = problem(previous, current);
            if (!extra) continue;
            const params = {
              label: kind.label(ctx, table),
              previous: firstWords(previous),
              current: firstWords(current),
              ...extra,
            };
            issues.push(ctx.issue(id, table, current.row, kind.key, params, current.text));
          }
        }
      }
      return issues;
    },
  };
}

/** 十三、 followed by 十五、: 十四、 is missing. */
export const headingGap = headingRule("numbering.heading-gap", (previous, current) => {
  const missing: string[] = [];
  for (let n = previous.number.n + 1; n < current.number.n; n++)
    missing.push(label(current.number, n));
  return missing.length > 0 ? { missing: missing.join("」「") } : null;
});

/** A heading number repeated or going back (三、 after 五、). */
export const headingOrder = headingRule("numbering.heading-order", (previous, current) =>
  current.number.n > previous.number.n ? null : {}
);
