import { RegExpValidator } from "@eslint-community/regexpp";
import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";

/**
 * The ribbon's 校验 runs in Internet Explorer 11 (Office 2016/2019 volume licence), whose regex
 * engine knows ES5 only: no look-behind, named groups, u/s/y flags or \p{…}. A pattern it cannot
 * parse throws when its module loads, so 校验 would not start at all. Every pattern of the 校验
 * path is parsed here as ES5: the literals and static `new RegExp` sources of the source trees,
 * every pattern compiled while the seeds are checked, and the patterns of seeds/columns.json.
 */
const ROOT = join(__dirname, "..", "..");
const TREES = ["src/core", "src/excel", "src/workflows", "src/commands", "src/startpage"];

const es5 = new RegExpValidator({ ecmaVersion: 5 });

/** Why `source`/`flags` is not an ES5 regex, or null. */
function notEs5(source: string, flags: string): string | null {
  try {
    es5.validateFlags(flags);
    es5.validatePattern(source, 0, source.length, { unicode: false });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Found {
  where: string;
  source: string;
  flags: string;
}

/** The regex literals of a file, and `new RegExp` / `RegExp` calls whose arguments are plain strings. */
function patternsOf(file: string): Found[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const at = (node: ts.Node) =>
    `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const plain = (node: ts.Node | undefined): node is ts.StringLiteralLike =>
    node !== undefined && ts.isStringLiteralLike(node);
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = (node as ts.RegularExpressionLiteral).text;
      const end = literal.lastIndexOf("/");
      found.push({ where: at(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      node.expression.getText(sf) === "RegExp" &&
      plain(node.arguments?.[0])
    ) {
      const [source, flags] = node.arguments!;
      found.push({
        where: at(node),
        source: (source as ts.StringLiteralLike).text,
        flags: plain(flags) ? flags.text : "",
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

test("every regex literal and static RegExp source of the 校验 path is ES5", () => {
  const found = TREES.flatMap((tree) => sourceFiles(join(ROOT, tree))).flatMap(patternsOf);
  // The scan reads the trees: well over a hundred patterns, among them the 完成时限 ones.
  expect(found.length).toBeGreaterThan(100);
  expect(found.some((f) => f.where.startsWith("src/core/deadline/impossible.ts"))).toBe(true);
  const refused = found.flatMap((f) => {
    const why = notEs5(f.source, f.flags);
    return why ? [`${f.where} /${f.source}/${f.flags}: ${why}`] : [];
  });
  expect(refused).toEqual([]);
});

test("every pattern compiled while the seeds are checked is ES5", () => {
  const compiled: Array<{ source: string; flags: string }> = [];
  const native = globalThis.RegExp;
  function recording(pattern: string | RegExp, flags?: string): RegExp {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    compiled.push({ source, flags: flags ?? (typeof pattern === "string" ? "" : pattern.flags) });
    return new native(pattern, flags);
  }
  recording.prototype = native.prototype;
  globalThis.RegExp = recording as unknown as RegExpConstructor;
  try {
    jest.isolateModules(() => {
      // Loading the modules compiles their patterns (the 完成时限 table is built from fragments).
      const { seedValidation } = require("../rules/craft") as typeof import("../rules/craft");
      expect(seedValidation().issues.length).toBeGreaterThan(0);
    });
  } finally {
    globalThis.RegExp = native;
  }
  expect(compiled.length).toBeGreaterThan(10);
  const refused = compiled.flatMap(({ source, flags }) => {
    const why = notEs5(source, flags);
    return why ? [`/${source}/${flags}: ${why}`] : [];
  });
  expect(refused).toEqual([]);
});

test("the column patterns of seeds/columns.json are ES5", () => {
  const columns = JSON.parse(readFileSync(join(ROOT, "seeds", "columns.json"), "utf8")) as {
    columns: Array<{ patterns?: string[] }>;
  };
  const patterns = columns.columns.flatMap((c) => c.patterns ?? []);
  expect(patterns.length).toBeGreaterThan(5);
  expect(patterns.flatMap((p) => (notEs5(p, "") ? [p] : []))).toEqual([]);
});
