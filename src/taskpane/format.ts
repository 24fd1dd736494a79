export { todayIso } from "../core/deadline/isoDate";

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** "'区重点工作'!F12" as people read it: "区重点工作 F12" (a quoted sheet name may hold "!" or "''"). */
export function placeOf(address: string): string {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return address;
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, (_, name: string) => name.replace(/''/g, "'"));
  return `${sheet} ${address.slice(bang + 1)}`;
}

/** Shortens long evidence so that one issue stays a few lines high. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}
