import { seedValidation } from "./craft";

/**
 * The whole seed run, rule by rule. Every issue behind these numbers was read and judged right
 * (see the per-rule tests for the rows): this is the table the README quotes.
 */
const EXPECTED: Record<string, Record<string, number>> = {
  city: {
    "deadline.missing": 3, // #3, #4, #8
    "deadline.open-ended": 1, // #26 持续推进
    "leader.run-together": 2, // #1 薛彤罗振胜, #8 薛彤胡永梅 (names written with a full-width space)
    "leader.spacing": 1, // 薛\u3000彤 (12 cells) where most cells (21, 附件3) write 薛  彤
    "unit.alias": 4, // 区市场监管委, 区应急局, 区住房城乡建设委, 区医保局
    "unit.short-form": 1, // 公安分局
    "unit.run-together": 2, // #8, #19
    "text.residue": 1, // #13 +C18
    "text.whitespace": 1, // #5 市财政局␠
  },
  key: {
    "deadline.missing": 1, // #2 = 附件1 #8
    "deadline.open-ended": 1, // #4 = 附件1 #26
    "xref.text-differs": 2, // #2 并做好, #3 +C18 / 、河系处
    "xref.spacing-differs": 3, // #2 leader and lead, #3 leader
  },
  district: {
    "numbering.seq-missing": 4, // rows 15–28, 30–76, 78–86, 88–106
    "deadline.missing": 26,
    "deadline.open-ended": 13,
    "deadline.beyond-year": 3, // rows 77, 94, 99
    "leader.run-together": 21,
    "unit.alias": 1, // 武装部
    "unit.short-form": 1,
    "unit.run-together": 4,
    "text.doubled": 1, // 完成完成
    "text.whitespace": 11,
    "figure.cross-table": 1, // 高新技术企业 530/550 vs 附件1 780/662
  },
  minxin: {
    "numbering.heading-gap": 1, // 十三、 → 十五、
    "unit.alias": 1, // 区交通运输局, rows 23 and 24
    "quarterly.target-mismatch": 1, // 孤独症筛查率 92% / ≥95%
    "figure.cross-table": 2, // 学位 1200/2520 vs 2700/3720; 公交线路 16 vs 11
  },
};

describe("the seed run", () => {
  const result = seedValidation();

  test("per table and severity: 附件1 1/8/7, 附件2 2/1/4, 附件3 0/36/50, 民心工程 0/5/0", () => {
    const lines = result.perTable.map(
      (t) =>
        `${t.table} ${t.title}：${t.rows} 行，错误 ${t.totals.error} 处，警告 ${t.totals.warning} 处，提示 ${t.totals.info} 处`
    );
    console.log(lines.join("\n"));
    expect(
      result.perTable.map((t) => [t.table, t.rows, t.totals.error, t.totals.warning, t.totals.info])
    ).toEqual([
      ["city", 26, 1, 8, 7],
      ["key", 4, 2, 1, 4],
      ["district", 106, 0, 36, 50],
      ["minxin", 34, 0, 5, 0],
    ]);
    expect(result.totals).toEqual({ error: 3, warning: 50, info: 61 });
  });

  test("per table and rule", () => {
    const counted: Record<string, Record<string, number>> = {};
    for (const issue of result.issues) {
      counted[issue.table] ??= {};
      counted[issue.table][issue.rule] = (counted[issue.table][issue.rule] ?? 0) + 1;
    }
    expect(counted).toEqual(EXPECTED);
  });

  test("issues come in reading order: table, row, column", () => {
    const order = ["city", "key", "district", "minxin"];
    const keys = result.issues.map((i) => order.indexOf(i.table) * 1e6 + i.row);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });
});
