/* global require, module -- Jest loads this file in Node.js */
/**
 * Jest transform: @swc/jest, then the builtins bound once per module. Jest runs each test file in
 * a vm context, where every read of a global (Math, JSON, Map …) goes through the context's
 * interceptor — hundreds of times slower than in plain Node, so the product's hot loops ran far
 * slower under test than for users. The binding is put on the "use strict" line so stack traces
 * keep their line numbers; Date and the timers stay global for jest's fake timers.
 */
const swcJest = require("@swc/jest");

const BUILTINS = ["Math", "JSON", "Number", "String", "Object", "Array", "Map", "Set", "RegExp"];
const BINDING = `const {${BUILTINS.join(", ")}} = globalThis;`;
const STRICT = /^((?:\s*\/\*[\s\S]*?\*\/)?\s*"use strict";)/;

const bind = (code) => code.replace(STRICT, `$1${BINDING}`);

module.exports = {
  createTransformer(options) {
    const swc = swcJest.createTransformer(options);
    return {
      ...swc,
      process(source, path, transformOptions) {
        const out = swc.process(source, path, transformOptions);
        return typeof out === "string" ? bind(out) : { ...out, code: bind(out.code) };
      },
      getCacheKey: (source, path, transformOptions) =>
        `builtins:${swc.getCacheKey(source, path, transformOptions)}`,
    };
  },
};
