/**
 * The next match of a global regex, from its lastIndex, that `refuses` does not refuse — what a
 * look-behind at the start of the pattern does, for engines without look-behind (ES5: Internet
 * Explorer 11). A refused match is dropped and the search goes on from the character after its
 * start, as the engine itself goes on after a failed look-behind.
 */
export function execRefusing(
  regex: RegExp,
  text: string,
  refuses: (match: RegExpExecArray) => boolean
): RegExpExecArray | null {
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (!refuses(m)) return m;
    regex.lastIndex = m.index + 1;
  }
  return null;
}

/** The `length` characters just before `index` (fewer at the start of the text). */
export function textBefore(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - length), index);
}
