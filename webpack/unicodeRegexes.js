/* global require, module -- a webpack loader, run in Node.js */
// For the ES5 bundle: swc lowers a regular expression literal with the u flag to
// `new RegExp(source, "u")`, which Trident refuses and core-js cannot mend. Babel (regexpu)
// rewrites such a pattern to one without the flag, so the modules that have one (zod's
// regexes) go through Babel first, with the loader's options; the others skip it.

const babel = require("@babel/core");

/** The end of a regular expression literal with the u flag (a string like "a/u" may match too: it only costs Babel's time). */
const U_FLAG_LITERAL = /[^\s*/]\/[dgimsy]*u[dgimsy]*\b/;

module.exports = function unicodeRegexes(source) {
  if (!U_FLAG_LITERAL.test(source)) return source;
  const done = this.async();
  babel
    .transformAsync(source, { ...this.getOptions(), filename: this.resourcePath })
    .then((result) => done(null, result.code), done);
};
