// office-addin-lint picks this file up instead of its built-in config.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "out/**", "build/**", "node_modules/**", "test-output/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { console: "readonly", process: "readonly", Office: "readonly", Excel: "readonly" },
    },
    rules: {
      // A sync per row is the mistake this add-in exists to avoid: make it an error, not a warning.
      "office-addins/no-context-sync-in-loop": "error",
      "react/react-in-jsx-scope": "off",
      // TypeScript checks both; zod schemas and their inferred types share a name on purpose.
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    // Config files and small scripts are plain modern JavaScript, not the ES6 the preset assumes.
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
      },
    },
    rules: { "no-redeclare": "off" },
  },
];
