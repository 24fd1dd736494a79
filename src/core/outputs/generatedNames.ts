import type { GeneratedKind, GeneratedMarker } from "../patch/schema";
import { MAX_SHEET_NAME_LENGTH, sameSheetName } from "../patch/sheetName";
import { shortHash } from "../tracking/hash";

/** A sheet of the workbook as adapters list it: its name and its generated marker, if any. */
export interface ExistingSheet {
  name: string;
  generated: GeneratedMarker | null;
}

/** Characters Excel refuses in sheet names, and the full-width forms that keep the name readable. */
const FULL_WIDTH: Record<string, string> = {
  ":": "：",
  "\\": "＼",
  "/": "／",
  "?": "？",
  "*": "＊",
  "[": "［",
  "]": "］",
};

/** The control characters (Unicode category Cc), as ranges: ES5 has no \p{Cc}. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f]+/g;

/** A name made fit for a sheet tab: forbidden characters in full width, no control characters, no edge quotes. */
function cleaned(name: string): string {
  return name
    .replace(/[:\\/?*[\]]/g, (ch) => FULL_WIDTH[ch])
    .replace(CONTROL, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, (quotes) => "’".repeat(quotes.length));
}

/** The longest start of `text` (whole code points) that fits in `room` UTF-16 units. */
function fitted(text: string, room: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > room) break;
    out += ch;
  }
  return out;
}

/**
 * Names sheets predictably from their keys: prefix + the key made fit ("单位-区发展改革委"). A key too
 * long for 31 characters is cut and given "~" and a hash of the whole key, so two long names that
 * start alike still differ, and the same key always gets the same name. Names already taken
 * (any existing sheet, compared without case as Excel does, or an earlier name of this run) get
 * the hash too, then a counter.
 */
export function sheetNameFor(
  prefix: string,
  key: string,
  taken: (name: string) => boolean
): string {
  const base = `${prefix}${cleaned(key)}`;
  if (base.length <= MAX_SHEET_NAME_LENGTH && !taken(base)) return base;
  const hash = shortHash(key).slice(0, 4);
  for (let n = 1; ; n++) {
    const suffix = `~${hash}${n > 1 ? `-${n}` : ""}`;
    const name = fitted(base, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!taken(name)) return name;
  }
}

/**
 * The sheet each key of a generated kind goes to: the sheet that already carries its marker
 * (even if the user renamed it), else a new name that clashes with no sheet of the workbook.
 */
export function assignSheetNames(
  kind: GeneratedKind,
  prefix: string,
  keys: readonly string[],
  existing: readonly ExistingSheet[]
): Map<string, string> {
  const names = new Map<string, string>();
  const used: string[] = existing.map((s) => s.name);
  const taken = (name: string) => used.some((u) => sameSheetName(u, name));
  for (const key of keys) {
    const own = existing.find((s) => s.generated?.kind === kind && s.generated.key === key);
    if (own) names.set(key, own.name);
  }
  for (const key of keys) {
    if (names.has(key)) continue;
    const name = sheetNameFor(prefix, key, taken);
    names.set(key, name);
    used.push(name);
  }
  return names;
}

/**
 * The sheet of a kind the workbook holds one of (汇总, 回收情况): its own earlier sheet, even
 * renamed; else `name`; else a variant of it no sheet has, so a user's sheet is never replaced.
 */
export function singleSheetName(
  kind: GeneratedKind,
  name: string,
  existing: readonly ExistingSheet[]
): string {
  const own = existing.find((s) => s.generated?.kind === kind);
  if (own) return own.name;
  return sheetNameFor("", name, (n) => existing.some((s) => sameSheetName(s.name, n)));
}
