#!/usr/bin/env node
'use strict';
// Starts the bundled CLI (dist/cli/cctier.js) with the V8 code cache written at build time
// (scripts/code-cache.mjs): compiling the bundle is a large share of start-up, which is most of what a
// pre-commit hook waits for. A missing or stale cache (another Node version) only costs that time back.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli', 'cctier.js');
let cachedData;
try {
  cachedData = fs.readFileSync(file + '.cache');
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
mod.exports.main(process.argv.slice(2));
