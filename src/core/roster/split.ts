import { classify, forEachNameAt, type Resolution } from "./lookup";
import { foldChar, isLineBreak, normaliseName } from "./normalise";
import type { NameKind, NamePart, NameSplit, Roster } from "./schema";

/** Punctuation that always separates names. Spaces and line breaks separate only where no roster name spans them. */
const SEPARATORS = /[、，,；;。､﹐﹑﹔]/;
/**
 * A collective listed with 、 inside it (各县、市、区政府, 各镇、街): one group, not one-character
 * names. Linear: each alternative consumes one character.
 */
const LISTED_GROUP = /各[县市区镇乡街](?:[、，,][县市区镇乡街])+[\u4e00-\u9fff（）()]*/g;
/**
 * A bracketed note on the units' roles, not part of a name: 县发改局(首位单位为牵头单位,下同)
 * (海盐县 2022), 区发改委（牵头）, 区教育局（配合区卫健委）. A bracket naming another unit
 * (区委宣传部（区文明办）) stays. Bounded, so that a cell of brackets left open is read in linear time.
 */
// No u flag (ES5): a surrogate pair is written out so that it counts as one of the 30 characters.
const ROLE_NOTE =
  /[（(](?:[\ud800-\udbff][\udc00-\udfff]|[^（）()]){0,30}?(?:牵头|配合|协同|协助|会同|协办|下同)(?:[\ud800-\udbff][\udc00-\udfff]|[^（）()]){0,30}[）)]/g;
/** A note that is only a role word marks the one name before it: 区发改委（牵头）、区财政局（配合）. */
const ROLE_WORD_NOTE = /^(?:牵头|配合|协同|协助|协办)$/;
/** Put before such a word in place of its brackets, so that it reaches no further back. */
const MARK = "\ue000";
/** A note naming the units that cooperate: （配合区卫健委）, （会同：区财政局）, （区卫健委配合）. */
const COOP_NOTE = /^(?:配合|协同|协助|会同|协办)[：:]?(.+)$|^(.+?)(?:配合|协同|协助|协办)$/;
/** A role word closing a stretch of names: 区政务服务局牵头，区发改局、区审改办配合 (官渡区 2016). */
const LEAD_WORD = /牵头(?:负责)?$/;
/** Words that say a unit is responsible without giving it a part: …各县区政府按职责分工负责. */
const DUTY_WORD = /按职责(?:分工)?负责$/;
const COOP_WORD = /(?:配合|协同|协助|协办)$/;
const COOP_BEFORE = /^(?:配合|协同|协助|会同)[：:]?/;
/** Separators that end a clause (a role word reaches back to the last of them), not only a name. */
const CLAUSE_END = /[，,；;。﹐﹔]/;
/** An open list at the end of a cell or of a stretch of it (…海河教育园区管委会等). */
export const ETC = /等(?:单位|部门)?$/;

/** Bits of gap[]: what whitespace was written between two normalised characters. */
const SPACE = 1;
const LINE_BREAK = 2;

/** A stretch of a cell between separators, normalised, with the way back to the written text. */
interface Chunk {
  raw: string;
  s: string;
  /** raw.slice(from[k], to[k]) is the code point that s[k] was folded from. */
  from: number[];
  to: number[];
  /** gap[p]: whitespace written between s[p - 1] and s[p], as SPACE | LINE_BREAK bits. */
  gap: number[];
}

function prepare(raw: string): Chunk {
  const chunk: Chunk = { raw, s: "", from: [], to: [], gap: [] };
  let pending = 0;
  let at = 0;
  for (const ch of raw) {
    const out = foldChar(ch);
    if (out === "") pending |= isLineBreak(ch) ? LINE_BREAK : SPACE;
    for (let k = 0; k < out.length; k++) {
      chunk.gap.push(k === 0 ? pending : 0);
      chunk.from.push(at);
      chunk.to.push(at + ch.length);
    }
    if (out !== "") pending = 0;
    chunk.s += out;
    at += ch.length;
  }
  return chunk;
}

/** A wrapped line that opens or closes a parenthesis continues the name before it: 区委宣传部\n（区文明办）. */
function glued(s: string, p: number): boolean {
  return s[p] === "（" || s[p] === "）" || s[p - 1] === "（";
}

interface Segment {
  start: number;
  end: number;
  found: Resolution;
}

/**
 * The best reading of a chunk as a sequence of names: fewest unknown parts, then fewest parts.
 * A roster name may start and end anywhere (names run together) and may span whitespace
 * (薛  彤); anything else runs to the next space or line break, from one of them or from the
 * end of a roster name. So 区教育局教研室 stays whole rather than losing its head to 区教育局.
 * Dynamic programming over the positions of the chunk: linear in its length times the longest
 * roster name.
 */
function segment(chunk: Chunk, roster: Roster, kind: NameKind): Segment[] {
  const { s, gap } = chunk;
  const n = s.length;
  // nextBound[p]: the first place after p where whitespace separates (or the end).
  const nextBound = new Array<number>(n).fill(n);
  for (let p = n - 1; p > 0; p--) {
    nextBound[p - 1] = gap[p] !== 0 && !glued(s, p) ? p : nextBound[p];
  }
  const unknowns = new Array<number>(n + 1).fill(Infinity);
  const parts = new Array<number>(n + 1).fill(Infinity);
  const back = new Array<Segment | null>(n + 1).fill(null);
  unknowns[0] = 0;
  parts[0] = 0;
  const relax = (start: number, end: number, found: Resolution) => {
    const u = unknowns[start] + (found.status === "unknown" ? 1 : 0);
    const c = parts[start] + 1;
    if (u < unknowns[end] || (u === unknowns[end] && c < parts[end])) {
      unknowns[end] = u;
      parts[end] = c;
      back[end] = { start, end, found };
    }
  };
  for (let p = 0; p < n; p++) {
    if (unknowns[p] === Infinity) continue;
    forEachNameAt(roster, kind, s, p, (end, found) => relax(p, end, found));
    relax(p, nextBound[p], classify(roster, kind, s.slice(p, nextBound[p])));
  }
  const out: Segment[] = [];
  for (let at = back[n]; at; at = back[at.start]) out.unshift(at);
  return out;
}

/** A stretch of a cell between separators, and the separator after it ("" at the end). */
interface Piece {
  text: string;
  sep: string;
}

/**
 * Cut at the separators that stand outside brackets: 某某办（甲、乙） is one name. A bracket left
 * open (a slip of the pen) protects nothing: the text is cut at every separator.
 */
function splitOutsideBrackets(text: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
    else if (depth === 0 && SEPARATORS.test(ch)) {
      out.push({ text: text.slice(from, i), sep: ch });
      from = i + 1;
    }
  }
  out.push({ text: text.slice(from), sep: "" });
  if (depth === 0) return out;
  const cut = text.split(new RegExp(`(${SEPARATORS.source})`));
  return cut.flatMap((t, i) => (i % 2 === 0 ? [{ text: t, sep: cut[i + 1] ?? "" }] : []));
}

/** The cell cut at separators, a listed collective kept whole. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (const m of text.matchAll(LISTED_GROUP)) {
    out.push(...splitOutsideBrackets(text.slice(from, m.index)), { text: m[0], sep: "" });
    from = m.index + m[0].length;
  }
  out.push(...splitOutsideBrackets(text.slice(from)));
  return out;
}

/** A cell written wholly in brackets, as a list prints its note: (区发改局牵头,区财政局配合). */
function unwrapped(cell: string): string {
  const text = cell.trim();
  if (!/^[（(]/.test(text) || !/[）)]$/.test(text)) return cell;
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === "（" || text[i] === "(") depth++;
    else if (text[i] === "）" || text[i] === ")") depth--;
    if (depth === 0) return cell; // the first bracket closes before the end
  }
  return text.slice(1, -1);
}

/** A stretch of a unit cell holding one name or more, and whether the cell names it as cooperating. */
export interface RoleChunk {
  text: string;
  cooperates: boolean;
}

/**
 * A cell cut at the punctuation that always separates names, a listed collective kept whole, and
 * the parts its role words give: a cell that names its lead with 牵头 (区政务服务局牵头，区发改局、
 * 区审改办配合) has every other name cooperate; otherwise names cooperate where 配合 / 协同 / 协助 /
 * 协办 closes them (back to the clause's start), 配合 / 会同 opens them (on to the clause's end) or
 * a bracketed note names them (区教育局（配合区卫健委）). Role words, 按职责分工负责 and other notes
 * on roles (首位单位为牵头单位,下同) are left out of the names.
 */
export function roleChunks(cell: string): RoleChunk[] {
  const noted: Piece[] = [];
  const text = unwrapped(cell).replace(ROLE_NOTE, (note) => {
    const inner = note.slice(1, -1).trim();
    if (ROLE_WORD_NOTE.test(inner)) return MARK + inner;
    const named = COOP_NOTE.exec(inner);
    if (named) noted.push(...pieces(named[1] ?? named[2]));
    return "";
  });
  const all = pieces(text);
  const roles: ("lead" | "coop" | null)[] = all.map(() => null);
  // A role word reaches back over the names before it, to the clause's start or the last role word.
  let role: "lead" | "coop" | null = null;
  for (let i = all.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(all[i].sep)) role = null;
    const text = all[i].text.trim().replace(DUTY_WORD, "");
    all[i].text = text;
    const word = LEAD_WORD.exec(text) ?? COOP_WORD.exec(text);
    const marked = word !== null && text[word.index - 1] === MARK;
    if (word) all[i].text = text.slice(0, word.index - (marked ? 1 : 0));
    const own = word && (word[0].startsWith("牵头") ? "lead" : "coop");
    if (!marked && own) role = own;
    roles[i] = marked ? own : role;
  }
  // 配合 / 会同 before names reaches forward to the clause's end: 配合区卫健委、区医保局.
  let ahead: "coop" | null = null;
  all.forEach((p, i) => {
    const word = COOP_BEFORE.exec(p.text.trim());
    if (word) {
      ahead = "coop";
      p.text = p.text.trim().slice(word[0].length);
    }
    roles[i] ??= ahead;
    if (CLAUSE_END.test(p.sep)) ahead = null;
  });
  const leadNamed = roles.includes("lead");
  return [
    ...all.map((p, i) => ({
      text: p.text,
      cooperates: leadNamed ? roles[i] !== "lead" : roles[i] === "coop",
    })),
    ...noted.map((p) => ({ text: p.text, cooperates: true })),
  ];
}

/** The stretches of a cell that hold names, without role words or notes (to learn a 名册 from). */
export function separatedChunks(cell: string): string[] {
  return roleChunks(cell).map((c) => c.text);
}

/**
 * Splits a 分管领导 or unit cell into names: on 、，,；; always, on spaces and line breaks
 * unless a roster name spans them, and between names written with no separator at all.
 */
export function splitNames(cell: string, roster: Roster, kind: NameKind): NameSplit {
  const chunks = roleChunks(cell)
    // Roles are the units' only: a leader cell's 张三（牵头）、李四 names two leaders.
    .map((c) => ({ ...prepare(c.text), cooperates: kind === "unit" && c.cooperates }))
    .filter((c) => c.s !== "");
  let etc = false;
  // 等 closes an open list, at the end of the cell or before what follows it (滁州市 2020:
  // …中新苏滁高新区管委会等,各县、市、区政府。).
  for (const chunk of chunks) {
    const open = ETC.exec(chunk.s);
    if (open && open.index > 0) {
      chunk.s = chunk.s.slice(0, open.index);
      etc = true;
    }
  }
  const result: NameSplit = { parts: [], runTogether: false, spacingVariant: false, etc };
  for (const chunk of chunks) {
    segment(chunk, roster, kind).forEach(({ start, end, found }, i) => {
      if (i > 0 && chunk.gap[start] === 0) result.runTogether = true;
      for (let q = start + 1; q < end; q++) if (chunk.gap[q] & SPACE) result.spacingVariant = true;
      result.parts.push({
        text: chunk.raw.slice(chunk.from[start], chunk.to[end - 1]).trim(),
        normalised: chunk.s.slice(start, end),
        canonical: found.canonical,
        status: found.status,
        ...(chunk.cooperates ? { cooperates: true } : {}),
      });
    });
  }
  return result;
}

/** One name, taken whole (no splitting): what the roster makes of it. */
export function resolveName(name: string, roster: Roster, kind: NameKind): NamePart {
  const normalised = normaliseName(name);
  const { canonical, status } = classify(roster, kind, normalised);
  return { text: name.trim(), normalised, canonical, status };
}
