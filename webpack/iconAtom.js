/* global require, module -- run in Node.js by the webpack build and by Jest */
// Where @fluentui/react-icons defines each name: an icon in its own module
// ("@fluentui/react-icons/svg/<atom>", the package's Atomic API), the helpers in "/utils". The
// build (webpack/fluentIconAtoms.js) and the pane's jsdom tests (tests/support/iconAtoms.js) both
// read icons from there instead of the package's index, which re-exports every icon (22 MB).

const { existsSync, readFileSync, readdirSync } = require("fs");
const path = require("path");

const PACKAGE = "@fluentui/react-icons";
const LIB = path.join(path.dirname(require.resolve(`${PACKAGE}/package.json`)), "lib");
const ATOMS = path.join(LIB, "atoms", "svg");

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

module.exports = { PACKAGE, UTILITIES, atomOf };
