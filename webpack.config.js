/* global require, module, process, console, __dirname -- webpack runs this file in Node.js */
// Builds the task pane and the ribbon's function file into dist/, with the icons and manifest.xml.
//
// Production builds (npm run build) point every URL in the manifest at the deployment's base URL:
//   DUBAN_BASE_URL=https://your.host/path/ npm run build
// Without DUBAN_BASE_URL the default https://duban.example.gov.cn/addin/ is used
// (DEFAULT_PRODUCTION_BASE_URL in src/manifest/baseUrl.ts). Development builds keep https://localhost:3000/.

const CopyWebpackPlugin = require("copy-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");

// The URL rewrite is TypeScript, shared with the tests. tsx loads it; its require hook is removed
// at once so that webpack's own modules load untouched.
const unregisterTsx = require("tsx/cjs/api").register();
const {
  checkBaseUrl,
  DEFAULT_PRODUCTION_BASE_URL,
  rewriteManifestUrls,
} = require("./src/manifest/baseUrl.ts");
unregisterTsx();

/**
 * Minifies with swc instead of webpack's default terser: output as small (within 1 %) at a
 * third of the CPU. terser took half of a production build's 150 s of CPU, which a fresh
 * clone's `npm test` pays. `ecma` keeps each bundle's syntax: a minifier writes newer syntax
 * (`??`, `?.`) where it is allowed to.
 */
function minifyTo(ecma, test) {
  return new MinimizerPlugin({
    test,
    minify: MinimizerPlugin.swcMinify,
    minimizerOptions: { ecma, compress: { ecma, passes: 2 }, mangle: true },
  });
}

/**
 * Compiles with swc (swc-loader) instead of ts-loader and Babel: the same bundles at two fifths of
 * the CPU (a production build took 63 s of CPU with those, which a fresh clone's `npm test` pays).
 * Type checking is tsc --noEmit in npm run lint. ES modules stay for webpack to drop unused Fluent
 * UI code. Either `target` (syntax only) or `env` (syntax and core-js polyfills for browsers).
 */
function swc({ syntax = "typescript", tsx = false, target, env, isModule = true }) {
  return {
    loader: "swc-loader",
    options: {
      jsc: {
        parser: syntax === "typescript" ? { syntax, tsx } : { syntax },
        target,
        // As tsc compiles for tsconfig.json's ES2020: class fields are assigned.
        transform: { useDefineForClassFields: false, react: { runtime: "automatic" } },
      },
      env,
      isModule,
      module: { type: "es6" },
    },
  };
}

/** Fluent UI's icons from their own modules, not the package's index (webpack/fluentIconAtoms.js). */
const ICON_ATOMS = {
  test: /\.(m?js|tsx?)$/,
  exclude: /node_modules[\\/]@fluentui[\\/]react-icons[\\/]/,
  enforce: "pre",
  loader: path.resolve(__dirname, "webpack", "fluentIconAtoms.js"),
};

/**
 * The WPS 表格 add-in (npm run build:wps): the same pane without Office.js, and main.js for the
 * ribbon, into dist-wps/addin/. src/wps/addin/publish.ts then lowers the bundles' syntax for
 * WPS's embedded Chromium and writes the lists WPS installs from.
 */
function wpsConfig() {
  return {
    devtool: false,
    entry: { taskpane: "./src/taskpane/index.tsx", main: "./src/wps/addin/main.ts" },
    output: {
      path: path.resolve(__dirname, "dist-wps", "addin"),
      // Fixed names: WPS caches by URL, and a new version is installed under a new version number.
      filename: "[name].js",
      clean: true,
      // Chunks beside the pages; main.js also runs where no script element names it.
      publicPath: "",
    },
    resolve: { extensions: [".ts", ".tsx", ".js"], fallback: { fs: false, zlib: false } },
    module: {
      rules: [
        ICON_ATOMS,
        { test: /\.ts$/, exclude: /node_modules/, ...swc({ target: "es2020" }) },
        { test: /\.tsx$/, exclude: /node_modules/, ...swc({ tsx: true, target: "es2020" }) },
        { test: /\.txt$/, type: "asset/source" },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/addin/index.html",
        chunks: ["main"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/addin/taskpane.html",
        chunks: ["taskpane"],
      }),
    ],
    // One page, loaded from the intranet or the disk once per session: size hints do not apply.
    performance: { hints: false },
    // publish.ts then lowers the syntax to what WPS parses (esbuild, whose minifier alone leaves
    // the pane a fifth larger).
    optimization: { minimizer: [minifyTo(2017, /\.js$/)] },
  };
}

/**
 * The ribbon's function file (commands.html and its one script) for every webview Office uses,
 * Trident (Internet Explorer 11) of volume-licensed Office 2016/2019 included: everything it
 * runs — 校验 with the core, zod and the Office.js adapter — is lowered to ES5 by swc (and by
 * Babel where swc cannot: webpack/unicodeRegexes.js), with core-js supplying the built-ins it uses (Map, Set, Promise, Symbol …). A build of its own, so
 * that the pane's bundle stays ES2020; it runs after the pane's, which empties dist/.
 */
function commandsConfig(dev) {
  // Polyfills only for what the code uses, checked against what IE 11 lacks.
  const es5 = { targets: { ie: "11" }, mode: "usage", coreJs: "3.51" };
  return {
    name: "commands",
    dependencies: ["pane"],
    target: ["web", "es5"],
    optimization: { minimizer: [minifyTo(5, /\.js$/)] },
    devtool: dev ? "source-map" : false,
    entry: { commands: "./src/commands/commands.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Chunks beside commands.html: webpack's automatic publicPath needs document.currentScript,
      // which Trident lacks, and would stop the whole bundle there.
      publicPath: "",
    },
    resolve: {
      extensions: [".ts", ".js"],
      fallback: { fs: false, zlib: false },
    },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, ...swc({ env: es5 }) },
        // zod and the other packages 校验 uses ship ES2015+, CommonJS as well as ES modules;
        // core-js itself must stay as it is.
        {
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/]core-js/,
          use: [
            swc({ syntax: "ecmascript", env: es5, isModule: "unknown" }),
            {
              loader: path.resolve(__dirname, "webpack", "unicodeRegexes.js"),
              options: {
                babelrc: false,
                configFile: false,
                sourceType: "unambiguous",
                presets: [
                  [
                    "@babel/preset-env",
                    { targets: { ie: "11" }, useBuiltIns: "usage", corejs: "3.51", modules: false },
                  ],
                ],
              },
            },
          ],
        },
        { test: /\.txt$/, type: "asset/source" },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        inject: false,
      }),
    ],
    // Loaded once per session without being shown.
    performance: { hints: false },
  };
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  if (env.wps) return wpsConfig();
  // Checked before compiling so that a bad address stops the build at once.
  const baseUrl = dev
    ? null
    : checkBaseUrl(process.env.DUBAN_BASE_URL || DEFAULT_PRODUCTION_BASE_URL);
  if (baseUrl) console.log(`清单中的地址将指向 ${baseUrl}`);

  const config = {
    devtool: dev ? "source-map" : false,
    name: "pane",
    optimization: {
      minimizer: [minifyTo(5, /^startpage\./), minifyTo(2020, /^(?!startpage\.).*\.js$/)],
    },
    entry: {
      // ES5: runs in Trident, and loads the ES2020 pane only where it can run (src/startpage).
      startpage: "./src/startpage/index.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Office caches add-in files hard; hashed names make a new deployment take effect.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
      // webpack's own wrapper code stays ES5, so that the start page (ES5) runs in Trident.
      environment: { arrowFunction: false, const: false, destructuring: false, forOf: false },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The .xlsx adapter reads files by path in Node only; in the pane it gets bytes (下发, 回收).
      fallback: { fs: false, zlib: false },
    },
    module: {
      rules: [
        ICON_ATOMS,
        { test: /src[\\/]startpage[\\/].*\.ts$/, ...swc({ target: "es5" }) },
        {
          test: /\.ts$/,
          exclude: [/node_modules/, /src[\\/]startpage[\\/]/],
          ...swc({ target: "es2020" }),
        },
        { test: /\.tsx$/, exclude: /node_modules/, ...swc({ tsx: true, target: "es2020" }) },
        // The seed documents ship inside the bundle as text (src/core/seeds/bundled.ts).
        { test: /\.txt$/, type: "asset/source" },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : rewriteManifestUrls(content.toString(), baseUrl);
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The template places the start page and names the pane's bundle for it to load.
        chunks: ["startpage", "taskpane"],
        inject: false,
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
  if (!env.WEBPACK_SERVE) return [config, commandsConfig(dev)];
  // Only when serving: getHttpsServerOptions installs the development certificates if they are missing.
  return require("office-addin-dev-certs")
    .getHttpsServerOptions()
    .then(({ ca, key, cert }) => {
      config.devServer.server = { type: "https", options: { ca, key, cert } };
      return [config, commandsConfig(dev)];
    });
};
