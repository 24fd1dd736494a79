import { defaultRoster } from "../../src/core/roster";
import { RuleContext, type Cell } from "../../src/core/rules/context";
import { doubledWords } from "../../src/core/rules/text/doubled";
import { textKeys } from "../../src/core/rules/text/textCells";
import {
  MAY_HOLD_DOUBLED,
  MAY_HOLD_ODD_SPACE,
  MAY_HOLD_RESIDUE,
  ODD_SPACE,
  RESIDUE_START,
  markedTextCells,
  textMarks,
} from "../../src/core/rules/text/textMarks";
import { whitespaceFindings } from "../../src/core/rules/text/whitespace";
import { seedTables } from "../support/seeds";

describe("textMarks", () => {
  test("residue and whitespace marks follow the rules' character classes on every code unit", () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const expected =
        (RESIDUE_START.test(ch) ? MAY_HOLD_RESIDUE : 0) |
        (ODD_SPACE.test(ch) ? MAY_HOLD_ODD_SPACE : 0);
      // Inside a text too, not only alone.
      if (textMarks(ch) !== expected || textMarks(`年底前${ch}完成`) !== expected)
        wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test("a word written twice is marked, whatever its length", () => {
    expect(textMarks("年底前完成完成小站稻1号报审材料")).toBe(MAY_HOLD_DOUBLED);
    expect(textMarks("研究部署研究部署工作")).toBe(MAY_HOLD_DOUBLED);
    expect(textMarks("全面推进全面推进")).toBe(MAY_HOLD_DOUBLED);
    expect(textMarks("推进推进")).toBe(MAY_HOLD_DOUBLED);
    expect(textMarks("加快建设加快建设 ")).toBe(MAY_HOLD_DOUBLED | MAY_HOLD_ODD_SPACE);
  });

  test("single repeated characters and repeated digits or letters are not", () => {
    expect(textMarks("配合市市场监管委，2022年年底前力争创建中医医院")).toBe(0);
    expect(textMarks("完成2020202020")).toBe(0);
    expect(textMarks("ABAB")).toBe(0);
    expect(textMarks("")).toBe(0);
  });

  test("every text doubledWords finds something in is marked (all texts of up to 8 characters over 推进年1)", () => {
    const alphabet = ["推", "进", "年", "1"];
    let texts = [""];
    let doubled = 0;
    let marked = 0;
    for (let length = 1; length <= 8; length++) {
      texts = texts.flatMap((t) => alphabet.map((ch) => t + ch));
      for (const text of texts) {
        const mark = (textMarks(text) & MAY_HOLD_DOUBLED) !== 0;
        if (mark) marked++;
        if (doubledWords(text).length === 0) continue;
        doubled++;
        if (!mark) throw new Error(`not marked: ${text}`);
      }
    }
    expect(doubled).toBeGreaterThan(10_000);
    // The mark is a cheap test, not the rule: it may let through some texts without a repeat.
    expect(marked).toBeGreaterThanOrEqual(doubled);
  });
});

describe("markedTextCells", () => {
  test("on the seed tables it leaves out only cells in which no text rule can find anything", () => {
    const tables = seedTables();
    const ctx = new RuleContext(tables, { roster: defaultRoster() });
    let skipped = 0;
    for (const table of tables) {
      const id = (c: Cell) => `${c.row.row}.${c.key}`;
      const marked = new Map(markedTextCells(ctx, table).map((m) => [id(m.cell), m.marks]));
      for (const cell of ctx.cells(table, textKeys(ctx, table))) {
        const marks = marked.get(id(cell)) ?? 0;
        if (marks === 0) skipped++;
        expect([cell.text, (marks & MAY_HOLD_RESIDUE) !== 0]).toEqual([
          cell.text,
          RESIDUE_START.test(cell.text),
        ]);
        if (doubledWords(cell.text).length > 0) expect(marks & MAY_HOLD_DOUBLED).not.toBe(0);
        if (whitespaceFindings(cell.text, false)) expect(marks & MAY_HOLD_ODD_SPACE).not.toBe(0);
      }
    }
    // Most cells have nothing for any text rule.
    expect(skipped).toBeGreaterThan(500);
  });

  test("the seeds' +C18, 完成完成 and full-width spaces are all marked", () => {
    const tables = seedTables();
    const ctx = new RuleContext(tables, { roster: defaultRoster() });
    const texts = (mark: number) =>
      tables.flatMap((t) =>
        markedTextCells(ctx, t)
          .filter((m) => m.marks & mark)
          .map((m) => m.cell.text)
      );
    expect(texts(MAY_HOLD_RESIDUE).some((t) => t.includes("市水务局+C18协调"))).toBe(true);
    expect(texts(MAY_HOLD_DOUBLED).some((t) => t.includes("年底前完成完成"))).toBe(true);
    expect(texts(MAY_HOLD_ODD_SPACE).some((t) => t.includes("薛　彤"))).toBe(true);
  });
});
