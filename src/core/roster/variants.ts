/**
 * When two unit names (normalised) are one unit written two ways. Every test is on the names
 * alone, so learning a 名册 needs no list of any district's units:
 *
 * - a place prefix: 区市场监管局 / 市场监管局, 县财政局 / 财政局;
 * - a bracketed sub-office or second nameplate: 农业农村委（绿屏办） / 农业农村委;
 * - a short form or an inserted place name: the shorter is the longer with one or two characters
 *   left out, same first and last character (区医保局 / 区医疗保障局, 应急局 / 应急管理局,
 *   公安分局 / 公安津南分局, 交通运输局 / 交通运输管理局). Three or more left out is another unit
 *   as often as not (公安局 / 公安交通管理局), so it is not taken.
 */

const PLACE_PREFIX = /^[区县市旗]/;
const BRACKETED = /^(.+?)（[^（）]+）$/;

/** 农业农村委（绿屏办） → 农业农村委; a name without a bracketed tail is its own base. */
export function bracketBase(key: string): string {
  return BRACKETED.exec(key)?.[1] ?? key;
}

/** The forms a name is compared in: as written, and without a one-character place prefix. */
function stems(key: string): string[] {
  const base = bracketBase(key);
  return PLACE_PREFIX.test(base) && base.length >= 3 ? [base, base.slice(1)] : [base];
}

/** `short` is `long` with one or two characters left out, first and last kept. */
function abbreviates(short: string, long: string): boolean {
  const gap = long.length - short.length;
  if (gap < 1 || gap > 2 || short.length < 3) return false;
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let at = 0;
  for (const ch of long) if (at < short.length && ch === short[at]) at++;
  return at === short.length;
}

/** True when a and b are written forms of one unit. */
export function sameUnit(a: string, b: string): boolean {
  for (const x of stems(a))
    for (const y of stems(b)) if (x === y || abbreviates(x, y) || abbreviates(y, x)) return true;
  return false;
}
