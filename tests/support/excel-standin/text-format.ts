import type { CellValue } from "./model/sheet";

/**
 * What Range.text shows for a value under a number format — a small subset of Excel's number
 * formats: General, "@", fixed decimals, thousands separators, percentages, and dates built from
 * y/m/d tokens with literals (yyyy-mm-dd, yyyy/m/d, yyyy"年"m"月"d"日", …).
 */

const DAY_MS = 86_400_000;
/** Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was (serial 60). */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const adjusted = whole < 60 ? whole + 1 : whole;
  const date = new Date(EPOCH_MS + adjusted * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function dateToSerial(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return null;
  const serial = Math.round((ms - EPOCH_MS) / DAY_MS);
  return serial <= 60 ? serial - 1 : serial;
}

/** Excel's General format, independent of column width: up to 10 significant digits. */
export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const e = Number(exponent);
    return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** Drops [colour], [$-locale], [DBNum] codes and keeps the first section (positive numbers). */
function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === "\\") i += 1;
    else if (ch === ";" && !inQuote) return format.slice(0, i);
  }
  return format;
}

function stripBrackets(format: string): string {
  return format.replace(/\[[^\]]*\]/g, "");
}

type Token = { kind: "literal"; text: string } | { kind: "code"; text: string };

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end === -1 ? format.length : end;
      tokens.push({ kind: "literal", text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: format[i + 1] ?? "" });
      i += 2;
    } else if (/[ymdhsYMDHS]/.test(ch)) {
      let j = i;
      while (j < format.length && format[j].toLowerCase() === ch.toLowerCase()) j += 1;
      tokens.push({ kind: "code", text: format.slice(i, j).toLowerCase() });
      i = j;
    } else {
      tokens.push({ kind: "literal", text: ch });
      i += 1;
    }
  }
  return tokens;
}

function isDateFormat(tokens: Token[]): boolean {
  return tokens.some((t) => t.kind === "code" && /^[ymd]/.test(t.text));
}

function formatDate(serial: number, tokens: Token[]): string {
  const { year, month, day } = serialToDate(serial);
  const seconds = Math.round((serial - Math.floor(serial)) * 86400);
  const hour = Math.floor(seconds / 3600);
  const minute = Math.floor((seconds % 3600) / 60);
  const second = seconds % 60;
  const codes = tokens.filter((t) => t.kind === "code");
  return tokens
    .map((t, index) => {
      if (t.kind === "literal") return t.text;
      const prev = codes[codes.indexOf(t) - 1];
      const next = codes[codes.indexOf(t) + 1];
      const pad = (n: number, width: number) => String(n).padStart(width, "0");
      switch (t.text[0]) {
        case "y":
          return t.text.length <= 2 ? pad(year % 100, 2) : String(year);
        case "d":
          return t.text.length === 1 ? String(day) : pad(day, 2);
        case "h":
          return t.text.length === 1 ? String(hour) : pad(hour, 2);
        case "s":
          return t.text.length === 1 ? String(second) : pad(second, 2);
        case "m": {
          // m after h or before s is minutes, as in Excel.
          const minutes = prev?.text.startsWith("h") || next?.text.startsWith("s");
          const n = minutes ? minute : month;
          return t.text.length === 1 ? String(n) : pad(n, 2);
        }
        default:
          return String(index);
      }
    })
    .join("");
}

function formatNumber(n: number, format: string): string | null {
  const percent = format.includes("%");
  const match = /([#0,]*0)(?:\.(0+))?/.exec(format);
  if (!match) return null;
  const decimals = match[2]?.length ?? 0;
  const grouped = match[1].includes(",");
  const scaled = percent ? n * 100 : n;
  let body = Math.abs(scaled).toFixed(decimals);
  if (grouped) {
    const [int, frac] = body.split(".");
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac === undefined ? "" : `.${frac}`);
  }
  const sign = scaled < 0 && Number(body.replace(/,/g, "")) !== 0 ? "-" : "";
  return format.slice(0, match.index).replace(/[#0,.%]/g, "") + sign + body + (percent ? "%" : "");
}

export function formatText(value: CellValue, numberFormat: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const section = stripBrackets(firstSection(numberFormat));
  if (section === "" || section === "General" || section === "@") return formatGeneral(value);
  const tokens = tokenize(section);
  if (isDateFormat(tokens)) return formatDate(value, tokens);
  return formatNumber(value, section) ?? formatGeneral(value);
}
