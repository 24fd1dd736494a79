/**
 * Figures in running text: an Arabic number with a measure word (1200个, 0.6万人次, 200万元,
 * 92%以上, ≥95%, 500-1000人). Years, months, list markers (1．), ordinals (第2项) and codes
 * (PM2.5, 6号线, 5G) carry no measure word from the list and are not figures.
 */
export interface Figure {
  /** The number with 万 / 亿 applied; for a range, its low end. */
  value: number;
  /** The high end of a range, else the same as value. */
  high: number;
  /** The measure word (个, 人次, 元, %, 平方米 …). */
  unit: string;
  /** As written, with words such as 以上, 累计 left out but ≥, 余, 左右 kept. */
  text: string;
  /** Span in the text. */
  index: number;
  end: number;
}

/** Longest first where one is the start of another (人次 before 人, 平方米 before 米). */
const UNITS = [
  "平方米",
  "平米",
  "立方米",
  "千瓦",
  "公里",
  "千米",
  "人次",
  "批次",
  "元",
  "人",
  "户",
  "个",
  "家",
  "所",
  "条",
  "台",
  "座",
  "处",
  "项",
  "场",
  "张",
  "名",
  "部",
  "眼",
  "亩",
  "吨",
  "间",
  "套",
  "辆",
  "次",
  "件",
  "种",
  "米",
  "%",
  "‰",
].join("|");

/**
 * number, range end, 万/亿, measure word. It starts with a digit, which lets the engine skip
 * ahead to digits; what stands before a match is checked by hand (a lookbehind would not).
 */
const FIGURE = new RegExp(
  `(\\d+(?:\\.\\d+)?)(?:(?:-|－|~|～|至|到)(\\d+(?:\\.\\d+)?))?(万|亿)?(?:余|多)?(${UNITS})(?:以上|以下|左右)?`,
  "g"
);
/** A number right after these is part of a code, a decimal or an ordinal (PM2.5, 4#, 第2项), not a figure. */
function partOfCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    code === 0x2e || // .
    code === 0x23 || // #
    code === 0x7b2c // 第
  );
}
const COMPARATORS = "≥≤＞＜><";

const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * 1.1亿 is 110000000, not 110000000.00000001. A number of at most 12 significant digits
 * (nearly all) is read as written: rounding it to 12 digits would give it back unchanged.
 */
const scaled = (num: string, scale: number) =>
  scale === 1 && num.length <= 12 ? Number(num) : Number((Number(num) * scale).toPrecision(12));

/** Full-width digits folded one for one, so that spans stay valid in the original text. */
const FULL_WIDTH_DIGIT = /[０-９]/;
const foldDigits = (text: string) =>
  FULL_WIDTH_DIGIT.test(text)
    ? text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    : text;

/** Whether a UTF-16 code unit ends a clause or a list item: ，,。；;：:、 and the line break. */
function endsClause(code: number): boolean {
  switch (code) {
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0x3002: // 。
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0xff1a: // ：
    case 0x3a: // :
    case 0x3001: // 、
    case 0x0a: // line break
      return true;
    default:
      return false;
  }
}

/** The text of the clause before `index` (累计培训 in "开展培训512人，累计培训2012人"). */
export function clauseBefore(text: string, index: number): string {
  let from = index;
  while (from > 0 && !endsClause(text.charCodeAt(from - 1))) from--;
  return text.slice(from, index);
}

/** The text after `end` up to the end of its clause (智慧平安社区建设 in "完成172个智慧平安社区建设。"). */
export function clauseAfter(text: string, end: number): string {
  let to = end;
  while (to < text.length && !endsClause(text.charCodeAt(to))) to++;
  return text.slice(end, to);
}

const HAS_DIGIT = /[0-9０-９]/;

export function figuresIn(text: string): Figure[] {
  if (!HAS_DIGIT.test(text)) return [];
  const folded = foldDigits(text);
  const out: Figure[] = [];
  // exec on the one global regex: matchAll would copy the regex for every text.
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(folded); m; m = FIGURE.exec(folded)) {
    const start = m.index;
    if (start > 0 && partOfCode(folded.charCodeAt(start - 1))) continue;
    const scale = SCALE[m[3] ?? ""] ?? 1;
    const value = scaled(m[1], scale);
    const high = m[2] === undefined ? value : scaled(m[2], scale);
    const end = start + m[0].length;
    const index = start > 0 && COMPARATORS.includes(folded[start - 1]) ? start - 1 : start;
    out.push({
      value,
      high: Math.max(value, high),
      unit: m[4],
      text: text.slice(index, end),
      index,
      end,
    });
  }
  return out;
}

/** Two figures that can stand for the same amount: equal, or overlapping ranges. */
export function sameAmount(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && a.value <= b.high && b.value <= a.high;
}
