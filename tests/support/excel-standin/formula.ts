import { columnIndex } from "./address";
import type { CellValue } from "./model/sheet";

/**
 * The stand-in computes a formula's value once, when it is written (no recalculation), and only
 * for a small subset: arithmetic on number literals (=1+2*3), a single cell reference with
 * optional signs (=+C18, =-Sheet2!B4), and HYPERLINK("…", "text"). Everything else is "#NAME?".
 */
export type CellLookup = (sheet: string | null, row: number, col: number) => CellValue | undefined;

type Tok = { t: "num"; v: number } | { t: "op"; v: string };

function tokenize(body: string): Tok[] | null {
  const toks: Tok[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === " ") {
      i += 1;
    } else if ("+-*/()".includes(ch)) {
      toks.push({ t: "op", v: ch });
      i += 1;
    } else {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(body.slice(i));
      if (!m) return null;
      toks.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    }
  }
  return toks;
}

/** Recursive descent over + - * / and parentheses; null when the text is not such an expression. */
function arithmetic(body: string): number | "#DIV/0!" | null {
  const toks = tokenize(body);
  if (!toks || toks.length === 0) return null;
  let pos = 0;
  let divByZero = false;
  const peek = () => toks[pos];
  const factor = (): number | null => {
    const tok = toks[pos++];
    if (!tok) return null;
    if (tok.t === "num") return tok.v;
    if (tok.v === "-" || tok.v === "+") {
      const inner = factor();
      return inner === null ? null : tok.v === "-" ? -inner : inner;
    }
    if (tok.v === "(") {
      const inner = sum();
      const close = toks[pos++];
      return inner === null || close?.t !== "op" || close.v !== ")" ? null : inner;
    }
    return null;
  };
  const product = (): number | null => {
    let left = factor();
    while (left !== null && peek()?.t === "op" && (peek().v === "*" || peek().v === "/")) {
      const op = toks[pos++].v;
      const right = factor();
      if (right === null) return null;
      if (op === "/" && right === 0) divByZero = true;
      left = op === "*" ? left * right : left / right;
    }
    return left;
  };
  const sum = (): number | null => {
    let left = product();
    while (left !== null && peek()?.t === "op" && (peek().v === "+" || peek().v === "-")) {
      const op = toks[pos++].v;
      const right = product();
      if (right === null) return null;
      left = op === "+" ? left + right : left - right;
    }
    return left;
  };
  const result = sum();
  if (result === null || pos !== toks.length) return null;
  return divByZero ? "#DIV/0!" : result;
}

const REFERENCE =
  /^([+-]*)\s*(?:(?:'((?:[^']|'')+)'|([^\s!'"()+\-*/]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function reference(body: string, lookup: CellLookup): CellValue | null {
  const m = REFERENCE.exec(body);
  if (!m) return null;
  const sheet = m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? null);
  const value = lookup(sheet, Number(m[5]) - 1, columnIndex(m[4]));
  if (value === undefined) return "#REF!";
  const negative = [...m[1]].filter((s) => s === "-").length % 2 === 1;
  if (m[1] === "") return value === "" ? 0 : value;
  if (value === "") return 0;
  if (typeof value === "number") return negative ? -value : value;
  if (typeof value === "boolean") return negative ? -Number(value) : value;
  if (value.startsWith("#")) return value;
  return negative ? "#VALUE!" : value;
}

const HYPERLINK = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i;

/** The value Excel would show for `formula` (which starts with "="). */
export function evaluateFormula(formula: string, lookup: CellLookup): CellValue {
  const body = formula.slice(1).trim();
  const link = HYPERLINK.exec(body);
  if (link) return (link[2] ?? link[1]).replace(/""/g, '"');
  const number = arithmetic(body);
  if (number !== null) return number;
  return reference(body, lookup) ?? "#NAME?";
}
