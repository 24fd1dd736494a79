import { actionAfter } from "./action";
import { Anchors } from "./anchors";
import { compactText, originalSpan } from "./compactText";
import { yearEnd } from "./isoDate";
import { PATTERNS, type MilestoneDraft } from "./patterns";
import type { DeadlineResult, Milestone } from "./schema";
import { execRefusing } from "../regex/execRefusing";
import { groupsOf, type Groups } from "../regex/namedGroups";

interface Candidate {
  start: number;
  end: number;
  /** 0 for dated and recurring expressions, 1 for open-ended wording, which gives way to them. */
  rank: number;
  draft: MilestoneDraft;
}

/**
 * Spans of document titles 《…》 (nested <…> included): "《…三年行动方案（2021-2023年）》" names a
 * document, it sets no deadline. An unclosed 《 hides nothing.
 */
function titleSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let open = 0;
  for (let i = text.indexOf("《"); i >= 0 && i < text.length; i++) {
    const ch = text[i];
    if (ch === "《") {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === "》" && depth > 0) {
      depth--;
      if (depth === 0) spans.push([open, i + 1]);
    }
  }
  return spans;
}

const ANCHORS = new Anchors(
  PATTERNS.flatMap((entry) => [...entry.requires, ...(entry.requiresToo ?? [])])
);
/** Per pattern, the anchors of which the text must hold one (and one of the second set) to be tried. */
const REQUIRED = PATTERNS.map((entry) => [
  ANCHORS.mask(entry.requires),
  entry.requiresToo ? ANCHORS.mask(entry.requiresToo) : -1,
]);

function collectCandidates(text: string, planYear: number): Candidate[] {
  const found = ANCHORS.found(text);
  if (found === 0) return [];
  const titles = titleSpans(text);
  const candidates: Candidate[] = [];
  for (let p = 0; p < PATTERNS.length; p++) {
    const [required, requiredToo] = REQUIRED[p];
    if ((found & required) === 0 || (found & requiredToo) === 0) continue;
    const entry = PATTERNS[p];
    const { pattern, refuses } = entry;
    // The groups of the match execRefusing last looked at: the one it returns.
    let groups: Groups = {};
    const refused = (m: RegExpExecArray) => {
      groups = groupsOf(pattern, m);
      return refuses !== undefined && refuses(groups, text, m.index);
    };
    pattern.regex.lastIndex = 0;
    for (
      let m = execRefusing(pattern.regex, text, refused);
      m;
      m = execRefusing(pattern.regex, text, refused)
    ) {
      const start = m.index;
      const end = start + m[0].length;
      if (titles.length > 0 && titles.some(([a, b]) => start >= a && end <= b)) continue;
      const draft = entry.read(groups, planYear);
      if (draft) candidates.push({ start, end, rank: draft.kind === "ongoing" ? 1 : 0, draft });
    }
  }
  return candidates;
}

/** Leftmost-longest among dated and recurring expressions; open-ended wording fills what is left. */
function chooseNonOverlapping(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.rank - b.rank || a.start - b.start || b.end - a.end);
  // Chosen spans never overlap, so in order of start they are in order of end too: a binary
  // search finds the one a candidate could overlap. Comparing with every chosen span made a
  // long cell (thousands of 年底前 in 32,767 characters) quadratic.
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    let low = 0;
    let high = chosen.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (chosen[mid].end <= c.start) low = mid + 1;
      else high = mid;
    }
    if (low === chosen.length || chosen[low].start >= c.end) chosen.splice(low, 0, c);
  }
  return chosen;
}

/** yearEnd of the plan year last asked for: a table's texts are parsed one after another in one plan year. */
let lastEnd = { year: NaN, end: "" };
function planYearEnd(year: number): string {
  if (lastEnd.year !== year) lastEnd = { year, end: yearEnd(year) };
  return lastEnd.end;
}

/**
 * Finds every time expression of a detail text (工作明细及完成时限, a quarter's goal …) and dates it
 * in `planYear`, the year of the table's title — never in today's year.
 * Never throws on any text; throws a RangeError only for a plan year that is not a 4-digit year.
 */
export function parseDeadlines(text: string, planYear: number): DeadlineResult {
  if (!Number.isInteger(planYear) || planYear < 1000 || planYear > 9998) {
    throw new RangeError(`Plan year must be a 4-digit year, got ${planYear}`);
  }
  const compact = compactText(text);
  const spans = chooseNonOverlapping(collectCandidates(compact.text, planYear)).map((c) => ({
    ...originalSpan(compact, c.start, c.end),
    draft: c.draft,
  }));
  const milestones: Milestone[] = spans.map(({ index, length, draft }, i) => {
    const { kind, date, start } = draft;
    const action = actionAfter(text, index + length, spans[i + 1]?.index ?? text.length);
    return { kind, date, start, text: text.slice(index, index + length), index, length, action };
  });

  let deadline: string | null = null;
  let latest: string | null = null;
  for (const { date } of milestones) {
    if (date === null) continue;
    deadline = date;
    if (latest === null || date > latest) latest = date;
  }
  return {
    planYear,
    milestones,
    deadline,
    latest,
    hasDeadline: deadline !== null,
    openEndedOnly: deadline === null && milestones.length > 0,
    beyondPlanYear: latest !== null && latest > planYearEnd(planYear),
  };
}

interface Reading {
  text: string;
  planYear: number;
  result: DeadlineResult;
}
/** Readings kept per row object, a few: a row's deadline text is read by 校验, the unit sheets and 汇总. */
const readings = new WeakMap<object, Reading[]>();
const READINGS_PER_ROW = 4;

/**
 * parseDeadlines (or `parse`, a cached one) of a text of `row`, kept with the row and gone with
 * it: the result is shared, never to be changed.
 */
export function deadlinesOfRow(
  row: object,
  text: string,
  planYear: number,
  parse: (text: string, planYear: number) => DeadlineResult = parseDeadlines
): DeadlineResult {
  let list = readings.get(row);
  if (!list) readings.set(row, (list = []));
  for (const r of list) if (r.text === text && r.planYear === planYear) return r.result;
  const result = parse(text, planYear);
  if (list.length === READINGS_PER_ROW) list.shift();
  list.push({ text, planYear, result });
  return result;
}
