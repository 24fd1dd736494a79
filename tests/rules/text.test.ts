import { doubledWords } from "../../src/core/rules/text/doubled";
import { whitespaceFindings } from "../../src/core/rules/text/whitespace";
import { check, CLEAN_KEYS, cleanRow, craftTable, ofRule, seedValidation, where } from "./craft";

const { issues } = seedValidation();

describe("text.residue", () => {
  test("附件1 #13's 积极与市水务局+C18协调 is an error quoting +C18", () => {
    const found = ofRule(issues, "text.residue");
    expect(found.map((i) => [i.table, i.row, i.column, i.severity, i.evidence])).toEqual([
      ["city", 13, "detail", "error", "+C18"],
    ]);
    expect(found[0].message).toBe(
      "「津南区工作明细及完成时限」中有电子表格残留「+C18」（公式、单元格引用或错误值，多为复制粘贴带入），请删除或改为原本的文字。"
    );
  });

  test("error values and formulas are found; 互联网+, “1+3”, PM2.5 and 5G are ordinary text", () => {
    const table = craftTable(CLEAN_KEYS, [
      cleanRow(1, {
        detail: "推进“互联网+护理服务”，落实“1+3”行动，PM2.5浓度下降，建设5G基站，6月底前完成。",
      }),
      cleanRow(2, { detail: "#REF!" }),
      cleanRow(3, { detail: "=SUM(A1:A3)" }),
      cleanRow(4, { task: "完成#N/A项任务", coop: "区财政局#VALUE!" }),
    ]);
    const found = ofRule(check([table]).issues, "text.residue");
    expect(found.map((i) => [i.row, i.column, i.evidence])).toEqual([
      [2, "detail", "#REF!"],
      [3, "detail", "=SUM(A1:A3)"],
      [4, "task", "#N/A"],
      [4, "coop", "#VALUE!"],
    ]);
  });
});

describe("text.doubled", () => {
  test("附件3 row 85: 年底前完成完成小站稻1号报审材料", () => {
    const found = ofRule(issues, "text.doubled");
    expect(found.map((i) => [i.table, i.row, i.evidence])).toEqual([
      ["district", 85, "年底前完成完成"],
    ]);
    expect(found[0].message).toBe(
      "「工作明细及完成时限」中「完成」重复了一次（「年底前完成完成」），请删去重复的字词。"
    );
  });

  test("single repeated characters are correct Chinese (市市场监管委, 2022年年底, 中医医院)", () => {
    expect(doubledWords("配合市市场监管委，2022年年底前力争创建中医医院")).toEqual([]);
    expect(doubledWords("研究部署研究部署工作")).toEqual([[0, 4]]);
    expect(doubledWords("推进推进")).toEqual([[0, 2]]);
  });
});

describe("text.whitespace", () => {
  test("the seeds' stray spaces are hints, one per cell", () => {
    expect(where(issues, "text.whitespace", "city")).toEqual(["city:5"]);
    const district = ofRule(issues, "text.whitespace").filter((i) => i.table === "district");
    expect(district.map((i) => [i.row, i.column])).toEqual([
      [5, "lead"], // 发展改革委 ⏎生态环境局
      [10, "detail"], // …“科创飞地”的作用。 ⏎
      [22, "leader"], // 薛  彤 ⏎
      [23, "lead"],
      [28, "lead"],
      [36, "coop"],
      [42, "lead"],
      [59, "lead"],
      [66, "lead"],
      [79, "task"], // " 全面开展城市桥梁隐患排查整改…"
      [80, "lead"],
    ]);
    const row79 = district.find((i) => i.row === 79);
    expect(row79?.message).toBe("「重点工作」开头有空格，建议删除，以免筛选、查找和对比时出错。");
  });

  test("spaces inside a leader's name belong to the leader rules, not here", () => {
    expect(whitespaceFindings("薛  彤", true)).toBeNull();
    expect(whitespaceFindings("薛  彤 ", true)?.where).toEqual(["末尾有空格"]);
    expect(whitespaceFindings("会展经济区管委会 土地整理中心", true)).toBeNull();
  });

  test("odd spacing inside running text and invisible characters", () => {
    expect(whitespaceFindings("年底前  完成。", false)?.where).toEqual([
      "文字中间有连续空格或全角空格",
    ]);
    expect(whitespaceFindings("年底前\u200b完成。", false)?.where).toEqual([
      "有不可见字符（零宽空格、不换行空格或制表符）",
    ]);
    expect(whitespaceFindings("第一行 \n第二行", false)?.where).toEqual(["有一行末尾有空格"]);
    expect(whitespaceFindings("   ", false)?.where).toEqual(["只有空白字符，没有内容"]);
    expect(whitespaceFindings("“企业命题 院校揭榜 师生解题”", false)).toBeNull();
    expect(whitespaceFindings("年底前完成。", false)).toBeNull();
  });
});
