import { smallNumber } from "../deadline/numerals";

/**
 * The numbering styles of Chinese official documents, outermost first: 一、 / （一） / 1. 1、 /
 * (1) 1） / ①, and a bare 1 as a 序号 cell prints it.
 */
export const NUMBER_STYLES = ["cn", "cnParen", "arabic", "paren", "circled", "plain"] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];

export interface Numbering {
  style: NumberStyle;
  n: number;
  /** The label as printed (（一）, 1、), without the text after it. */
  label: string;
  /** What follows the label. */
  rest: string;
}

const FULL_DIGIT = /[０-９]/g;
const toAscii = (text: string) => text.replace(FULL_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10));

/** Each style's pattern; group 1 holds the number. "1.5万" is a figure, not a label. */
const PATTERNS: [NumberStyle, RegExp][] = [
  ["cn", /^\s*([一二三四五六七八九十]+)\s*[、．.]/],
  ["cnParen", /^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]/],
  ["paren", /^\s*[（(]\s*([0-9０-９]+)\s*[）)]|^\s*([0-9０-９]+)\s*[）)]/],
  ["arabic", /^\s*([0-9０-９]+)\s*(?:[、，]|[．.](?![0-9０-９]))/],
  ["circled", /^\s*([①-⑳])/],
  ["plain", /^\s*([0-9０-９]+)\s*$/],
];

/** The numbering a text starts with, or null. */
export function numberingOf(text: string): Numbering | null {
  for (const [style, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const raw = m[1] ?? m[2];
    const n =
      style === "circled"
        ? raw.charCodeAt(0) - 0x2460 + 1
        : style === "cn" || style === "cnParen"
          ? smallNumber(raw)
          : Number(toAscii(raw));
    if (!Number.isFinite(n)) return null;
    return { style, n, label: m[0].trim(), rest: text.slice(m[0].length).trim() };
  }
  return null;
}

const DEPTH: Record<NumberStyle, number> = {
  cn: 0,
  cnParen: 1,
  arabic: 2,
  plain: 2,
  paren: 3,
  circled: 4,
};

/** How deep a style sits: 一、 is 0, （一） 1, 1. 1、 and a bare 1 are 2, (1) 3, ① 4. */
export function styleDepth(style: NumberStyle): number {
  return DEPTH[style];
}

/** The style most of the given labels are printed in, or null when none has a numbering. */
export function dominantStyle(labels: readonly string[]): NumberStyle | null {
  const counts = new Map<NumberStyle, number>();
  for (const label of labels) {
    const style = numberingOf(label)?.style;
    if (style) counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  let best: NumberStyle | null = null;
  for (const [style, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = style;
  return best;
}
