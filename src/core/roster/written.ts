import { normaliseName } from "./normalise";
import { ETC, separatedChunks } from "./split";

/**
 * Names as a cell writes them, read without a roster (to learn one): cut at 、，；, at spaces and
 * at line breaks, with what whitespace cannot have cut glued back. Run-together names stay
 * together here; learning separates them once it knows the names written alone.
 */

export interface WrittenName {
  /** As written, inner spaces kept (薛  彤). */
  raw: string;
  /** After normaliseName: what the roster compares. */
  key: string;
}

/**
 * The names of one cell. A one-character piece is half of a name spaced out (薛  彤); a piece
 * opening or closing a parenthesis continues the name before it (区委宣传部\n（区文明办）); two
 * pieces whose joined form `known` accepts are one name wrapped onto two lines.
 */
export function writtenNames(cell: string, known: (key: string) => boolean = () => false) {
  const out: WrittenName[] = [];
  const chunks = separatedChunks(cell);
  chunks.forEach((chunk) => {
    const pieces: WrittenName[] = [];
    const parts = chunk.trim().split(/(\s+)/u);
    for (let i = 0; i < parts.length; i += 2) {
      const raw = parts[i];
      const key = normaliseName(raw);
      if (key === "") continue;
      const prev = pieces[pieces.length - 1];
      const glue =
        prev &&
        (key.length === 1 ||
          prev.key.length === 1 ||
          key.startsWith("（") ||
          prev.key.endsWith("（") ||
          known(prev.key + key));
      if (glue) {
        prev.raw += parts[i - 1] + raw;
        prev.key += key;
      } else pieces.push({ raw, key });
    }
    const last = pieces[pieces.length - 1];
    const open = last ? ETC.exec(last.key) : null;
    if (last && open && open.index > 0) {
      last.key = last.key.slice(0, open.index);
      last.raw = last.raw.slice(0, last.raw.lastIndexOf("等"));
    }
    out.push(...pieces);
  });
  return out;
}
