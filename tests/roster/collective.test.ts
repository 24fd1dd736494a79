import { collectiveLabel, isCollective } from "../../src/core/roster/collective";
import { defaultRoster } from "../../src/core/roster/load";
import { normaliseName } from "../../src/core/roster/normalise";

/**
 * What a collective looks like, whatever the 名册 (collective.ts). The real tables' own collectives
 * are tested where they are printed (tests/real/collectives.test.ts); here the shapes around them
 * and the names that must stay names: every unit and leader of the shipped 名册.
 */

const jinnan = defaultRoster();

test("a collective, with or without the level it belongs to", () => {
  const written = [
    "各镇街",
    "相关部门",
    "有关单位",
    "各有关单位",
    "区级相关部门",
    "区直各部门",
    "县直各单位",
    "市级各有关部门",
    "市有关部门",
    "全区各街道",
    "区属各国有企业",
    "其他相关单位",
    "其他单位",
    "各县、市、区政府",
    "质量工作领导小组相关成员单位",
  ];
  expect(written.filter((w) => !isCollective(normaliseName(w)))).toEqual([]);
});

test("no unit or leader of the shipped 名册 is taken for a collective", () => {
  const names = [
    ...jinnan.units.flatMap((u) => [u.name, ...u.variants, ...u.aliases]),
    ...jinnan.leaders.flatMap((l) => [l.name, ...l.aliases]),
  ];
  expect(names.length).toBeGreaterThan(100);
  expect(names.filter((n) => isCollective(normaliseName(n)))).toEqual([]);
});

test("the shipped 名册's own groups have a collective's shape", () => {
  const named = jinnan.groups.flatMap((g) => ("name" in g ? [g.name, ...g.aliases] : []));
  expect(named.filter((n) => !isCollective(normaliseName(n)))).toEqual([]);
});

test("a label in the user's words", () => {
  expect(["各镇", "各相关镇街", "区级相关部门", "某某专班成员单位"].map(collectiveLabel)).toEqual([
    "全部镇",
    "相关镇街",
    "区级相关部门",
    "成员单位",
  ]);
});
