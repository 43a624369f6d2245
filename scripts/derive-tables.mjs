// Writes generated/derived.json: tables the lint rules would otherwise work out from the schema shape at
// every start (src/core/schema/derived.ts). The TypeScript that computes them is bundled in memory and run
// here, so there is one definition of each table. Run after build-validators.mjs (it reads the shape).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'generated', 'derived.json');
fs.rmSync(out, { force: true });
const entry = `
const scopes = require('./src/core/rules/scopes/scope-table.ts');
const notes = require('./src/core/rules/deprecated/schema-notes.ts');
module.exports = {
  scopeTree: scopes.serializeScopeTree(scopes.computeScopeTree()),
  legacyValuePaths: notes.computeLegacyValuePaths(),
};`;
const built = await esbuild.build({
  stdin: { contents: entry, resolveDir: root, loader: 'js', sourcefile: 'derive-entry.js' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'error',
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', '__filename', '__dirname', built.outputFiles[0].text)(
  mod,
  mod.exports,
  createRequire(path.join(root, 'derive-entry.js')),
  path.join(root, 'derive-entry.js'),
  root,
);
fs.writeFileSync(out, JSON.stringify(mod.exports));
