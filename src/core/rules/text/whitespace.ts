import type { Rule } from "../context";
import type { Issue } from "../schema";
import { NAME_COLUMNS } from "./textCells";
import { MAY_HOLD_ODD_SPACE, ODD_SPACE, markedTextCells } from "./textMarks";

/** Zero-width characters, no-break spaces and tabs: invisible in a cell, yet they break search and comparison. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00a0\t]/;
/** Inside running text: two spaces or more, or a full-width space. */
const ODD_INNER = / {2,}|\u3000/;
const SPACE = /[^\S\n]/;

/** What is odd about a cell's whitespace, in words for the message, with the piece of text that shows it. */
export function whitespaceFindings(
  text: string,
  nameColumn: boolean
): { where: string[]; evidence: string } | null {
  // Every finding below needs such a character.
  if (!ODD_SPACE.test(text)) return null;
  if (text.trim() === "") return { where: ["只有空白字符，没有内容"], evidence: text };
  const where: string[] = [];
  let evidence = "";
  const note = (what: string, piece: string) => {
    where.push(what);
    evidence ||= piece;
  };
  const lines = text.split("\n");
  const last = lines.length - 1;
  if (SPACE.test(text[0])) note("开头有空格", lines[0].slice(0, 20));
  if (SPACE.test(text[text.length - 1])) note("末尾有空格", lines[last].slice(-20));
  if (lines.some((l, i) => i < last && SPACE.test(l[l.length - 1] ?? ""))) {
    note(
      "有一行末尾有空格",
      lines.find((l, i) => i < last && SPACE.test(l[l.length - 1] ?? ""))?.slice(-20) ?? ""
    );
  }
  if (lines.some((l, i) => i > 0 && SPACE.test(l[0] ?? ""))) {
    note(
      "有一行开头有空格",
      lines.find((l, i) => i > 0 && SPACE.test(l[0] ?? ""))?.slice(0, 20) ?? ""
    );
  }
  const invisible = INVISIBLE.exec(text);
  if (invisible)
    note(
      "有不可见字符（零宽空格、不换行空格或制表符）",
      text.slice(Math.max(0, invisible.index - 8), invisible.index + 8)
    );
  if (!nameColumn) {
    const inner = ODD_INNER.exec(text.trim());
    if (inner) {
      const trimmed = text.trim();
      note(
        "文字中间有连续空格或全角空格",
        trimmed.slice(Math.max(0, inner.index - 8), inner.index + inner[0].length + 8)
      );
    }
  }
  return where.length > 0 ? { where, evidence } : null;
}

/**
 * Spaces at the start or end of a cell or of one of its lines, invisible characters, and odd
 * spacing inside running text. Spaces inside names belong to the leader and unit rules.
 */
export const textWhitespace: Rule = {
  id: "text.whitespace",
  check(ctx) {
    const issues: Issue[] = [];
    for (const table of ctx.tables) {
      for (const { cell, marks } of markedTextCells(ctx, table)) {
        if ((marks & MAY_HOLD_ODD_SPACE) === 0) continue;
        const found = whitespaceFindings(cell.text, NAME_COLUMNS.has(cell.key));
        if (found)
          issues.push(
            ctx.issue(
              "text.whitespace",
              table,
              cell.row,
              cell.key,
              { where: found.where.join("、") },
              found.evidence
            )
          );
      }
    }
    return issues;
  },
};
