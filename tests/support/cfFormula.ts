import { parseIsoDate } from "../../src/core/deadline";
import { excelDateSerial } from "../../src/core/patch/units";
import type { CellValue, Grid } from "../../src/core/grid/schema";
import type { ConditionalFormat } from "../../src/core/patch/schema";

/**
 * Evaluates a conditional format's formula as Excel would for one cell of its range: the
 * formula is written for the range's top-left cell and its relative references shift. Covers
 * the subset the add-in writes — AND, OR, TRIM, TODAY, DATE, & and arithmetic, comparisons,
 * A1 references with $ — with Excel's comparison rules: an empty cell equals "" and 0, and any
 * text is greater than any number. Test code: it throws on anything outside that subset.
 */
type Value = number | string | boolean;

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|(\$?[A-Z]+\$?\d+|[A-Z]+(?=\())|(<=|>=|<>|[-+*/&=<>(),]))/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[1] !== undefined) toks.push({ t: "num", v: Number(m[1]) });
    else if (m[2] !== undefined) toks.push({ t: "str", v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) toks.push({ t: "id", v: m[3] });
    else toks.push({ t: "op", v: m[4] });
  }
  if (re.lastIndex < src.length)
    throw new Error(`cannot read formula at: ${src.slice(re.lastIndex)}`);
  return toks;
}

const EMPTY = Symbol("empty");
type Operand = Value | typeof EMPTY;

function asNumber(v: Operand): number {
  if (v === EMPTY) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v);
  if (v.trim() === "" || Number.isNaN(n)) throw new Error(`#VALUE! (${v})`);
  return n;
}
const asText = (v: Operand): string => (v === EMPTY ? "" : String(v));

function compare(a: Operand, b: Operand): number {
  // An empty cell takes the type of the other side.
  if (a === EMPTY) a = typeof b === "string" ? "" : 0;
  if (b === EMPTY) b = typeof a === "string" ? "" : 0;
  const rank = (v: Value) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string")
    return a.toLowerCase() < (b as string).toLowerCase()
      ? -1
      : a.toLowerCase() > (b as string).toLowerCase()
        ? 1
        : 0;
  return Number(a) - Number(b);
}

export interface FormulaContext {
  grid: Grid;
  today: string;
  /** How far the evaluated cell is from the range's top-left cell. */
  rowOffset: number;
  colOffset: number;
}

export function evaluateFormula(formula: string, ctx: FormulaContext): Value {
  const toks = tokenize(formula.replace(/^=/, ""));
  let pos = 0;
  const peek = () => toks[pos];
  const eat = (v: string) => {
    const tok = toks[pos++];
    if (!tok || tok.t !== "op" || tok.v !== v) throw new Error(`expected ${v} in ${formula}`);
  };
  const cell = (ref: string): Operand => {
    const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/.exec(ref);
    if (!m) throw new Error(`bad reference ${ref}`);
    let col = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    let row = Number(m[4]) - 1;
    if (!m[1]) col += ctx.colOffset;
    if (!m[3]) row += ctx.rowOffset;
    const v: CellValue | undefined = ctx.grid.values[row - ctx.grid.top]?.[col - ctx.grid.left];
    return v === null || v === undefined || v === "" ? EMPTY : v;
  };
  const call = (name: string, args: Operand[]): Value => {
    switch (name) {
      case "AND":
        return args.every((a) => asNumber(a) !== 0);
      case "OR":
        return args.some((a) => asNumber(a) !== 0);
      case "TRIM":
        return asText(args[0]).trim().replace(/ +/g, " ");
      case "TODAY":
        return excelDateSerial(ctx.today);
      case "DATE": {
        const [y, m, d] = args.map(asNumber);
        const first = excelDateSerial(
          `${String(y + Math.floor((m - 1) / 12)).padStart(4, "0")}-${String(((((m - 1) % 12) + 12) % 12) + 1).padStart(2, "0")}-01`
        );
        return first + d - 1;
      }
      default:
        throw new Error(`function ${name} not covered`);
    }
  };
  const primary = (): Operand => {
    const tok = toks[pos++];
    if (!tok) throw new Error(`formula ends early: ${formula}`);
    if (tok.t === "num" || tok.t === "str") return tok.v;
    if (tok.t === "id") {
      if (peek()?.t === "op" && peek().v === "(") {
        eat("(");
        const args: Operand[] = [];
        if (!(peek()?.t === "op" && peek().v === ")")) {
          args.push(comparison());
          while (peek()?.t === "op" && peek().v === ",") {
            eat(",");
            args.push(comparison());
          }
        }
        eat(")");
        return call(tok.v, args);
      }
      return cell(tok.v);
    }
    if (tok.v === "(") {
      const inner = comparison();
      eat(")");
      return inner;
    }
    if (tok.v === "-") return -asNumber(primary());
    throw new Error(`unexpected ${tok.v} in ${formula}`);
  };
  const product = (): Operand => {
    let left = primary();
    while (peek()?.t === "op" && (peek().v === "*" || peek().v === "/")) {
      const op = (toks[pos++] as { v: string }).v;
      const right = primary();
      left = op === "*" ? asNumber(left) * asNumber(right) : asNumber(left) / asNumber(right);
    }
    return left;
  };
  const sum = (): Operand => {
    let left = product();
    while (peek()?.t === "op" && (peek().v === "+" || peek().v === "-")) {
      const op = (toks[pos++] as { v: string }).v;
      const right = product();
      left = op === "+" ? asNumber(left) + asNumber(right) : asNumber(left) - asNumber(right);
    }
    return left;
  };
  const concat = (): Operand => {
    let left = sum();
    while (peek()?.t === "op" && peek().v === "&") {
      pos++;
      left = asText(left) + asText(sum());
    }
    return left;
  };
  const comparison = (): Operand => {
    const left = concat();
    const op = peek();
    if (op?.t !== "op" || !["=", "<>", "<", "<=", ">", ">="].includes(op.v)) return left;
    pos++;
    const c = compare(left, concat());
    return { "=": c === 0, "<>": c !== 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 }[
      op.v
    ] as boolean;
  };
  const result = comparison();
  if (pos !== toks.length) throw new Error(`unread rest of ${formula}`);
  return result === EMPTY ? 0 : result;
}

/** The fills of every conditional format that applies to cell (row, col) on `today`. */
export function fillsAt(
  formats: readonly ConditionalFormat[],
  grid: Grid,
  row: number,
  col: number,
  today: string
): string[] {
  parseIsoDate(today);
  return formats
    .filter((f) => {
      const r = f.range;
      return row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;
    })
    .filter((f) => {
      try {
        return (
          evaluateFormula(f.formula, {
            grid,
            today,
            rowOffset: row - f.range.row,
            colOffset: col - f.range.col,
          }) === true
        );
      } catch (e) {
        // Excel treats a formula that errors (#VALUE!) as false.
        if (String(e).includes("#VALUE!")) return false;
        throw e;
      }
    })
    .map((f) => f.fill ?? "");
}
