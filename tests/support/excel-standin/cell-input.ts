import { invalidArgument } from "./errors";
import { evaluateFormula, type CellLookup } from "./formula";
import type { CellValue } from "./model/sheet";
import { dateToSerial } from "./text-format";

/**
 * How Excel stores what is written through Range.values or Range.formulas — the same parsing
 * as typing into the cell:
 *
 *  - numberFormat "@" (text): everything is kept verbatim as text, numbers and booleans become
 *    their text, and "=…", "+…", "-…" stay text. This is how an add-in writes text safely.
 *  - "'abc" → text "abc" (the apostrophe only marks text).
 *  - "=…" → a formula; "=" alone is refused (InvalidArgument).
 *  - "+…" / "-…" that is not a number → a formula attempt "=+…"/"=-…" (Excel reads "+C18" as
 *    =+C18, "-abc" as =-abc → #NAME?). A lone "+" or "-" stays text.
 *  - number-looking text ("12", "-3.5", "1e3", "50%") → a number; "2022-03-01" or "2022/3/1" →
 *    a date serial, with format "yyyy/m/d" when the cell was General (zh-CN short date);
 *    "TRUE"/"FALSE" → booleans. Other locale-shaped dates stay text.
 *  - "" clears the cell; null (inside a 2-D array) leaves it unchanged.
 */
export interface StoredInput {
  value: CellValue;
  formula: string | null;
  /** A number format Excel picks for the cell when it was General (dates, percentages). */
  impliedFormat?: string;
}

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))%\s*$/;
const ISO_DATE = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;

function constant(text: string): StoredInput {
  if (NUMBER.test(text)) return { value: Number(text), formula: null };
  const percent = PERCENT.exec(text);
  if (percent) {
    const decimals = percent[1].split(".")[1]?.length ?? 0;
    return {
      value: Number(percent[1]) / 100,
      formula: null,
      impliedFormat: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%",
    };
  }
  const date = ISO_DATE.exec(text);
  if (date) {
    const serial = dateToSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== null) return { value: serial, formula: null, impliedFormat: "yyyy/m/d" };
  }
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE", formula: null };
  return { value: text, formula: null };
}

function formula(text: string, lookup: CellLookup): StoredInput {
  return { value: evaluateFormula(text, lookup), formula: text };
}

/** Returns null for "leave unchanged" (null/undefined/NaN inside the array, as JSON would send). */
export function interpretInput(
  input: unknown,
  numberFormat: string,
  lookup: CellLookup,
  via: "values" | "formulas"
): StoredInput | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return null;
    return numberFormat === "@"
      ? { value: String(input), formula: null }
      : { value: input, formula: null };
  }
  if (typeof input === "boolean") {
    return numberFormat === "@"
      ? { value: input ? "TRUE" : "FALSE", formula: null }
      : { value: input, formula: null };
  }
  if (typeof input !== "string") {
    throw invalidArgument(
      `Range.${via} accepts strings, numbers and booleans, not ${JSON.stringify(input)}.`
    );
  }
  if (input === "") return { value: "", formula: null };
  if (numberFormat === "@") return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.startsWith("=")) {
    if (input.trim() === "=") throw invalidArgument(`"=" alone is not a formula (Range.${via}).`);
    return formula(input, lookup);
  }
  if (
    (input.startsWith("+") || input.startsWith("-")) &&
    input.length > 1 &&
    !NUMBER.test(input) &&
    !PERCENT.test(input)
  ) {
    return formula(`=${input}`, lookup);
  }
  return constant(input);
}
