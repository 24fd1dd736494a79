import { Category } from "../../src/core/rules/schema";
import { formatMessage, RULE_CATALOGUE, RULES, ruleInfo } from "../../src/core/rules";

describe("rule catalogue", () => {
  test("every rule the engine runs is in the catalogue, and nothing else is", () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(RULE_CATALOGUE.map((r) => r.id).sort());
    expect(new Set(RULE_CATALOGUE.map((r) => r.id)).size).toBe(RULE_CATALOGUE.length);
  });

  test("ids are category.name and start with their category", () => {
    for (const rule of RULE_CATALOGUE) expect(rule.id.startsWith(rule.category + ".")).toBe(true);
  });

  test("titles, descriptions and messages are Chinese, and messages say what to do", () => {
    for (const rule of RULE_CATALOGUE) {
      for (const text of [rule.title, rule.description, rule.message])
        expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.message).toMatch(/请|建议|可/);
    }
  });

  test("the categories of the issue are all used", () => {
    expect(new Set(RULE_CATALOGUE.map((r) => r.category))).toEqual(new Set(Category.options));
  });

  test("formatMessage fills placeholders and refuses a missing one", () => {
    const alias = ruleInfo("unit.alias");
    expect(
      formatMessage(alias.message, {
        name: "区市场监管委",
        canonical: "区市场监管局",
        rows: "第14行",
      })
    ).toBe(
      "「区市场监管委」（第14行）是「区市场监管局」的别称或误写，建议统一写作「区市场监管局」。"
    );
    expect(() => formatMessage(alias.message, { name: "区市场监管委", rows: "第14行" })).toThrow(
      "{canonical}"
    );
  });
});
