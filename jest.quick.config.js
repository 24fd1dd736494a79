/* global require, module -- Jest loads this file in Node.js */
/**
 * `npm run test:quick`: the unit tests for the edit loop. Leaves out what builds the add-in or
 * starts other programs: the task pane in Chromium on a production build (tests/e2e), the checks
 * of the built bundles (tests/startpage/es5, tests/wps/build: each builds when its output is
 * stale) and LibreOffice (tests/office, tests/render).
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/tests/e2e/",
    "<rootDir>/tests/office/",
    "<rootDir>/tests/render/",
    "<rootDir>/tests/startpage/es5\\.test\\.ts$",
    "<rootDir>/tests/wps/build\\.test\\.ts$",
  ],
};
