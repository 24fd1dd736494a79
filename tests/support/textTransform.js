/** Jest transform: a .txt module exports its content as a string, like webpack's asset/source. */
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
