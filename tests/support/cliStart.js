/**
 * Starts the CLI bundle (tests/support/cliBundle.ts) as `node BUNDLE args…` would, with V8's code
 * cache: the bundle holds exceljs, zod and commander too (3.8 MB), and compiling it is most of a
 * start's CPU. The first start saves the compiled code beside the bundle, named by the bundle's
 * content, and every later start loads it instead of compiling (Node 20 has no
 * NODE_COMPILE_CACHE). Usage: node cliStart.js BUNDLE args…
 */
const { createHash } = require("crypto");
const { readFileSync, renameSync, rmSync, writeFileSync } = require("fs");
const Module = require("module");
const { dirname, resolve } = require("path");
const { setFlagsFromString } = require("v8");
const { Script } = require("vm");

// src/cli/main.ts sets this flag; V8 refuses a cache made under other flags, so it is set before
// the bundle is compiled, and the cache saved at exit is made under the same flags.
setFlagsFromString("--heap-growing-percent=100");

const bundle = resolve(process.argv[2]);
// The bundle sees the command line a user's `node BUNDLE args…` gives it.
process.argv.splice(1, 1);
const source = readFileSync(bundle, "utf8");
const cacheFile = `${bundle}.${createHash("sha1").update(source).digest("hex").slice(0, 16)}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected)
  process.on("exit", () => {
    // Written aside and renamed: a start beside this one reads a whole cache or none. A cache
    // that cannot be saved changes nothing the CLI did (nor its exit code).
    const partial = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      rmSync(partial, { force: true });
    }
  });

// The bundle requires Node's own modules only: esbuild put every package inside it.
const main = new Module(bundle, module);
main.filename = bundle;
script
  .runInThisContext()
  .call(main.exports, main.exports, Module.createRequire(bundle), main, bundle, dirname(bundle));
