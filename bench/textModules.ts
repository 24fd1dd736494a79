import { readFileSync } from "fs";

/**
 * The task pane imports the seed documents as text modules (webpack asset/source, a jest
 * transform in tests). Under tsx, Node would read a .txt file as JavaScript: load it as a string.
 * Imported first by the bench's entry points, before anything that reaches src/core/seeds.
 */
require.extensions[".txt"] = (module, filename) => {
  module.exports = readFileSync(filename, "utf8");
};
