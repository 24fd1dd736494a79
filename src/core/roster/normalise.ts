/**
 * Name normalisation for roster look-ups. It works one code point at a time so that the
 * splitter can map every normalised character back to where it was written.
 */

/** Whitespace of every kind (JS \s covers ASCII, U+00A0, U+3000, U+2000–U+200A …) and the invisible zero-width characters. */
const INVISIBLE = /^[\s\u180e\u200b-\u200d\u2060\ufeff]$/;
const LINE_BREAK = /^[\n\r\u2028\u2029]$/;

export function isInvisible(ch: string): boolean {
  return INVISIBLE.test(ch);
}

export function isLineBreak(ch: string): boolean {
  return LINE_BREAK.test(ch);
}

/** Chinese documents write parentheses full-width; ASCII ones (typed or produced by NFKC) are folded back to that one form. */
const PARENS: Record<string, string> = { "(": "（", ")": "）" };

const folded = new Map<string, string>();

/**
 * One code point as it is compared: "" for whitespace, NFKC otherwise (ＡＢＣ１２３ → ABC123,
 * compatibility ideographs to their unified form), parentheses full-width.
 */
export function foldChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // Fast path for the common case: CJK unified ideographs and plain ASCII letters and digits are NFKC-stable.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code > 0x20 && code < 0x7f && !(ch in PARENS)))
    return ch;
  let out = folded.get(ch);
  if (out === undefined) {
    out = isInvisible(ch)
      ? ""
      : Array.from(ch.normalize("NFKC"), (c) => (isInvisible(c) ? "" : (PARENS[c] ?? c))).join("");
    folded.set(ch, out);
  }
  return out;
}

/** 薛\u3000彤, 薛  彤, 薛\u200b彤 and 薛彤 all become 薛彤; 区委宣传部(区文明办) becomes 区委宣传部（区文明办）. */
export function normaliseName(text: string): string {
  let out = "";
  for (const ch of text) out += foldChar(ch);
  return out;
}
