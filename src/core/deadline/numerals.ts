const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Reads the small numbers of months, days and quarters: ASCII digits ("12") or Chinese numerals
 * up to 99 ("十二", "二十四", "三十一"). Returns NaN for anything else.
 */
export function smallNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const ten = text.indexOf("十");
  if (ten < 0) return text.length === 1 && text in CN_DIGITS ? CN_DIGITS[text] : NaN;
  const tensText = text.slice(0, ten);
  const unitsText = text.slice(ten + 1);
  const tens = tensText === "" ? 1 : tensText.length === 1 ? (CN_DIGITS[tensText] ?? NaN) : NaN;
  const units = unitsText === "" ? 0 : unitsText.length === 1 ? (CN_DIGITS[unitsText] ?? NaN) : NaN;
  return tens * 10 + units;
}
