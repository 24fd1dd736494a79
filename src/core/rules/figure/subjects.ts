import { clauseAfter, clauseBefore, type Figure } from "./figures";

/** What a figure is about: a named project (辛庄镇海河中游配套中学工程) or the thing counted (有效国家高新技术企业). */
export interface Subject {
  /** Project name or counted thing, as compared across tables. */
  name: string;
  /** For a project, the thing counted (学位); "" when the name is the thing counted. */
  measure: string;
  kind: "project" | "noun";
}

export interface SubjectFigure {
  figure: Figure;
  subject: Subject;
  /** The sentence names a place or a project (葛沽镇…停车场, 会展二期配套项目): its figures are local. */
  local: boolean;
}

/** Sentences end at 。；; and line breaks: figures in different sentences of a cell are about different things. */
function endsSentence(code: number): boolean {
  return code === 0x3002 || code === 0xff1b || code === 0x3b || code === 0x0a;
}

function sentenceStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !endsSentence(text.charCodeAt(i - 1))) i--;
  return i;
}

function sentenceEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !endsSentence(text.charCodeAt(i))) i++;
  return i;
}
/** A bracketed aside (（天津市实验中学项目）) names the same thing again; it is left out. */
const ASIDE = /（[^（）]*）|\([^()]*\)/g;
/** A project named at the start of a clause (南开学校雅润路校区工程, 葛沽镇城市综合开发项目). */
const PROJECT = /^[\u4e00-\u9fff·]{3,30}?(?:校区工程|工程|项目|校区)/;
/** The last characters of PROJECT's endings: a sentence without any of them names no project. */
const PROJECT_END = /[程目区]/;
/** Clauses of a sentence, for finding every project it names. */
const CLAUSE = /[^，,：:、]+/g;
/** Words naming a place or a project. */
const LOCAL = /镇|街道|大街|公园|广场|园区|项目|工程|校区/;
/** A list marker at the start of a sentence (1．, 2.). */
const LIST_MARKER = /^\s*\d+[．.、]\s*/;

/** Words around a counted thing that are not part of it: time, manner, verbs of doing and counting. */
const LEADING =
  /^(?:\d{4}年|\d{1,2}月(?:底|份|中旬|上旬|下旬)?(?:前)?|全年|今年|年内|年底前|年底|本年度|累计|共|计划|预计|力争|确保|争取|拟|可|积极|全力|大力|加快|进一步|新建|新增|建设|建成|完成|实现|达到|提供|开通|调整|优化|增加|打造|培育|引进|落地|推动|推进|开展|组织|举办|发放|培训|改造|提升|实施|创建|认定|投入|惠及|其中|加强|强化|扎实)+/;
const TRAILING = /(?:达到|达|为|约|共|共计|超过|不少于|累计|完成|新增|提供|增长|建设|工作|任务)+$/;
const QUOTES = /[“”"‘’「」]/g;

function counted(text: string): string {
  return text.replace(ASIDE, "").replace(QUOTES, "").replace(LEADING, "").replace(TRAILING, "");
}

/** The thing a figure counts: the words just before it, else just after it (172个智慧平安社区). */
export function countedThing(sentence: string, figure: Figure): string {
  const before = counted(clauseBefore(sentence, figure.index));
  if (before !== "") return before;
  const after = clauseAfter(sentence, figure.end).replace(/^(?:以上|以下|左右)/, "");
  return /^[\u4e00-\u9fff“"]/.test(after) ? counted(after) : "";
}

/**
 * The project a sentence is about: named at its very start (its subject, not the object of a
 * verb such as 实施…工程) and the only project the sentence names. A sentence naming two
 * projects gives a total for both (两个项目…可提供学位3720个), so it is about neither.
 */
function sentenceProject(sentence: string): string | null {
  if (!PROJECT_END.test(sentence)) return null;
  const names = new Set<string>();
  let first: string | null = null;
  for (const clause of sentence.replace(ASIDE, "").replace(LIST_MARKER, "").matchAll(CLAUSE)) {
    const m = PROJECT.exec(clause[0].trim());
    if (!m || LEADING.test(m[0])) continue;
    names.add(m[0]);
    if ((clause.index ?? 0) === 0) first = m[0];
  }
  return first !== null && names.size === 1 ? first : null;
}

/**
 * Every figure of a text (found by figuresIn) with what it is about: the sentence's project
 * (see sentenceProject), else the thing the figure counts.
 */
export function subjectFigures(text: string, figures: readonly Figure[]): SubjectFigure[] {
  const out: SubjectFigure[] = [];
  let sentence: {
    start: number;
    end: number;
    text: string;
    project: string | null;
    local: boolean;
  } | null = null;
  for (const figure of figures) {
    if (!sentence || figure.index >= sentence.end) {
      const start = sentenceStart(text, figure.index);
      const end = sentenceEnd(text, figure.end);
      const s = text.slice(start, end);
      sentence = { start, end, text: s, project: sentenceProject(s), local: LOCAL.test(s) };
    }
    const { start, project, local } = sentence;
    const thing = countedThing(sentence.text, {
      ...figure,
      index: figure.index - start,
      end: figure.end - start,
    });
    const subject: Subject =
      project !== null && thing !== project
        ? {
            name: project,
            measure: thing.startsWith(project) ? counted(thing.slice(project.length)) : thing,
            kind: "project",
          }
        : { name: thing, measure: "", kind: "noun" };
    out.push({ figure, subject, local });
  }
  return out;
}
