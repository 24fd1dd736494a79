/* global require, module -- Jest loads this file in Node.js */
/**
 * `npm run test:quick`: the unit tests for the edit loop. Leaves out what starts other programs:
 * the task pane in Chromium on a production build (tests/e2e) and LibreOffice (tests/office).
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/", "<rootDir>/tests/office/"],
};
