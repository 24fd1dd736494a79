/**
 * The patterns read a folded copy of the input: whitespace removed ("12 月底" → "12月底"),
 * full-width digits, Latin letters and dashes folded (１２月 → 12月, Ｑ３ → Q3, 2021－2022 → 2021-2022).
 * Every character of the copy remembers where it came from, so that a match is reported as a
 * span of the original text.
 */
export interface CompactText {
  text: string;
  /** offsets[i] is the index in the original of text[i]; null when nothing was changed. */
  offsets: Int32Array | null;
}

const NEEDS_FOLDING =
  /[\s\u200b-\u200d\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff5e\uff0e\u2013-\u2015\u2212]/;
const WHITESPACE = /\s/;

function isDropped(code: number, ch: string): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0xfeff || WHITESPACE.test(ch);
}

/** The folded form of one character, or the character itself. */
function fold(code: number, ch: string): string {
  if (
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  ) {
    return String.fromCharCode(code - 0xfee0);
  }
  switch (code) {
    case 0xff0d: // －
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // ―
    case 0x2212: // −
      return "-";
    case 0xff5e: // ～
      return "~";
    case 0xff0e: // ．
      return ".";
    default:
      return ch;
  }
}

export function compactText(source: string): CompactText {
  if (!NEEDS_FOLDING.test(source)) return { text: source, offsets: null };
  let text = "";
  const offsets = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const code = source.charCodeAt(i);
    // Plain CJK and ASCII letters/digits/punctuation need neither dropping nor folding.
    const plain = (code > 0x20 && code < 0x7f) || (code >= 0x3400 && code < 0xfe00);
    if (!plain && isDropped(code, ch)) continue;
    offsets[text.length] = i;
    text += plain ? ch : fold(code, ch);
  }
  return { text, offsets: offsets.subarray(0, text.length) };
}

/** Maps a span [start, end) of the compact text back to the original text. */
export function originalSpan(
  compact: CompactText,
  start: number,
  end: number
): { index: number; length: number } {
  if (!compact.offsets) return { index: start, length: end - start };
  const index = compact.offsets[start];
  return { index, length: compact.offsets[end - 1] + 1 - index };
}
