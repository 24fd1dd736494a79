/* global require, module */
/**
 * @fluentui/react-icons for jsdom tests, one icon family at a time. The package's index is
 * 17.7 MB of CommonJS that every test file rendering the pane would compile; an icon is read from
 * its own module, found by the rule the build uses (webpack/iconAtom.js), helpers from
 * utils/providers, and anything else from the index, so every name resolves to the package's own
 * export.
 */
const { PACKAGE, atomOf } = require("../../webpack/iconAtom");

const ICON = /(Regular|Filled|Light|Color)$/;
let index;
const fromIndex = (name) => (index ??= require(PACKAGE))[name];

function resolve(name) {
  // Only icon names look for a module of their own: a miss scans every icon module.
  const atom = ICON.test(name) ? atomOf(name) : null;
  if (atom !== null) return require(`${PACKAGE}/svg/${atom}`)[name];
  for (const part of [`${PACKAGE}/utils`, `${PACKAGE}/providers`]) {
    const helpers = require(part);
    if (name in helpers) return helpers[name];
  }
  return fromIndex(name);
}

const known = new Map();
module.exports = new Proxy(
  {},
  {
    get(_, name) {
      if (name === "__esModule") return true;
      if (typeof name !== "string") return undefined;
      if (!known.has(name)) known.set(name, resolve(name));
      return known.get(name);
    },
  }
);
