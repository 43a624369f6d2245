#!/usr/bin/env node
/**
 * Lints the real-world corpus (../shared/corpus/realworld by default) straight from the TypeScript sources
 * and prints, per rule, how many diagnostics and files it produced: the record for the secrets/*, env/* and
 * deprecated/* rules. Each corpus folder stands for one role: project, local, managed, or the tier file.
 *
 *   node scripts/corpus-secrets.mjs [--corpus DIR] [--rules secrets/,env/,deprecated/] [--show RULE] [--sample N]
 *
 * --show RULE lists every diagnostic of that rule; --sample N prints N diagnostics of the selected groups,
 * spread evenly, for a hand check.
 */

import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const corpus = path.resolve(opt('--corpus', path.join(root, '..', 'shared', 'corpus', 'realworld')));
const groups = opt('--rules', 'secrets/,env/,deprecated/').split(',').filter(Boolean);
const show = opt('--show', undefined);
const sample = Number(opt('--sample', '0'));

const ROLES = {
  project: { kind: 'settings', scope: 'project' },
  local: { kind: 'settings', scope: 'local' },
  managed: { kind: 'settings', scope: 'managed' },
  claude_settings: { kind: 'tier-file', scope: 'user' },
};

const dir = mkdtempSync(path.join(tmpdir(), 'cctier-corpus-'));
const out = path.join(dir, 'lint.cjs');
await build({
  stdin: { contents: "export { lintBytes } from './src/core/lint/lint-text';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // jsonc-parser's UMD build requires its parts dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  outfile: out,
  logLevel: 'error',
});
const { lintBytes } = createRequire(import.meta.url)(out);
rmSync(dir, { recursive: true, force: true });

const settings = { strict: false, severities: new Map() };
const perRule = new Map();
const selected = [];
let files = 0;
const started = process.hrtime.bigint();
for (const [folder, role] of Object.entries(ROLES)) {
  const base = path.join(corpus, folder);
  for (const name of readdirSync(base).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(base, name);
    const result = lintBytes(`${folder}/${name}`, readFileSync(file), role, settings);
    files++;
    for (const d of result.diagnostics) {
      const entry = perRule.get(d.ruleId) ?? { count: 0, errors: 0, files: new Set() };
      entry.count++;
      if (d.severity === 'error') entry.errors++;
      entry.files.add(result.file);
      perRule.set(d.ruleId, entry);
      if (groups.some((g) => d.ruleId.startsWith(g))) selected.push(d);
    }
  }
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;

console.log(`${files} files linted in ${ms.toFixed(0)} ms (all rules)`);
console.log('rule\tdiagnostics\terrors\tfiles');
for (const [id, e] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (groups.some((g) => id.startsWith(g))) console.log(`${id}\t${e.count}\t${e.errors}\t${e.files.size}`);
}
if (show) {
  console.log(`\n${show}:`);
  for (const d of selected.filter((d) => d.ruleId === show)) console.log(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);
}
if (sample > 0 && selected.length > 0) {
  console.log(`\nsample of ${Math.min(sample, selected.length)}:`);
  const step = selected.length / Math.min(sample, selected.length);
  for (let i = 0; i < Math.min(sample, selected.length); i++) {
    const d = selected[Math.floor(i * step)];
    console.log(`${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity} ${d.message}`);
  }
}
