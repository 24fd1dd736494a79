import { DeadlineResult, parseDeadlines, type Milestone } from "../../src/core/deadline";

/** The dated milestones of a text as "text → date" or "text → start..date". */
function dates(text: string, planYear = 2022): string[] {
  return parseDeadlines(text, planYear)
    .milestones.filter((m) => m.date !== null)
    .map((m) => (m.start ? `${m.text} → ${m.start}..${m.date}` : `${m.text} → ${m.date}`));
}

function kinds(text: string): Array<[string, Milestone["kind"]]> {
  return parseDeadlines(text, 2022).milestones.map((m) => [m.text, m.kind]);
}

describe("months", () => {
  test.each([
    ["12月底前完成", "12月底前 → 2022-12-31"],
    ["11月份完成考核", "11月份 → 2022-11-30"],
    ["6月开工", "6月 → 2022-06-30"],
    ["4月底", "4月底 → 2022-04-30"],
    ["9月30日前报送", "9月30日前 → 2022-09-30"],
    ["10月1号启用", "10月1号 → 2022-10-01"],
    ["5月初启动", "5月初 → 2022-05-10"],
    ["6月上旬", "6月上旬 → 2022-06-10"],
    ["6月中旬", "6月中旬 → 2022-06-20"],
    ["6月下旬", "6月下旬 → 2022-06-30"],
    ["7月下旬", "7月下旬 → 2022-07-31"],
    ["2月下旬", "2月下旬 → 2022-02-28"],
  ])("%s", (text, expected) => expect(dates(text)).toEqual([expected]));

  test.each([
    ["十二月底前完成", "十二月底前 → 2022-12-31"],
    ["三月底", "三月底 → 2022-03-31"],
    ["十月投入使用", "十月 → 2022-10-31"],
    ["十一月中旬", "十一月中旬 → 2022-11-20"],
    ["十月二十四日前", "十月二十四日前 → 2022-10-24"],
    ["二〇二二年三月三十一日", "三月三十一日 → 2022-03-31"],
  ])("Chinese numerals: %s", (text, expected) => expect(dates(text)).toEqual([expected]));

  test.each([
    ["１２月底前完成", "１２月底前 → 2022-12-31"],
    ["２０２３年３月完工", "２０２３年３月 → 2023-03-31"],
    ["１０月３１日前", "１０月３１日前 → 2022-10-31"],
  ])("full-width digits: %s", (text, expected) => expect(dates(text)).toEqual([expected]));

  test("spaces inside an expression stay in its text and span", () => {
    const text = "计划 12 月底 前完成，2022 年\u30006 月开工";
    const result = parseDeadlines(text, 2022);
    expect(result.milestones.map((m) => [m.text, m.date])).toEqual([
      ["12 月底 前", "2022-12-31"],
      ["2022 年\u30006 月", "2022-06-30"],
    ]);
    for (const m of result.milestones) expect(text.slice(m.index, m.index + m.length)).toBe(m.text);
    expect(result.milestones[0].index).toBe(3);
  });

  test("February follows the leap-year rule of its year", () => {
    expect(dates("2024年2月底")).toEqual(["2024年2月底 → 2024-02-29"]);
    expect(dates("2月底前", 2024)).toEqual(["2月底前 → 2024-02-29"]);
    expect(dates("2月底前", 2023)).toEqual(["2月底前 → 2023-02-28"]);
    expect(dates("2000年2月底")).toEqual(["2000年2月底 → 2000-02-29"]);
    expect(dates("1900年2月底")).toEqual(["1900年2月底 → 1900-02-28"]);
    expect(dates("2024年2月29日")).toEqual(["2024年2月29日 → 2024-02-29"]);
  });

  test.each(["2月30日前", "2022年2月29日", "13月底", "0月", "4月31日"])(
    "no such day: %s",
    (text) => {
      expect(parseDeadlines(text, 2022).hasDeadline).toBe(false);
    }
  );
});

describe("quarters, half years and the year", () => {
  test.each([
    ["一季度完成", "一季度 → 2022-03-31"],
    ["第三季度", "第三季度 → 2022-09-30"],
    ["三季度末前", "三季度末前 → 2022-09-30"],
    ["第4季度", "第4季度 → 2022-12-31"],
    ["Q3完成", "Q3 → 2022-09-30"],
    ["Ｑ２", "Ｑ２ → 2022-06-30"],
    ["2023Q1", "2023Q1 → 2023-03-31"],
    ["2023年三季度竣工", "2023年三季度 → 2023-09-30"],
    ["上半年", "上半年 → 2022-06-30"],
    ["下半年", "下半年 → 2022-12-31"],
    ["2023年上半年", "2023年上半年 → 2023-06-30"],
    ["年底前完成", "年底前 → 2022-12-31"],
    ["年内完成", "年内 → 2022-12-31"],
    ["全年完成", "全年 → 2022-12-31"],
    ["本年度计划", "本年度 → 2022-12-31"],
    ["2022年底", "2022年底 → 2022-12-31"],
    ["2022年年底前", "2022年年底前 → 2022-12-31"],
    ["今年底", "今年底 → 2022-12-31"],
    ["年末", "年末 → 2022-12-31"],
    ["2023年底前", "2023年底前 → 2023-12-31"],
    ["明年6月", "明年6月 → 2023-06-30"],
  ])("%s", (text, expected) => expect(dates(text)).toEqual([expected]));

  test("dates fall in the plan year given, never in today's", () => {
    expect(dates("年底前完成", 2019)).toEqual(["年底前 → 2019-12-31"]);
    expect(dates("6月底前、三季度", 2030)).toEqual(["6月底前 → 2030-06-30", "三季度 → 2030-09-30"]);
  });

  test("a count before 年 is a duration", () => {
    expect(dates("为期一年，三年内完成，建设周期1年")).toEqual([]);
  });
});

describe("ranges", () => {
  test.each([
    ["2-3月组织学习", "2-3月 → 2022-02-01..2022-03-31"],
    ["4-6月份", "4-6月份 → 2022-04-01..2022-06-30"],
    ["3月至6月上旬", "3月至6月上旬 → 2022-03-01..2022-06-10"],
    ["3月中旬至5月底", "3月中旬至5月底 → 2022-03-11..2022-05-31"],
    ["三至五月", "三至五月 → 2022-03-01..2022-05-31"],
    ["２－３月", "２－３月 → 2022-02-01..2022-03-31"],
    ["2022年12月至2023年3月", "2022年12月至2023年3月 → 2022-12-01..2023-03-31"],
    ["11月至次年2月", "11月至次年2月 → 2022-11-01..2023-02-28"],
    ["11-2月", "11-2月 → 2022-11-01..2023-02-28"],
    ["2021年10月至2022年3月", "2021年10月至2022年3月 → 2021-10-01..2022-03-31"],
  ])("%s", (text, expected) => expect(dates(text)).toEqual([expected]));

  test("a range is dated by its end and keeps its start", () => {
    const [m] = parseDeadlines("坤元路桥计划工期为2022年12月至2023年12月。", 2022).milestones;
    expect(m).toMatchObject({ kind: "range", start: "2022-12-01", date: "2023-12-31" });
  });

  test("explicit years that run backwards are no range", () => {
    expect(dates("2023年5月至2022年3月")).toEqual([
      "2023年5月 → 2023-05-31",
      "2022年3月 → 2022-03-31",
    ]);
  });
});

describe("explicit years", () => {
  test("a year before a month, quarter or 年底 dates it in that year", () => {
    expect(dates("2023年12月完成")).toEqual(["2023年12月 → 2023-12-31"]);
    expect(dates("2021年12月底前已完成")).toEqual(["2021年12月底前 → 2021-12-31"]);
  });

  test("a year before a completion verb is due at its end", () => {
    expect(dates("预计2023年竣工")).toEqual(["2023年 → 2023-12-31"]);
  });

  test.each([
    "2021年新建高标准农田0.27万亩",
    "2022年我区计划推荐5家以上",
    "对2022年度申报人员做好指导",
    "较2021年降低一个百分点",
    "《天津市加快数字化发展三年行动方案（2021-2023年）》",
    "2021-2023年",
    "《津南区农村人居环境整治提升五年行动方案（2021—2025年）》",
    "下发《2022年5月工作要点》",
  ])("no deadline: %s", (text) => expect(parseDeadlines(text, 2022).milestones).toEqual([]));
});

describe("recurring and ongoing wording", () => {
  test.each(["每月", "每季度", "每月10日", "每天", "每周", "每月末", "每年底", "定期"])(
    "%s is recurring",
    (text) => {
      const result = parseDeadlines(`${text}开展检查`, 2022);
      expect(result.milestones.map((m) => [m.text, m.kind, m.date])).toEqual([
        [text, "recurring", null],
      ]);
      expect(result).toMatchObject({ hasDeadline: false, openEndedOnly: true, deadline: null });
    }
  );

  test.each(["持续推进", "常态化", "长期坚持", "持续开展", "不断完善"])("%s is ongoing", (text) => {
    expect(kinds(`${text}相关工作。`)).toEqual([[text, "ongoing"]]);
  });

  test("a monthly allowance is not a schedule", () => {
    expect(kinds("生活补贴提高至每月445元")).toEqual([]);
    expect(kinds("每月1.5万元")).toEqual([]);
  });

  test("sustainable development is not wording about time", () => {
    expect(kinds("推动可持续发展，夯实企业持续发展后劲")).toEqual([]);
  });

  test("a date next to open-ended wording is still a deadline", () => {
    const result = parseDeadlines("2022年9月底前全面完成，并长期坚持。", 2022);
    expect(result).toMatchObject({
      hasDeadline: true,
      openEndedOnly: false,
      deadline: "2022-09-30",
    });
    expect(kinds("持续到年底")).toEqual([["年底", "date"]]);
  });
});

describe("figures that are not dates", () => {
  test.each([
    "新增床位5000张",
    "投入资金1.1亿元",
    "建成林间路2.1公里",
    "12个区级劳动基地",
    "常态化开展“5·25”心理健康月各项活动",
    "一期4、8万平方米",
    "签约服务6万人",
    "津沽附线二十四号桥",
    "地铁6号线",
    "3个月内完成",
    "开展“质量月”等活动",
    "1300-1500平米",
    "0-6岁儿童",
  ])("%s", (text) => expect(dates(text)).toEqual([]));
});

describe("the row's result", () => {
  test("deadline is the last dated milestone by position, latest the greatest date", () => {
    const result = parseDeadlines("预计12月底竣工，二期预计5月底招投标。", 2022);
    expect(result).toMatchObject({
      deadline: "2022-05-31",
      latest: "2022-12-31",
      beyondPlanYear: false,
    });
  });

  test("a milestone after the plan year is flagged", () => {
    expect(parseDeadlines("预计2023年一季度完成", 2022).beyondPlanYear).toBe(true);
    expect(parseDeadlines("预计2023年一季度完成", 2023).beyondPlanYear).toBe(false);
  });

  test("text without time wording has no deadline and is not open-ended", () => {
    expect(parseDeadlines("继续落实“海河英才”行动计划，做好引才落户服务。", 2022)).toEqual({
      planYear: 2022,
      milestones: [],
      deadline: null,
      latest: null,
      hasDeadline: false,
      openEndedOnly: false,
      beyondPlanYear: false,
    });
    expect(parseDeadlines("", 2022).milestones).toEqual([]);
  });

  test("a plan year that is not a year is refused", () => {
    expect(() => parseDeadlines("年底前", Number.NaN)).toThrow(RangeError);
    expect(() => parseDeadlines("年底前", 22)).toThrow(RangeError);
  });

  test("any text parses to a valid result with ordered, non-overlapping spans inside the text", () => {
    // A fixed pseudo-random sequence (LCG) over the characters the patterns care about.
    const alphabet = [
      ..."0123456789１２年月日号底前内份旬上中下半季度第一二三四五六七八九十每周天持续推进常态化不断至到-－—~《》（）， 　\n.Q本全今明次",
    ];
    let seed = 20220331;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 40) },
        () => alphabet[Math.floor(next() * alphabet.length)]
      ).join("");
      const result = DeadlineResult.parse(parseDeadlines(text, 2022));
      let end = 0;
      for (const m of result.milestones) {
        expect(m.index).toBeGreaterThanOrEqual(end);
        expect(text.slice(m.index, m.index + m.length)).toBe(m.text);
        end = m.index + m.length;
      }
    }
  });
});
