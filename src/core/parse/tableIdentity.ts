/** The plan year printed in a table's title (2022年…), or null. */
export function planYearOf(title: string): number | null {
  const m = /((?:19|20)[0-9]{2})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
}

/** A table id not yet taken: the known kind's id (city, key, …) or "table", with -2, -3 … on clashes. */
export function uniqueTableId(preferred: string | null, taken: readonly string[]): string {
  const base = preferred ?? "table";
  if (preferred && !taken.includes(base)) return base;
  for (let n = preferred ? 2 : 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.includes(id)) return id;
  }
}
