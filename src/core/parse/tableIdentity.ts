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

/**
 * The id of a table read from one of several files or sheets, among the tables already taken:
 * the -2, -3 its own reader numbered it with is dropped and given anew, so every table keeps an
 * id (and so a 导入 sheet) of its own.
 */
export function distinctTableId(table: { id: string }, taken: readonly { id: string }[]): string {
  return uniqueTableId(
    table.id.replace(/-\d+$/, ""),
    taken.map((t) => t.id)
  );
}
