import { diffChars, type Hunk } from "./diff";

/** Whitespace and the marks that only separate items (薛彤（全角空格）、胡永梅 / 薛彤（全角空格）\n胡永梅 / 薛彤（全角空格）胡永梅). */
const SEPARATOR = /^[\s\u200b\ufeff、，,；;]*$/;

const separatorOnly = (text: string) => SEPARATOR.test(text);

export interface Difference {
  /** Only whitespace and separators differ. */
  separatorsOnly: boolean;
  /** Our side of each shown change, with a little context. */
  ours: string[];
  theirs: string[];
}

/** Characters of unchanged text shown around a change. */
const CONTEXT = 6;
/** Changes closer than this are shown as one fragment. */
const JOIN = 2 * CONTEXT;
/** At most this many fragments are quoted. */
const SHOWN = 3;

const visible = (s: string) => s.replace(/\r?\n/g, "↵");

function fragment(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return (from > 0 ? "…" : "") + visible(text.slice(from, to)) + (to < text.length ? "…" : "");
}

/** Neighbouring hunks merged, so that one fragment shows them together. */
function merged(hunks: Hunk[]): Hunk[] {
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    if (last && h.aStart - last.aEnd <= JOIN && h.bStart - last.bEnd <= JOIN) {
      last.aEnd = h.aEnd;
      last.bEnd = h.bEnd;
    } else out.push({ ...h });
  }
  return out;
}

/**
 * How two versions of a cell differ, or null when they are the same. A change of words is
 * shown by the changed fragments only; a change of separators only is flagged as such.
 */
export function compareTexts(ours: string, theirs: string): Difference | null {
  if (ours === theirs) return null;
  const hunks = diffChars(ours, theirs);
  const words = hunks.filter(
    (h) =>
      !separatorOnly(ours.slice(h.aStart, h.aEnd)) || !separatorOnly(theirs.slice(h.bStart, h.bEnd))
  );
  const shown = merged(words.length > 0 ? words : hunks).slice(0, SHOWN);
  return {
    separatorsOnly: words.length === 0,
    ours: shown.map((h) => fragment(ours, h.aStart, h.aEnd)),
    theirs: shown.map((h) => fragment(theirs, h.bStart, h.bEnd)),
  };
}
