/**
 * The work a time expression governs, as written: in "6月底开工，12月底完成" 6月底 governs 开工 and
 * 12月底 完成. Chinese puts the time before the verb, so it is the clause that follows the time
 * (up to the next clause mark or the next time); a time that stands alone before a comma
 * ("年底前，深入开展燃气安全排查整治") governs the clause after the comma.
 */

/** Marks that end a clause. 、 does not: it joins the objects of one verb (完成月牙河、幸福河). */
const CLAUSE_END = /[，,。；;：:！!？?\n\r]/;
/** Longest action kept, in characters; a longer clause is cut with "…". */
const MAX_ACTION = 12;

function clauseFrom(text: string, from: number, to: number): string {
  let end = from;
  while (end < to && !CLAUSE_END.test(text[end])) end++;
  return text.slice(from, end).trim();
}

function shortened(clause: string): string {
  // A list running on to the next time (6月底前开工、12月底前竣工) leaves its 、 behind.
  const trimmed = clause.replace(/[、\s]+$/, "");
  const chars = [...trimmed];
  return chars.length > MAX_ACTION ? `${chars.slice(0, MAX_ACTION).join("")}…` : trimmed;
}

/**
 * The action of the time at [index, end) of `text`, read no further than `limit` (where the next
 * time starts). "" when the time governs nothing written after it ("…任务，年底前。").
 */
export function actionAfter(text: string, end: number, limit: number): string {
  const own = clauseFrom(text, end, limit);
  if (own !== "") return shortened(own);
  const mark = text[end];
  if (mark !== "，" && mark !== "," && mark !== "：" && mark !== ":") return "";
  return shortened(clauseFrom(text, end + 1, limit));
}
