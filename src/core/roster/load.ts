import type { z } from "zod";
import seed from "../../../seeds/roster.jinnan-2022.json";
import { Roster } from "./schema";

const EXPECTED: Record<string, string> = {
  string: "文字",
  number: "数字",
  array: "列表",
  object: "对象",
  boolean: "是或否",
};

/** units[3].aliases[0] */
function formatPath(path: PropertyKey[]): string {
  return (
    path
      .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${String(key)}`))
      .join("") || "（顶层）"
  );
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `缺少此项或类型不对，应为${EXPECTED[issue.expected] ?? issue.expected}`;
    case "too_small":
      return "不能为空";
    case "unrecognized_keys":
      return `有无法识别的字段：${issue.keys.join("、")}`;
    case "invalid_union":
      return "写法不符：分组应为 {name, aliases, label} 或 {pattern, label}";
    case "invalid_value":
      return `取值不在允许范围内（${issue.values.map(String).join("、")}）`;
    case "custom":
      return issue.message;
    default:
      return "格式不正确";
  }
}

/** Reads roster data (parsed JSON, or rows a 名册 sheet was turned into); throws a Chinese message saying what is wrong where. */
export function loadRoster(json: unknown): Roster {
  const parsed = Roster.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${formatPath(issue.path)}：${describe(issue)}`
  );
  throw new Error(`名册数据有误：\n${problems.join("\n")}`);
}

let jinnan: Roster | undefined;

/** The seeded roster of 天津市津南区, 2022 (seeds/roster.jinnan-2022.json). */
export function defaultRoster(): Roster {
  return (jinnan ??= loadRoster(seed));
}
