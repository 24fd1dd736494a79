/** Today in the user's time zone as yyyy-mm-dd (toISOString would give the UTC day). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** The cell part of "区重点工作!F12" (the sheet name may itself hold "!" when quoted). */
export function cellOf(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** Shortens long evidence so that one issue stays a few lines high. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}
