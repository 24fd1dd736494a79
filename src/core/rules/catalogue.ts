import { z } from "zod";
import { RuleInfo } from "./schema";

/**
 * The rule catalogue: every rule's id, category, severity, title, description and message
 * template. The engine, the task pane, the 校验结果 sheet and the README's rule list all read it.
 * Messages say what is wrong and what to do; {placeholders} are filled per issue.
 */
const CATALOGUE = [
  // numbering
  {
    id: "numbering.seq-missing",
    category: "numbering",
    severity: "warning",
    title: "序号缺失",
    description:
      "有序号列的表中没有序号的行（多为从 Word 复制时自动编号丢失）。连续的几行合并为一条，并按前后序号推算应填的序号。",
    message: "{rows}没有序号（共{count}行），按前后序号推算应为{expected}，请补填。",
  },
  {
    id: "numbering.seq-duplicate",
    category: "numbering",
    severity: "error",
    title: "序号重复",
    description:
      "同一张表中两项的序号相同。序号可写作 1、1. (1) ① 等；各分节从 1 重新编号的表按分节比较；合并在几行上的一个序号是一项的几个子行，不算重复。",
    message: "序号「{seq}」与第{otherRow}行重复，按前后顺序本行应为{expected}，请核对后改正。",
  },
  {
    id: "numbering.seq-order",
    category: "numbering",
    severity: "warning",
    title: "序号不连续",
    description:
      "序号跳号或倒序：与上一个序号之间的差，不等于两项之间的项数（合并序号下的子行算一项）。",
    message:
      "序号「{seq}」接在第{previousRow}行的「{previous}」之后，不连续，按顺序应为{expected}，请核对是否漏行、多行或编号有误。",
  },
  {
    id: "numbering.heading-gap",
    category: "numbering",
    severity: "warning",
    title: "分类编号跳号",
    description:
      "分节（一、二、…）、民心工程类别（一、…二十、）或涉及领域、小标题（1．（一）①…）的编号中间缺号。小标题在每个分节从头编号的，按分节检查。",
    message:
      "{label}编号从「{previous}」跳到「{current}」，缺少「{missing}」，请核对是否漏项或编号有误。",
  },
  {
    id: "numbering.heading-order",
    category: "numbering",
    severity: "warning",
    title: "分类编号重复或倒序",
    description: "分节、类别或涉及领域的编号重复出现或比前一个小。",
    message: "{label}编号「{current}」接在「{previous}」之后，编号重复或倒序，请核对。",
  },
  // deadline
  {
    id: "deadline.missing",
    category: "deadline",
    severity: "warning",
    title: "未写完成时限",
    description:
      "完成时限（单独的完成时限列，否则工作明细及完成时限）中找不到任何时间表述（如“6月底前”“年底前完成”“三季度”）。合并单元格只在第一行报告。有季度目标列的表（民心工程）和没有一行写有时限、也没有完成时限列的表不检查此项。",
    message:
      "「{columnTitle}」中没有完成时限，请补充明确的完成时间（如“6月底前完成”“年底前完成”）。",
  },
  {
    id: "deadline.impossible",
    category: "deadline",
    severity: "error",
    title: "日期不存在",
    description:
      "完成时限或工作明细中的日期在日历上不存在（如“2023年13月”“2月30日”），多为笔误。这样的单元格不再报“未写完成时限”。",
    message: "「{columnTitle}」中的「{date}」不是存在的日期，请核对改正。",
  },
  {
    id: "deadline.open-ended",
    category: "deadline",
    severity: "info",
    title: "只有持续性表述",
    description: "工作明细只有“持续推进”“常态化”“每月”等长期或周期性表述，没有具体日期。",
    message:
      "「{columnTitle}」只有「{phrase}」这类持续性或周期性表述，没有具体完成时限，建议补充年内阶段目标和完成时间。",
  },
  {
    id: "deadline.beyond-year",
    category: "deadline",
    severity: "warning",
    title: "时限超出计划年度",
    description: "完成时限晚于计划年度（取自表格标题，如 2022年）的年底，例如“2023年三季度竣工”。",
    message:
      "完成时限「{phrase}」（{date}）超出计划年度{planYear}年，请确认是否为跨年度任务，并写明{planYear}年内要完成的节点。",
  },
  {
    id: "deadline.quarter-missing",
    category: "deadline",
    severity: "warning",
    title: "季度目标缺失",
    description: "有阶段性目标（一季度至四季度）的表中，某个季度的目标为空。",
    message: "「{columnTitle}」阶段性目标为空，请补充该季度要完成的目标。",
  },
  {
    id: "deadline.overdue",
    category: "deadline",
    severity: "warning",
    title: "已超期",
    description:
      "只在给出检查日期时检查：完成时限早于检查日期，而完成状态不是“已完成”。民心工程按检查日期所在季度的阶段性目标判断。",
    message:
      "完成时限「{phrase}」（{date}）已过（检查日期{checkDate}），且未标为已完成，请督促牵头单位报送完成情况。",
  },
  {
    id: "deadline.milestone-passed",
    category: "deadline",
    severity: "info",
    title: "阶段节点已过",
    description:
      "只在给出检查日期时检查：工作明细写有几个时间节点（如“6月底开工，12月底完工”），最终完成时限未到，但前面的某个节点已过，而完成状态不是“已完成”。不算超期，提示核对该阶段是否按时完成。",
    message:
      "阶段节点{milestones}已过（检查日期{checkDate}），最终完成时限为{final}（「{finalPhrase}」），请核对这些阶段工作是否按时完成。",
  },
  // leader
  {
    id: "leader.missing",
    category: "leader",
    severity: "error",
    title: "分管领导为空",
    description: "分管领导单元格为空。延续上一行合并单元格的不算为空。",
    message: "「{columnTitle}」为空，请补填分管领导。",
  },
  {
    id: "leader.unknown",
    category: "leader",
    severity: "warning",
    title: "领导不在名册中",
    description:
      "分管领导的姓名在名册中找不到（名册可按区替换）。同一表同一列中的同一写法只报告一次，列出所在行。",
    message:
      "「{name}」（{rows}）不在名册的分管领导中，请核对姓名是否写错；如确为新分工的领导，请在名册中添加。",
  },
  {
    id: "leader.alias",
    category: "leader",
    severity: "warning",
    title: "领导姓名写法不规范",
    description: "姓名是名册中某位领导的别名或旧写法。同一写法每表每列报告一次。",
    message: "「{name}」（{rows}）是「{canonical}」的另一种写法，建议统一写作「{canonical}」。",
  },
  {
    id: "leader.run-together",
    category: "leader",
    severity: "info",
    title: "领导姓名连写",
    description: "一个单元格中几位领导的姓名连在一起，没有顿号、空格或换行分隔（于瑞均薛彤）。",
    message: "「{text}」是几位领导的姓名连在一起，没有分隔，建议写作「{suggestion}」。",
  },
  {
    id: "leader.spacing",
    category: "leader",
    severity: "warning",
    title: "同一领导空格写法不一",
    description:
      "同一位领导在各表、各行中的姓名空格写法不同（薛　彤 / 薛  彤 / 薛彤）。每种非主流写法报告一次，不逐行报告。",
    message:
      "「{variant}」（{variantSpacing}）共{count}处，而{preferredCount}处写作「{preferred}」（{preferredSpacing}），同一位领导写法不一，按姓名筛选或汇总时会被当作两个人，建议统一写作「{preferred}」。",
  },
  // unit
  {
    id: "unit.missing",
    category: "unit",
    severity: "error",
    title: "牵头单位为空",
    description: "牵头单位（责任单位）单元格为空。延续上一行合并单元格的不算为空。",
    message: "「{columnTitle}」为空，请补填牵头单位。",
  },
  {
    id: "unit.unknown",
    category: "unit",
    severity: "warning",
    title: "单位不在名册中",
    description:
      "牵头单位或配合单位在名册中找不到。“各镇街”“区级相关部门”“…领导小组成员单位”等统称和“12个招商主体”这类数量不算。同一写法每表每列报告一次，列出所在行。",
    message:
      "「{name}」（{rows}）不在名册的单位中，请核对名称是否写错；如确为新设或新增单位，请在名册中添加。",
  },
  {
    id: "unit.alias",
    category: "unit",
    severity: "warning",
    title: "单位名称不规范",
    description:
      "单位名称是名册中某个单位的别称或误写（区市场监管委 → 区市场监管局）。只省略区名的简写另见“单位名称省略区名”。同一写法每表每列报告一次，列出所在行。",
    message: "「{name}」（{rows}）是「{canonical}」的别称或误写，建议统一写作「{canonical}」。",
  },
  {
    id: "unit.short-form",
    category: "unit",
    severity: "info",
    title: "单位名称省略区名",
    description:
      "单位名称只是省略了区名（发展改革委 即 区发展改革委，公安分局 即 公安津南分局）。这是整张表的统一写法，每张表只汇总提示一次。",
    message:
      "本表有{count}处单位名称省略了区名（如「{example}」即名册中的「{exampleCanonical}」），共涉及{units}个单位。这是全表一致的简写，不影响按单位汇总；如需规范，可统一改为全称。",
  },
  {
    id: "unit.run-together",
    category: "unit",
    severity: "info",
    title: "单位名称连写",
    description:
      "一个单元格中几个单位名称连在一起，没有顿号、空格或换行分隔（会展经济区管委会区住房建设委）。",
    message: "「{text}」是几个单位名称连在一起，没有分隔，建议写作「{suggestion}」。",
  },
  // xref
  {
    id: "xref.target-missing",
    category: "xref",
    severity: "warning",
    title: "对应的表未载入",
    description:
      "表注说本表各项对应另一张表的某几项（如“对应重点工作责任分解表第2、8、13、26项”），但那张表没有一同载入。",
    message:
      "表注说本表各项对应「{target}」第{items}项，但该表没有一同载入，无法核对。请把它和本表一起校验。",
  },
  {
    id: "xref.item-missing",
    category: "xref",
    severity: "error",
    title: "对应项不存在",
    description: "表注引用的项在被引用的表中找不到。",
    message:
      "表注说本表{item}对应「{target}」第{targetSeq}项，但该表没有第{targetSeq}项，请核对表注或补上该项。",
  },
  {
    id: "xref.count-mismatch",
    category: "xref",
    severity: "warning",
    title: "表注项数与行数不符",
    description: "表注列出的项数与本表行数不同，无法逐项对应。",
    message: "表注列出{count}项（第{items}项），本表却有{rows}行，无法逐项对应，请核对表注。",
  },
  {
    id: "xref.text-differs",
    category: "xref",
    severity: "error",
    title: "对应项文字不同",
    description:
      "表注对应的两项，同一列的文字有字词差异（只有空格、换行、标点分隔不同的另见下一条）。只摘出不同的片段。",
    message:
      "本表{item}与「{target}」第{targetSeq}项的「{columnTitle}」文字不同：本表为「{ours}」，「{target}」为「{theirs}」。请核对哪一处有误，改为一致。",
  },
  {
    id: "xref.spacing-differs",
    category: "xref",
    severity: "info",
    title: "对应项仅分隔不同",
    description: "表注对应的两项，同一列只有空格、换行或顿号、逗号等分隔不同，文字一致。",
    message:
      "本表{item}与「{target}」第{targetSeq}项的「{columnTitle}」只有空格、换行或分隔符号不同（本表「{ours}」，对方「{theirs}」），内容一致，可统一写法。",
  },
  // quarterly
  {
    id: "quarterly.cumulative-decrease",
    category: "quarterly",
    severity: "warning",
    title: "累计数减少",
    description: "季度目标中标明“累计”的数字比上一季度的累计数还小（同一计量单位）。",
    message:
      "「{columnTitle}」的累计数「{current}」少于「{previousTitle}」的「{previous}」，累计数不应减少，请核对季度目标。",
  },
  {
    id: "quarterly.target-mismatch",
    category: "quarterly",
    severity: "warning",
    title: "四季度目标与全年目标不符",
    description:
      "四季度目标中的数字与具体工作中的全年目标（同一计量单位）对不上：既不等于全年目标，也不等于各季度之和。",
    message:
      "「{columnTitle}」的「{quarter}」与「{targetTitle}」中的全年目标「{target}」不一致，请核对全年目标或四季度目标。",
  },
  // text
  {
    id: "text.residue",
    category: "text",
    severity: "error",
    title: "电子表格残留",
    description:
      "文字中夹带公式、单元格引用或错误值（+C18、=A1、#REF!、#N/A、#VALUE! 等），多为复制粘贴带入。",
    message:
      "「{columnTitle}」中有电子表格残留「{evidence}」（公式、单元格引用或错误值，多为复制粘贴带入），请删除或改为原本的文字。",
  },
  {
    id: "text.doubled",
    category: "text",
    severity: "warning",
    title: "字词重复",
    description: "两到四个字的词紧接着重复了一次（年底前完成完成）。",
    message: "「{columnTitle}」中「{word}」重复了一次（「{evidence}」），请删去重复的字词。",
  },
  {
    id: "text.whitespace",
    category: "text",
    severity: "info",
    title: "多余空白",
    description:
      "单元格或其中某一行的开头、末尾有空格，文字中有连续空格、全角空格或不可见字符。领导姓名中间的空格归“同一领导空格写法不一”。",
    message: "「{columnTitle}」{where}，建议删除，以免筛选、查找和对比时出错。",
  },
  // figure
  {
    id: "figure.cross-table",
    category: "figure",
    severity: "warning",
    title: "两表数字不一致",
    description:
      "同一项目或同一指标在两张表中写了不同的数字（同一计量单位），如同一所学校可提供的学位数。项目按句首的工程、项目名认定，指标按数字前后的名词认定；市级任务列不比较，表注对应的两项之间不重复比较，不同计划年度或不同地方的表之间不比较（标题中的地名不同，或两表所列单位无一相同，即视为不同地方）。每对行报告一次，列出所有不一致的数字。",
    message: "与「{otherTable}」{otherRow}的数字不一致：{details}。请与牵头单位核实后统一。",
  },
  // roster
  {
    id: "roster.sheet",
    category: "roster",
    severity: "warning",
    title: "名册有误",
    description:
      "工作簿中“名册”工作表本身的问题：类别无法识别、名称为空、只有别名没有名称、同一名称占两行、别名同时是另一行的名称、两个名称互为别名（循环）、一个写法属于两个名称、单位组的成员不是名册中的单位。有问题的行或写法不使用，其余照常用于校验。",
    message: "{problem}改正后请重新校验。",
  },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof CATALOGUE)[number]["id"];

/** The catalogue, checked against its schema when loaded. */
export const RULE_CATALOGUE: readonly RuleInfo[] = z.array(RuleInfo).parse(CATALOGUE);

const byId = new Map(RULE_CATALOGUE.map((r) => [r.id, r]));

export function ruleInfo(id: RuleId): RuleInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`Unknown rule ${id}`);
  return info;
}

/**
 * A template split at its placeholders: odd positions hold placeholder names. Split once per
 * template: a validation formats tens of thousands of messages from a few dozen templates.
 */
const templateParts = new Map<string, string[]>();

/** Fills a message template; a missing placeholder is a bug in the rule, so it throws. */
export function formatMessage(
  template: string,
  params: Readonly<Record<string, string | number>>
): string {
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{([A-Za-z]+)\}/)));
  let message = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]];
    if (value === undefined) throw new Error(`Message placeholder {${parts[i]}} not given`);
    message += String(value) + parts[i + 1];
  }
  return message;
}
