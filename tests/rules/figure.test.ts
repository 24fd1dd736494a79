import { figuresIn } from "../../src/core/rules/figure/figures";
import { subjectFigures } from "../../src/core/rules/figure/subjects";
import { check, craftTable, ofRule, seedValidation } from "./craft";

const { issues } = seedValidation();

describe("figuresIn", () => {
  test("reads numbers with measure words, 万 and 亿, ranges and comparators", () => {
    const found = figuresIn(
      "发放租房补贴200万元，惠及300个家庭；投入1.1亿元；筛查率达≥95%；培训500-1000人；2022年11月；PM2.5；第2项；0.6万人次以上"
    );
    expect(found.map((f) => [f.text, f.value, f.high, f.unit])).toEqual([
      ["200万元", 2000000, 2000000, "元"],
      ["300个", 300, 300, "个"],
      ["1.1亿元", 110000000, 110000000, "元"],
      ["≥95%", 95, 95, "%"],
      ["500-1000人", 500, 1000, "人"],
      ["0.6万人次以上", 6000, 6000, "人次"],
    ]);
  });

  test("a figure that opens the cell starts at its first character", () => {
    // Synthetic rows open with a figure, as a 具体工作 cell may: "2.1公里卫南洼游览路…".
    const [f] = figuresIn("2.1公里卫南洼游览路提升改造");
    expect([f.index, f.end, f.text, f.value, f.unit]).toEqual([0, 5, "2.1公里", 2.1, "公里"]);
    const [g] = figuresIn("≥95%的行政村");
    expect([g.index, g.text]).toEqual([0, "≥95%"]);
  });

  test("full-width digits are read, spans stay on the original text", () => {
    const text = "建设１７２个智慧平安社区";
    const [f] = figuresIn(text);
    expect([f.value, text.slice(f.index, f.end)]).toEqual([172, "１７２个"]);
  });
});

describe("subjectFigures", () => {
  test("a sentence led by one project gives it its figures; the thing counted is the measure", () => {
    const text =
      "辛庄镇海河中游配套中学工程（天津市实验中学项目）可提供学位2700个，预计11月份具备使用条件。";
    expect(subjectFigures(text, figuresIn(text)).map((s) => s.subject)).toEqual([
      { name: "辛庄镇海河中游配套中学工程", measure: "学位", kind: "project" },
    ]);
  });

  test("a sentence naming two projects gives a total for both, so neither gets it", () => {
    const text =
      "南开学校雅润路校区工程预计9月份具备使用条件，辛庄镇海河中游配套中学工程预计11月份具备使用条件，可提供义务教育学位3720个；";
    expect(subjectFigures(text, figuresIn(text)).map((s) => s.subject)).toEqual([
      { name: "义务教育学位", measure: "", kind: "noun" },
    ]);
  });

  test("without a project, the words before (or after) the figure name what it counts", () => {
    const text = "完成有效国家高新技术企业达到530家。10月底前完成172个智慧平安社区建设。";
    expect(subjectFigures(text, figuresIn(text)).map((s) => s.subject.name)).toEqual([
      "有效国家高新技术企业",
      "智慧平安社区",
    ]);
  });
});

describe("figure.cross-table", () => {
  const found = ofRule(issues, "figure.cross-table");

  test("three conflicts in the seeds, each on the later table's row", () => {
    expect(found.map((i) => [i.table, i.row, i.column, i.evidence])).toEqual([
      ["district", 12, "detail", "530家、550家"],
      ["minxin", 3, "detail", "1200个、2520个"],
      ["minxin", 23, "detail", "16条"],
    ]);
  });

  test("school places: 民心工程 says 1200 and 2520, 附件3 (区重点工作 row 123) says 2700 and 3720", () => {
    expect(found[1].message).toBe(
      "与「2022年津南区政府重点工作责任分解表」第123行的数字不一致：" +
        "「辛庄镇海河中游配套中学工程」义务教育学位本表为1200个、对方为2700个；" +
        "「南开学校雅润路校区工程」义务教育学位本表为2520个、对方为3720个。请与牵头单位核实后统一。"
    );
  });

  test("high-tech enterprises: 附件1 #5 says 780 and 662, 附件3 row 12 says 530 and 550", () => {
    expect(found[0].message).toBe(
      "与「2022年市政府重点工作责任分解表（涉及津南区工作）」第5项的数字不一致：" +
        "「有效国家高新技术企业」本表为530家、对方为780家；「评价入库国家科技型中小企业」本表为550家、对方为662家。请与牵头单位核实后统一。"
    );
  });

  test("bus lines: 民心工程 优化调整16条, 附件3 (区重点工作 row 99) 开通调整公交线路11条", () => {
    expect(found[2].message).toContain("第99行的数字不一致：「公交线路」本表为16条、对方为11条");
  });

  test("agreeing figures (2万人 就业, 172个 智慧平安社区, 1.1亿元 帮扶资金) and local ones (停车泊位772个 at 葛沽镇) are not reported", () => {
    const rows = found.map((i) => `${i.table}:${i.row}`);
    for (const row of [
      "minxin:14",
      "minxin:26",
      "district:84",
      "city:12",
      "minxin:25",
      "district:22",
    ])
      expect(rows).not.toContain(row);
  });

  test("city-wide figures in 市级任务 and rows the note ties together are not compared", () => {
    const city = craftTable(
      ["seq", "task", "detail", "leader", "lead"],
      [
        {
          seq: "1",
          task: "新增学位3.3万个。",
          detail: "新建普惠性学前教育学位900个，年底前完成。",
          leader: "陈妍卉",
          lead: "区教育局",
        },
      ],
      {
        id: "city",
        title: "2022年市政府重点工作责任分解表",
        titles: { task: "市政府重点工作" },
      }
    );
    const district = craftTable(
      ["seq", "task", "detail", "leader", "lead"],
      [
        {
          seq: "1",
          task: "新增学位2万个。",
          detail: "新建普惠性学前教育学位500个，年底前完成。",
          leader: "陈妍卉",
          lead: "区教育局",
        },
      ],
      {
        id: "district",
        title: "2022年某区政府重点工作责任分解表",
      }
    );
    const conflicts = ofRule(check([city, district]).issues, "figure.cross-table");
    expect(conflicts.map((i) => i.evidence)).toEqual(["500个"]);
  });
});
