import { daysInMonth, isValidDate, isoDate, quarterEnd, yearEnd, type Quarter } from "./isoDate";
import { smallNumber } from "./numerals";
import type { MilestoneKind } from "./schema";
import { namedRegExp, type Groups, type NamedRegExp } from "../regex/namedGroups";
import { textBefore } from "../regex/execRefusing";

/** What a pattern makes of its match; the parser adds the span. */
export interface MilestoneDraft {
  kind: MilestoneKind;
  date: string | null;
  start: string | null;
}

export interface PatternEntry {
  name: string;
  /** Global regex over the compact text (see compactText.ts), compiled once at load. */
  pattern: NamedRegExp;
  /** The pattern can only match text holding one of these strings: a cheap test that skips it. */
  requires: readonly string[];
  /** And, where given, one of these strings as well. */
  requiresToo?: readonly string[];
  /**
   * Whether the text before a match rules it out: the look-behind of the pattern, checked in code
   * because Internet Explorer 11 (the ribbon's 校验 in Office 2016/2019) has no look-behind.
   */
  refuses?(groups: Groups, text: string, index: number): boolean;
  /** Turns a match into a milestone, or null when the match names no real date (2月30日). */
  read(groups: Groups, planYear: number): MilestoneDraft | null;
}

// Regex fragments. Month and day numbers are ASCII digits (full-width ones are folded before
// matching) or Chinese numerals.
const MONTH = "\\d{1,2}|十[一二]?|[一二三四五六七八九]";
const DAY = "\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";
/**
 * Keeps "2022月", "0.5月" and "二十月" from yielding a month: such a match starts with one of
 * these characters (the lookahead lets the regex engine skip most positions quickly) …
 */
const NOT_IN_NUMBER = "(?=[\\d一二三四五六七八九十今本明次第])";
/** … and does not follow one of these (refusesInNumber). */
const NUMBER_CHAR = /[\d.一二三四五六七八九十百千万两几〇零]/;
const refusesInNumber = (_g: Groups, text: string, index: number): boolean =>
  NUMBER_CHAR.test(text.charAt(index - 1));
/** The part of a month: 上旬/中旬/下旬, 底/末 (end), 初 (beginning), 份 (the whole month). */
const PART = "上旬|中旬|下旬|底|末|初|份";
const BEFORE = "(?:之前|以前|前)?";
/** An explicit year (2023年) or one relative to the plan year (今年, 本年, 明年, 次年). */
const year = (name: string): string =>
  `(?:(?<${name}>(?:19|20)\\d{2})年|(?<${name}Rel>[今本明次])年)`;
/** 年 with no year before it (年底, 年内), in a group so that refusesCount can check what precedes it. */
const BARE_YEAR = "(?<bare>年)";
/** A count before 年 makes a duration (为期一年, 三年内), not the plan year. */
const COUNT_CHAR = /[\d一二三四五六七八九十两几多]/;
const refusesCount = (g: Groups, text: string, index: number): boolean =>
  g.bare !== undefined && COUNT_CHAR.test(text.charAt(index - 1));

function resolveYear(groups: Groups, name: string, planYear: number, previous = planYear): number {
  const digits = groups[name];
  if (digits) return Number(digits);
  switch (groups[`${name}Rel`]) {
    case "明":
      return planYear + 1;
    case "次":
      return previous + 1;
    default:
      return previous;
  }
}

/** The day a month expression falls due: 上旬 → 10th, 中旬 → 20th, 初 → 10th, otherwise the last day. */
function endDay(
  year: number,
  month: number,
  day: string | undefined,
  part: string | undefined
): number {
  if (day) return smallNumber(day);
  switch (part) {
    case "上旬":
    case "初":
      return 10;
    case "中旬":
      return 20;
    default:
      return daysInMonth(year, month);
  }
}

/** The first day a month expression covers, for the start of a range (中旬 → 11th, 下旬/底 → 21st). */
function startDay(day: string | undefined, part: string | undefined): number {
  if (day) return smallNumber(day);
  switch (part) {
    case "中旬":
      return 11;
    case "下旬":
    case "底":
    case "末":
      return 21;
    default:
      return 1;
  }
}

function dateOrNull(year: number, month: number, day: number): string | null {
  return isValidDate(year, month, day) ? isoDate(year, month, day) : null;
}

const dated = (date: string | null): MilestoneDraft | null =>
  date ? { kind: "date", date, start: null } : null;
const recurring = (): MilestoneDraft => ({ kind: "recurring", date: null, start: null });
const ongoing = (): MilestoneDraft => ({ kind: "ongoing", date: null, start: null });

/**
 * The table of time expressions. Every entry is tried over the whole text; where matches
 * overlap, the leftmost and then the longest wins ("2022年12月至2023年12月" over "2022年12月"),
 * and open-ended wording gives way to any dated or recurring expression.
 */
export const PATTERNS: readonly PatternEntry[] = [
  {
    // 2-3月, 4-6月份, 3月至6月上旬, 2022年12月至2023年12月, 12月至次年2月
    name: "month range",
    refuses: refusesInNumber,
    requires: ["月"],
    requiresToo: ["-", "~", "至", "到"],
    pattern: namedRegExp(
      `${NOT_IN_NUMBER}${year("y1")}?(?<m1>${MONTH})(?:月(?:(?<d1>${DAY})[日号]|(?<p1>${PART}))?)?` +
        `(?:-|~|至|到)${year("y2")}?(?<m2>${MONTH})月(?:(?<d2>${DAY})[日号]|(?<p2>${PART}))?${BEFORE}`,
      "g"
    ),
    read(g, planYear) {
      const y1 = resolveYear(g, "y1", planYear);
      const m1 = smallNumber(g.m1 ?? "");
      const start = dateOrNull(y1, m1, startDay(g.d1, g.p1));
      let y2 = resolveYear(g, "y2", planYear, y1);
      const m2 = smallNumber(g.m2 ?? "");
      if (!isValidDate(y2, m2, 1)) return null;
      let end = dateOrNull(y2, m2, endDay(y2, m2, g.d2, g.p2));
      // "11月至2月" without years runs into the next year.
      if (start && end && end < start && !g.y2 && !g.y2Rel) {
        y2 += 1;
        end = dateOrNull(y2, m2, endDay(y2, m2, g.d2, g.p2));
      }
      if (!start || !end || end < start) return null;
      return { kind: "range", date: end, start };
    },
  },
  {
    // 6月, 6月底前, 11月份, 10月中旬, 7月31日, 2022年5月, 十二月底, 2024年2月底
    name: "month",
    refuses: refusesInNumber,
    requires: ["月"],
    pattern: namedRegExp(
      `${NOT_IN_NUMBER}${year("y")}?(?<m>${MONTH})月(?:(?<d>${DAY})[日号]|(?<p>${PART}))?${BEFORE}`,
      "g"
    ),
    read(g, planYear) {
      const y = resolveYear(g, "y", planYear);
      const m = smallNumber(g.m ?? "");
      if (!isValidDate(y, m, 1)) return null;
      return dated(dateOrNull(y, m, endDay(y, m, g.d, g.p)));
    },
  },
  {
    // 一季度, 第三季度, 三季度末前, 2023年一季度
    name: "quarter",
    refuses: refusesInNumber,
    requires: ["季度"],
    pattern: namedRegExp(
      `${NOT_IN_NUMBER}${year("y")}?第?(?<q>[一二三四1-4])季度(?:末|底)?${BEFORE}`,
      "g"
    ),
    read: (g, planYear) =>
      dated(quarterEnd(resolveYear(g, "y", planYear), smallNumber(g.q ?? "") as Quarter)),
  },
  {
    // Q3, 2022Q3, 2022年Q4
    name: "quarter Q",
    requires: ["Q", "q"],
    pattern: namedRegExp("(?:(?<y>(?:19|20)\\d{2})年?)?[Qq](?<q>[1-4])(?!\\d)", "g"),
    refuses: (_g, text, index) => /[A-Za-z\d]/.test(text.charAt(index - 1)),
    read: (g, planYear) => dated(quarterEnd(resolveYear(g, "y", planYear), Number(g.q) as Quarter)),
  },
  {
    // 上半年 → 06-30, 下半年 → 12-31
    name: "half year",
    requires: ["半年"],
    pattern: namedRegExp(`${year("y")}?(?<h>[上下])半年(?:末|底)?${BEFORE}`, "g"),
    read(g, planYear) {
      const y = resolveYear(g, "y", planYear);
      return dated(g.h === "上" ? isoDate(y, 6, 30) : yearEnd(y));
    },
  },
  {
    // 年底前, 年底, 年末, 2022年底, 2022年年底前, 今年底
    name: "year end",
    requires: ["年底", "年末"],
    pattern: namedRegExp(`(?:${year("y")}年?|${BARE_YEAR})[底末]${BEFORE}`, "g"),
    refuses: refusesCount,
    read: (g, planYear) => dated(yearEnd(resolveYear(g, "y", planYear))),
  },
  {
    // 年内, 2022年内, 2022年年内, 本年度内
    name: "within the year",
    requires: ["年内", "度内"],
    pattern: namedRegExp(`(?:${year("y")}年?度?|${BARE_YEAR})内`, "g"),
    refuses: refusesCount,
    read: (g, planYear) => dated(yearEnd(resolveYear(g, "y", planYear))),
  },
  {
    // 全年, 本年度, 完成年度…任务. "完成全年目标的20%" is a share of the year's target, not a time;
    // "2022年度申报…" qualifies what is meant, it sets no deadline.
    name: "whole year",
    requires: ["全年", "年度"],
    pattern: namedRegExp("全年度?(?!目标的)|(?:本|当|(?<done>))年度", "g"),
    refuses: (g, text, index) => g.done !== undefined && textBefore(text, index, 2) !== "完成",
    read: (_g, planYear) => dated(yearEnd(planYear)),
  },
  {
    // "2022年完成…", "预计2022年完成主体封顶": a year followed by a completion verb is due by its end.
    // A year followed by anything else ("2022年我区计划…", "2021年新建…") is not a deadline.
    name: "year with completion verb",
    requires: ["年"],
    refuses: (_g, text, index) => /\d/.test(text.charAt(index - 1)),
    pattern: namedRegExp(
      `${year("y")}(?=(?:全面|基本|全部)?(?:完成|完工|竣工|建成|实现|达到|投入使用|投用|交付))`,
      "g"
    ),
    read: (g, planYear) => dated(yearEnd(resolveYear(g, "y", planYear))),
  },
  {
    // 每月, 每季度, 每月10日, 每月末, 每天, 每周. "每月445元" is a rate, not a schedule.
    name: "every period",
    requires: ["每"],
    pattern: namedRegExp(
      `每个?(?:月|季度|季|周|星期|天|日|年|半年|旬)(?:(?:${DAY})[日号]|[末底初])?(?!\\d+(?:\\.\\d+)?[元万亿千百角])`,
      "g"
    ),
    read: recurring,
  },
  {
    // 开展季度监测, 月度考核, 定期开展, 实行月报制度, 信息周反馈
    name: "periodic wording",
    requires: ["季度", "月度", "定期", "报", "周反馈"],
    pattern: namedRegExp(
      "(?<quarter>季)度(?=监测|考核|检查|通报|调度|报送|例会|评估)|(?<month>月)度(?=监测|考核|检查|通报|调度|报送|例会|评估)|定期|[周月季]报|周反馈",
      "g"
    ),
    // 季度 after 一/第/每… and 月度 after a number or 每… are a time, not a periodic routine.
    refuses: (g, text, index) =>
      (g.quarter !== undefined && /[一二三四1-4第每本上下前]/.test(text.charAt(index - 1))) ||
      (g.month !== undefined && /[\d一二三四五六七八九十每本上]/.test(text.charAt(index - 1))),
    read: recurring,
  },
  {
    // 持续推进, 持续开展, 不断完善, 常态化, 长期坚持 ("(可)持续发展" is a noun, not wording about time)
    name: "ongoing",
    requires: ["持续", "不断", "常态化", "长期", "坚持不懈", "常抓不懈"],
    pattern: namedRegExp(
      "(?<lasting>持)续(?!发展)[\\u4e00-\\u9fff]{2}|不断[\\u4e00-\\u9fff]{2}|常态化|长期(?:坚持|开展|推进|保持|巩固)|坚持不懈|常抓不懈",
      "g"
    ),
    refuses: (g, text, index) => g.lasting !== undefined && text.charAt(index - 1) === "可",
    read: ongoing,
  },
];
