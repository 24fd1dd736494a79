import { check, CLEAN_KEYS, cleanRow, craftTable } from "./craft";

describe("a clean, well-formed table", () => {
  test("triggers nothing", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(1),
      cleanRow(2, {
        detail: "年底前完成10家企业改造。",
        leader: "薛　彤",
        lead: "区工业和信息化局",
      }),
      cleanRow(3, {
        detail: "一季度启动，9月底前建成并投入使用。",
        leader: "胡永梅\n罗振胜",
        coop: "各镇街",
      }),
    ]);
    const result = check([table]);
    expect(result.issues).toEqual([]);
    expect(result.totals).toEqual({ error: 0, warning: 0, info: 0 });
    expect(result.perTable).toEqual([
      { table: "crafted", title: table.title, rows: 3, totals: { error: 0, warning: 0, info: 0 } },
    ]);
  });

  test("a clean 民心工程 table with quarter goals triggers nothing", () => {
    const table = craftTable(
      ["category", "task", "detail", "q1", "q2", "q3", "q4", "lead"],
      [
        {
          category: "一、推进社区养老服务",
          task: "建设养老服务综合体。",
          detail: "建设养老服务综合体5家。",
          q1: "布置工作任务。",
          q2: "完成选址2家。",
          q3: "累计建成3家。",
          q4: "累计建成5家。",
          lead: "区民政局",
        },
        {
          category: "二、新增义务教育学位",
          task: "新增义务教育学位。",
          detail: "可提供义务教育学位1200个。",
          q1: "开工。",
          q2: "主体施工。",
          q3: "主体完工。",
          q4: "投入使用，新增学位1200个。",
          lead: "区教育局",
        },
      ],
      {
        id: "minxin-like",
        title: "天津市2022年20项民心工程某区任务责任清单",
        titles: { task: "市级任务", detail: "涉及某区具体工作" },
      }
    );
    expect(check([table]).issues).toEqual([]);
  });
});
