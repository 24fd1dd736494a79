import { smallNumber } from "../../deadline/numerals";
import type { FieldKey, Row, Table } from "../../table/schema";
import type { Rule, RuleContext } from "../context";
import type { Issue } from "../schema";

/** 十五、建设智慧平安社区 (sections, 民心工程 categories). */
const CHINESE_HEADING = /^\s*([一二三四五六七八九十]+)([、．.])/;
/** 2．加快提升创新策源能力 (涉及领域). */
const ARABIC_HEADING = /^\s*([0-9０-９]+)\s*([．.、])/;

interface HeadingNumber {
  n: number;
  chinese: boolean;
  mark: string;
}

function headingNumber(text: string): HeadingNumber | null {
  const cn = CHINESE_HEADING.exec(text);
  if (cn) {
    const n = smallNumber(cn[1]);
    return Number.isNaN(n) ? null : { n, chinese: true, mark: cn[2] };
  }
  const ar = ARABIC_HEADING.exec(text);
  if (!ar) return null;
  return {
    n: Number(ar[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))),
    chinese: false,
    mark: ar[2],
  };
}

const DIGITS = "零一二三四五六七八九";

/** 1–99 in Chinese numerals, the way headings are numbered (十四, 二十, 二十一). */
export function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return DIGITS[units];
  return (tens > 1 ? DIGITS[tens] : "") + "十" + (units > 0 ? DIGITS[units] : "");
}

const label = (h: HeadingNumber, n: number) => (h.chinese ? chineseNumber(n) : String(n)) + h.mark;

interface Heading {
  text: string;
  number: HeadingNumber;
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

const firstWords = (h: Heading) => h.text.slice(0, h.text.search(/[、．.]/) + 1) || h.text;

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
