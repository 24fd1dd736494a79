import { execRefusing } from "../../src/core/regex/execRefusing";
import { groupsOf, namedRegExp } from "../../src/core/regex/namedGroups";

test("named groups compile to plain ones and are read back by name", () => {
  const named = namedRegExp("(?<y>\\d{4})年(?:(?<m>\\d{1,2})月)?[(?<]", "g");
  expect(named.regex.source).toBe("(\\d{4})年(?:(\\d{1,2})月)?[(?<]");
  expect(named.names).toEqual(["y", "m"]);
  const m = named.regex.exec("2022年6月(")!;
  expect(groupsOf(named, m)).toEqual({ y: "2022", m: "6" });
});

test("look-behind and unnamed capture groups are refused, not miscounted", () => {
  expect(() => namedRegExp("(?<!\\d)年", "g")).toThrow(/Look-behind/);
  expect(() => namedRegExp("(?<=完成)年度", "g")).toThrow(/Look-behind/);
  expect(() => namedRegExp("(\\d)(?<m>月)", "g")).toThrow(/Unnamed/);
});

test("a refused match moves the search on by one character, as a failed look-behind does", () => {
  // What /(?<![0-9])\d{1,2}月/g finds: not the 2 of 12月 once 1 is refused.
  const regex = /\d{1,2}月/g;
  const text = "2022月、12月、3月";
  const found: string[] = [];
  const inNumber = (m: RegExpExecArray) => /[0-9]/.test(text.charAt(m.index - 1));
  for (let m = execRefusing(regex, text, inNumber); m; m = execRefusing(regex, text, inNumber))
    found.push(m[0]);
  expect(found).toEqual([..."2022月、12月、3月".matchAll(/(?<![0-9])\d{1,2}月/g)].map((m) => m[0]));
  expect(found).toEqual(["12月", "3月"]);
});
