/**
 * The patterns read a folded copy of the input: whitespace removed ("12 月底" → "12月底"),
 * full-width digits, Latin letters and dashes folded (１２月 → 12月, Ｑ３ → Q3, 2021－2022 → 2021-2022).
 * Folding keeps one character for one, so the copy only needs to remember where characters were
 * dropped to report a match as a span of the original text.
 */
export interface CompactText {
  text: string;
  /**
   * For every character dropped, the index in `text` of the character that followed it (the
   * compact length at that point), ascending; empty when nothing was dropped.
   */
  dropped: readonly number[];
}

const KEEP = 0;
const DROP = 1;
const FOLD = 2;

/**
 * What becomes of a UTF-16 code unit: dropped (whitespace as /\s/ knows it, zero-width
 * characters), folded (full-width digits and letters, dashes), or kept. Compared by code, not by
 * regex: a regex character class this large costs more per character than the whole scan.
 */
export function foldAction(code: number): typeof KEEP | typeof DROP | typeof FOLD {
  if (code < 0x2000) {
    return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680
      ? DROP
      : KEEP;
  }
  if (code <= 0x200d) return DROP; // U+2000–U+200A spaces, U+200B–U+200D zero-width
  if (code <= 0x2015) return code >= 0x2013 ? FOLD : KEEP;
  if (code < 0x3400) {
    if (code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f) return DROP;
    if (code === 0x3000) return DROP;
    return code === 0x2212 ? FOLD : KEEP;
  }
  if (code < 0xfeff) return KEEP;
  if (code === 0xfeff) return DROP;
  return (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a) ||
    code === 0xff0d ||
    code === 0xff0e ||
    code === 0xff5e
    ? FOLD
    : KEEP;
}

/** The folded form of a character foldAction folds. */
function fold(code: number): string {
  switch (code) {
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // ―
    case 0x2212: // −
      return "-";
    default:
      // Full-width digits, Latin letters, － ． ～: their ASCII counterparts.
      return String.fromCharCode(code - 0xfee0);
  }
}

const NOTHING_DROPPED: readonly number[] = [];

export function compactText(source: string): CompactText {
  let text = "";
  let from = 0;
  let dropped: number[] | null = null;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    // Plain CJK and printable ASCII, nearly every character, need neither dropping nor folding.
    if ((code > 0x20 && code < 0x7f) || (code >= 0x3400 && code < 0xfe00)) continue;
    const action = foldAction(code);
    if (action === KEEP) continue;
    text += source.slice(from, i);
    from = i + 1;
    if (action === FOLD) text += fold(code);
    else (dropped ??= []).push(text.length);
  }
  if (from === 0) return { text: source, dropped: NOTHING_DROPPED };
  text += source.slice(from);
  return { text, dropped: dropped ?? NOTHING_DROPPED };
}

/** The index in the original text of text[k]: k plus the characters dropped before it. */
function originalIndex(compact: CompactText, k: number): number {
  let before = 0;
  for (const at of compact.dropped) {
    if (at > k) break;
    before++;
  }
  return k + before;
}

/** Maps a span [start, end) of the compact text back to the original text. */
export function originalSpan(
  compact: CompactText,
  start: number,
  end: number
): { index: number; length: number } {
  const index = originalIndex(compact, start);
  return { index, length: originalIndex(compact, end - 1) + 1 - index };
}
