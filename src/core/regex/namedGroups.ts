/**
 * Named capture groups for engines without them (ES5: Internet Explorer 11, which runs the
 * ribbon's 校验 in volume-licensed Office 2016/2019). A pattern is written with `(?<name>…)` for
 * readability and compiled with plain groups; the names are kept beside it, in group order.
 */
export interface NamedRegExp {
  regex: RegExp;
  /** The name of each capture group, in order (1-based groups at index 0…). */
  names: readonly string[];
}

export type Groups = Record<string, string | undefined>;

/**
 * Compiles `source` with every `(?<name>` turned into `(`. Every capture group must be named, and
 * look-behind is refused: ES5 has neither, and a miscount would read the wrong group silently.
 */
export function namedRegExp(source: string, flags: string): NamedRegExp {
  const names: string[] = [];
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") {
      const name = /^\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i + 1, i + 40));
      if (name) {
        names.push(name[1]);
        out += "(";
        i += name[0].length;
        continue;
      }
      if (source[i + 1] !== "?") throw new SyntaxError(`Unnamed capture group in /${source}/`);
      if (source[i + 2] === "<") throw new SyntaxError(`Look-behind in /${source}/`);
    }
    out += ch;
  }
  return { regex: new RegExp(out, flags), names };
}

/** The named groups of a match of `named.regex`. */
export function groupsOf(named: NamedRegExp, match: RegExpExecArray): Groups {
  const groups: Groups = {};
  for (let i = 0; i < named.names.length; i++) groups[named.names[i]] = match[i + 1];
  return groups;
}
