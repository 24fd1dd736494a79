import { invalidArgument } from "../errors";

/** HTML colour names Excel accepts; it reports every colour back as "#RRGGBB". */
const NAMED: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  lime: "#00FF00",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  cyan: "#00FFFF",
  aqua: "#00FFFF",
  magenta: "#FF00FF",
  fuchsia: "#FF00FF",
  silver: "#C0C0C0",
  gray: "#808080",
  grey: "#808080",
  maroon: "#800000",
  olive: "#808000",
  purple: "#800080",
  teal: "#008080",
  navy: "#000080",
  orange: "#FFA500",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  gold: "#FFD700",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  lightyellow: "#FFFFE0",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  darkred: "#8B0000",
  darkgreen: "#006400",
  darkblue: "#00008B",
};

/** "#rgb", "#rrggbb" or a colour name → "#RRGGBB"; anything else is refused like Excel does. */
export function normalizeColor(input: unknown, what: string): string {
  if (typeof input !== "string")
    throw invalidArgument(`${what} must be a colour string, not ${JSON.stringify(input)}.`);
  const text = input.trim();
  const named = NAMED[text.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(text)) return text.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(text)) {
    return `#${[...text.slice(1)].map((d) => d + d).join("")}`.toUpperCase();
  }
  throw invalidArgument(`${what}: "${input}" is not a colour Excel understands.`);
}
