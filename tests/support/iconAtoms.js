/* global require, module */
/**
 * @fluentui/react-icons for jsdom tests, one icon family at a time. The package's index is
 * 17.7 MB of CommonJS that every test file rendering the pane would compile; an icon is read from
 * its atomic module (the package's Atomic API) when first used, helpers from utils/providers,
 * and anything else from the index, so every name resolves to the package's own export.
 */
const ICON = /^(.+?)(\d+)?(Regular|Filled|Light|Color)$/;
let index;
const fromIndex = (name) => (index ??= require("@fluentui/react-icons"))[name];

function resolve(name) {
  const icon = ICON.exec(name);
  if (icon) {
    const file = icon[1].replace(/(?<!^)(?=[A-Z])/g, "-").toLowerCase();
    try {
      const atom = require(`@fluentui/react-icons/lib/atoms/svg/${file}`);
      if (name in atom) return atom[name];
    } catch {
      // no atomic module of that name: the index has it
    }
  }
  for (const part of ["@fluentui/react-icons/utils", "@fluentui/react-icons/providers"]) {
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
