/* global require, module -- a webpack loader, run in Node.js */
// Rewrites `import { … } from "@fluentui/react-icons"` to the package's per-icon modules
// ("@fluentui/react-icons/svg/<atom>", the same components) and its utilities module. The
// package's index re-exports some 60 files of every icon with `export *`, so webpack parses all
// of them (22 MB) to find the few names the pane and Fluent UI's components use: most of a
// production build's time.

const { PACKAGE, UTILITIES, atomOf } = require("./iconAtom");

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*(["'])@fluentui\/react-icons\2\s*;?/g;

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
