/* global require, module -- a webpack loader, run in Node.js */
// Rewrites `import { … } from "@fluentui/react-icons"` to the package's per-icon modules
// ("@fluentui/react-icons/svg/<atom>", the same components) and its utilities module. The
// package's index re-exports some 60 files of every icon with `export *`, so webpack parses all
// of them (22 MB) to find the few names the pane and Fluent UI's components use: most of a
// production build's time.

const { existsSync, readFileSync, readdirSync } = require("fs");
const path = require("path");

const PACKAGE = "@fluentui/react-icons";
const LIB = path.join(path.dirname(require.resolve(`${PACKAGE}/package.json`)), "lib");
const ATOMS = path.join(LIB, "atoms", "svg");
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*(["'])@fluentui\/react-icons\2\s*;?/g;

/** The names lib/utils.js exports: the package's utilities (bundleIcon, the class names …). */
const UTILITIES = new Set(
  [...readFileSync(path.join(LIB, "utils.js"), "utf8").matchAll(/export\s*\{([^}]*)\}/g)]
    .flatMap((m) => m[1].split(","))
    .map((name) => name.trim())
    .filter(Boolean)
);

const exported = new Map();
/** The names an atom file exports (cached; an empty set when there is no such file). */
function exportsOf(atom) {
  if (!exported.has(atom)) {
    const file = path.join(ATOMS, `${atom}.js`);
    const names = existsSync(file)
      ? [...readFileSync(file, "utf8").matchAll(/export const (\w+)/g)].map((m) => m[1])
      : [];
    exported.set(atom, new Set(names));
  }
  return exported.get(atom);
}

let everyAtom;
/** The atom an icon is defined in: its name in kebab case without size and style, else found by scanning. */
function atomOf(icon) {
  const guess = icon
    .replace(/\d*(Regular|Filled|Light|Color)$/, "")
    .replace(/([a-z])([A-Z0-9])/g, "$1-$2")
    .replace(/([0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
  if (exportsOf(guess).has(icon)) return guess;
  everyAtom ??= readdirSync(ATOMS)
    .filter((f) => f.endsWith(".js"))
    .map((f) => f.slice(0, -3));
  return everyAtom.find((atom) => exportsOf(atom).has(icon)) ?? null;
}

module.exports = function fluentIconAtoms(source) {
  if (!source.includes(PACKAGE)) return source;
  return source.replace(IMPORT, (statement, list) => {
    const specifiers = list
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const bySource = new Map();
    for (const specifier of specifiers) {
      const name = specifier.replace(/^type\s+/, "").split(/\s+as\s+/)[0];
      const from = UTILITIES.has(name) ? `${PACKAGE}/utils` : atomOf(name);
      // An unknown name stays with the package's index, which has everything.
      const request =
        from === null ? PACKAGE : from.startsWith(PACKAGE) ? from : `${PACKAGE}/svg/${from}`;
      bySource.set(request, [...(bySource.get(request) ?? []), specifier]);
    }
    return [...bySource]
      .map(([request, names]) => `import { ${names.join(", ")} } from "${request}";`)
      .join("\n");
  });
};
