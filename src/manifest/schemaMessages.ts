/**
 * Chinese wording for libxml2's XSD validation messages. The raw English line is always kept beside it
 * (ManifestIssue.raw); this only has to make the common cases readable, and falls back to a generic line.
 */

/** `{http://…}Name` → `Name`: the namespace says nothing to someone fixing the manifest. */
const localName = (qualified: string) => qualified.replace(/\{[^}]*\}/g, "");

const list = (items: string) =>
  items
    .split(",")
    .map((item) => localName(item.trim()).replace(/^'|'$/g, ""))
    .join("、");

const DETAILS: ReadonlyArray<[RegExp, (subject: string, ...groups: string[]) => string]> = [
  [
    /This element is not expected\. Expected is (?:one of )?\( (.+) \)/,
    (s, e) => `${s} 不应出现在这里，此处应为 ${list(e)}。`,
  ],
  [/This element is not expected/, (s) => `${s} 不应出现在这里。`],
  [
    /Missing child element\(s\)\. Expected is (?:one of )?\( (.+) \)/,
    (s, e) => `${s} 缺少子元素 ${list(e)}。`,
  ],
  [
    /\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}/,
    (s, v, set) => `${s} 的值“${v}”不在允许的取值（${list(set)}）之中。`,
  ],
  [
    /\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern/,
    (s, v) => `${s} 的值“${v}”格式不对。`,
  ],
  [
    /\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'/,
    (s, n, max) => `${s} 的值太长：${n} 个字符，最多 ${max} 个。`,
  ],
  [/The attribute '(.+)' is required but missing/, (s, a) => `${s} 缺少必需的属性 ${a}。`],
  [/The attribute '(.+)' is not allowed/, (s, a) => `${s} 不允许有属性 ${a}。`],
  [/'(.*)' is not a valid value of the/, (s, v) => `${s} 的值“${v}”不合规定。`],
  [
    /No matching global declaration available for the validation root/,
    () => "根元素不是 Office 清单的 OfficeApp。",
  ],
];

/** A Chinese sentence for one xmllint message (the message without its file:line prefix). */
export function describeSchemaError(message: string): string {
  if (/parser error/.test(message))
    return "不是格式正确的 XML（标签未闭合、引号不配对或含有非法字符）。";
  const subjectMatch = /Element '([^']+)'(?:, attribute '([^']+)')?/.exec(message);
  const element = subjectMatch ? localName(subjectMatch[1]) : "";
  const subject = subjectMatch?.[2]
    ? `元素 ${element} 的属性 ${subjectMatch[2]}`
    : `元素 ${element}`;
  for (const [pattern, describe] of DETAILS) {
    const match = pattern.exec(message);
    if (match) return describe(subject, ...match.slice(1));
  }
  return subjectMatch ? `${subject} 不符合 Office 清单架构。` : "不符合 Office 清单架构。";
}
