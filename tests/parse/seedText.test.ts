import { parseSeedText } from "../../src/core/parse/seedText";
import { MINXIN_FILE, NOTICE_FILE, seedTable, seedText } from "../support/seeds";

describe("the seed documents", () => {
  test("hold four tables with the row counts printed in them", () => {
    const notice = parseSeedText(seedText(NOTICE_FILE), NOTICE_FILE);
    const minxin = parseSeedText(seedText(MINXIN_FILE), MINXIN_FILE);
    expect(notice.problems).toEqual([]);
    expect(minxin.problems).toEqual([]);
    expect(notice.tables.map((t) => [t.id, t.rows.length])).toEqual([
      ["city", 26],
      ["key", 4],
      ["district", 106],
    ]);
    expect(minxin.tables.map((t) => [t.id, t.rows.length])).toEqual([["minxin", 34]]);
  });

  test("keep titles, plan years and columns as printed", () => {
    expect(seedTable("city").title).toBe("2022年市政府重点工作责任分解表（涉及津南区工作）");
    expect(seedTable("key").title).toBe("2022年市政府工作关键任务（涉及津南区工作）");
    expect(seedTable("district").title).toBe("2022年津南区政府重点工作责任分解表");
    expect(seedTable("minxin").title).toBe("天津市2022年20项民心工程涉及津南区任务责任清单");
    expect(seedTable("minxin").planYear).toBe(2022);
    expect(seedTable("city").columns.map((c) => c.title)).toEqual([
      "序号",
      "市政府重点工作",
      "津南区工作明细及完成时限",
      "市责任单位",
      "分管区领导",
      "牵头单位",
    ]);
    expect(seedTable("district").columns.map((c) => c.key)).toEqual([
      "seq",
      "domain",
      "task",
      "detail",
      "leader",
      "lead",
      "coop",
    ]);
  });

  test("map the two-row 民心工程 header by meaning", () => {
    const columns = seedTable("minxin").columns;
    expect(columns.map((c) => `${c.key}:${c.title}`)).toEqual([
      "category:类别",
      "task:市级任务",
      "detail:涉及津南区具体工作",
      "q1:一季度",
      "q2:二季度",
      "q3:三季度",
      "q4:四季度",
      "lead:责任单位",
    ]);
    expect(columns[0].group).toBe("天津市20项民心工程");
    expect(columns[3].group).toBe("阶段性目标");
    expect(columns[7].group).toBeNull();
  });

  test("keep 序号 as printed and leave lost numbers empty", () => {
    const district = seedTable("district");
    const printed = district.rows.filter((r) => r.seq !== null).map((r) => r.seq);
    expect(printed).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
      "14",
      "29",
      "77",
      "87",
    ]);
    expect(district.rows[28].seq).toBe("29"); // the 29th row really is printed 29
    expect(district.rows[14].seq).toBeNull();
    expect(seedTable("city").rows.map((r) => r.seq)).toEqual(
      Array.from({ length: 26 }, (_, i) => String(i + 1))
    );
    expect(seedTable("minxin").rows.every((r) => r.seq === null)).toBe(true);
  });

  test("quote cells as written, defects included", () => {
    const city = seedTable("city");
    const key = seedTable("key");
    const district = seedTable("district");
    const minxin = seedTable("minxin");
    expect(city.rows[12].fields.detail).toContain("积极与市水务局+C18协调");
    expect(key.rows[2].fields.detail).toContain("积极与市水务局、河系处协调");
    expect(city.rows[7].fields.lead).toBe("会展经济区管委会区住房建设委");
    expect(city.rows[7].fields.leader).toBe("薛　彤胡永梅");
    expect(key.rows[1].fields.leader).toBe("薛　彤\n胡永梅");
    expect(city.rows[0].fields.cityUnit).toBe(
      "市规划资源局\n市农业农村委\n市交通运输委\n市水务局\n相关区人民政府"
    );
    expect(district.rows[0].fields.leader).toBe("于瑞均薛  彤 罗振胜");
    expect(district.rows[78].fields.task).toBe(
      " 全面开展城市桥梁隐患排查整改，加强超限超载路面治理。"
    );
    expect(district.rows[53].fields.lead).toBe("合作交流办\n12个招商主体");
    expect(minxin.rows[5].fields.lead).toBe("区委宣传部\n（区文明办）");
    expect(minxin.rows[33].fields.lead).toBe("区文化和旅游局\n（区体育局）");
    expect(minxin.rows[24].fields.category).toBe("十三、增建公共停车设施");
    expect(minxin.rows[25].fields.category).toBe("十五、建设智慧平安社区");
  });

  test("read cells whose paragraphs are separated by blank lines as one cell", () => {
    const row = seedTable("minxin").rows[3];
    expect(row.fields.q1).toMatch(/^1．下发《2022年津南区提升学生体质健康方案》/);
    expect(row.fields.q1).toContain("6．下发通知明确筛查方式和进度安排。");
    expect(row.fields.q4).toBe("学生体质健康数据上报教育部平台，完成体质测试工作。");
    const lostRowAfterBlank = seedTable("district").rows[87];
    expect(lostRowAfterBlank.fields.domain).toBe("19．实现更有温度社会保障");
    expect(lostRowAfterBlank.fields.task).toMatch(/^全力推进“宜业津南”计划/);
    expect(lostRowAfterBlank.fields.lead).toBe("人社局");
  });

  test("record vertically merged cells as continuations of the cell above", () => {
    const district = seedTable("district");
    const first = district.rows[0];
    expect(first.merged).toEqual([]);
    for (const row of district.rows.slice(1, 5)) {
      expect(row.merged.sort()).toEqual(["coop", "detail", "domain", "leader"]);
      expect(row.fields.detail).toBe("年底前完成。");
      expect(row.fields.leader).toBe(first.fields.leader);
      expect(row.fields.coop).toBe(first.fields.coop);
    }
    expect(district.rows[1].fields.task).toBe("一般公共预算收入增长6%。");
    expect(district.rows[1].fields.lead).toBe("财政局");
    // Row 6 opens a new section: its empty 配合单位 is simply empty.
    expect(district.rows[5].merged).toEqual([]);
    expect(district.rows[5].fields.coop).toBe("");
    // 涉及领域 left out of a row without 序号 continues down its group.
    expect(district.rows[14].merged).toEqual(["domain"]);
    expect(district.rows[14].fields.domain).toBe("3．持续优化创新创业生态");
    expect(district.rows[16].fields.domain).toBe("4．大力发展先进制造业");
    expect(district.rows[16].merged).toEqual([]);
    // An empty 配合单位 beside a row's own 工作明细 is not a merge.
    expect(district.rows[13].merged).toEqual(["domain"]);
    expect(district.rows[13].fields.coop).toBe("");
    const minxin = seedTable("minxin");
    expect(minxin.rows[1].merged).toEqual(["category"]);
    expect(minxin.rows[1].fields.category).toBe("一、推进社区养老服务");
  });

  test("carry each district row's section", () => {
    const district = seedTable("district");
    expect(district.rows[0].section).toBe("一、主要预期目标");
    expect(district.rows[5].section).toBe("二、聚焦“创新+产业”，坚定不移培育绿色高质量发展新动能");
    expect(district.rows[105].section).toBe(
      "七、聚焦“保障+改善”，坚定不移共享绿色高质量发展新成果"
    );
    expect(new Set(district.rows.map((r) => r.section)).size).toBe(7);
  });

  test("keep the key table's closing note apart from its cells", () => {
    const key = seedTable("key");
    expect(key.note).toBe(
      "注：以上四项关键任务包含在重点工作中，分别对应重点工作责任分解表第2、8、13、26项。此表为专项推动关键任务使用。"
    );
    expect(key.rows[3].fields.lead).toBe("区疫情防控指挥部\n区卫生健康委");
    expect(seedTable("city").note).toBeNull();
  });
});

describe("malformed input returns problems, never throws", () => {
  test("an empty file", () => {
    const result = parseSeedText("", "empty.txt");
    expect(result.tables).toEqual([]);
    expect(result.problems).toEqual([
      { source: "empty.txt", line: 0, message: expect.stringContaining("未找到表格") },
    ]);
  });

  test("random bytes", () => {
    let seed = 7;
    const bytes = Buffer.from(
      Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256)
    );
    const result = parseSeedText(bytes.toString("utf8"), "noise.bin");
    expect(result.tables).toEqual([]);
    expect(result.problems[0].message).toContain("不是可读的文本");
  });

  test("a table cut off in the middle of a row", () => {
    const lines = seedText(NOTICE_FILE).split("\n");
    const cut = lines.findIndex((l) => l === "\t5") + 3; // 序号 5 of 附件1, then two of its cells
    const result = parseSeedText(lines.slice(0, cut).join("\n"), "cut.txt");
    const city = result.tables[0];
    expect(city.rows).toHaveLength(5);
    expect(city.rows[4].fields.lead).toBe("");
    expect(result.problems).toEqual([
      {
        source: "cut.txt",
        line: cut - 2,
        message: "这一行不完整：应有 5 列，只读到 2 列，可能被截断。",
      },
    ]);
  });

  test("a header nobody knows", () => {
    const result = parseSeedText("标题\n\t甲\n\t乙\n\n\t1\n\t2\n", "odd.txt");
    expect(result.tables).toEqual([]);
    expect(result.problems[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining("无法识别表头"),
    });
  });

  test("a table with a header and no rows", () => {
    const result = parseSeedText(
      "2023年某区政府重点工作责任分解表\n\n\t序号\n\t重点工作\n\t牵头单位\n",
      "head.txt"
    );
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ id: "district", planYear: 2023, rows: [] });
    expect(result.problems[0].message).toContain("没有数据行");
  });

  test("an unknown column is reported and skipped, the others still read", () => {
    const result = parseSeedText(
      "表\n\t序号\n\t重点工作\n\t资金来源\n\t牵头单位\n\n\t1\n\t修路\n\t无\n\t区交通运输局\n",
      "x.txt"
    );
    expect(result.tables[0].columns.map((c) => c.key)).toEqual(["seq", "task", "lead"]);
    expect(result.tables[0].rows[0].fields).toEqual({ task: "修路", lead: "区交通运输局" });
    expect(result.problems[0].message).toBe("无法识别的表头「资金来源」，这一列未读取。");
  });
});
