import type { Rule } from "../context";
import type { Issue } from "../schema";
import { MAY_HOLD_DOUBLED, markedTextCells } from "./textMarks";

/** Characters of context shown before the repeat. */
const BEFORE = 3;

const isHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;

/**
 * Where a word of two to four Chinese characters is written twice in a row (年底前完成完成):
 * [start, word length] pairs. Single characters are left alone: 市市场监管委, 2022年年底 and 人人
 * are correct Chinese. A plain scan, not a back-referencing regex, because it runs on every cell.
 */
export function doubledWords(text: string): [number, number][] {
  const found: [number, number][] = [];
  const n = text.length;
  for (let i = 0; i + 4 <= n; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) continue;
    for (let len = 2; len <= 4 && i + 2 * len <= n; len++) {
      if (c !== text.charCodeAt(i + len) || !repeats(text, i, len)) continue;
      found.push([i, len]);
      i += 2 * len - 1;
      break;
    }
  }
  return found;
}

/** text[i, i+len) is all Chinese and is written again right after itself. */
function repeats(text: string, i: number, len: number): boolean {
  for (let k = 1; k < len; k++) {
    const c = text.charCodeAt(i + k);
    if (!isHan(c) || c !== text.charCodeAt(i + len + k)) return false;
  }
  return true;
}

export const textDoubled: Rule = {
  id: "text.doubled",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      for (const { cell, marks } of markedTextCells(ctx, table)) {
        if ((marks & MAY_HOLD_DOUBLED) === 0) continue;
        for (const [index, len] of doubledWords(cell.text)) {
          const evidence = cell.text.slice(Math.max(0, index - BEFORE), index + 2 * len);
          const word = cell.text.slice(index, index + len);
          issues.push(
            ctx.issue("text.doubled", table, cell.row, cell.key, { word, evidence }, evidence)
          );
        }
      }
    }
    return issues;
  },
};
