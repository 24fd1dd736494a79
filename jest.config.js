/** Jest runs the TypeScript sources directly; type checking is `npm run lint`'s job (tsc --noEmit). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "<rootDir>/tests/support/swcGlobals.js",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2020",
        },
        module: { type: "commonjs" },
      },
    ],
    // Text files are imported as strings, as webpack's asset/source does for the bundle.
    "^.+\\.txt$": "<rootDir>/tests/support/textTransform.js",
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Limits catch a hung test, not a slow one (speed is bench/'s job): tests that start the CLI
  // take minutes when the 2 cores are shared with other work.
  testTimeout: 180000,
  // Bundles the CLI once for the tests that start it (tests/support/cli.ts).
  globalSetup: "<rootDir>/tests/support/cliBundle.ts",
  setupFilesAfterEnv: ["<rootDir>/tests/support/domWaits.js"],
  // A worker per core (Jest's default leaves one idle): on 2 cores the browser and LibreOffice
  // tests run beside the unit tests, which keeps `npm test` within its 4 minutes.
  maxWorkers: "100%",
  reporters: ["default", "<rootDir>/tests/support/summaryReporter.js"],
};
