#!/usr/bin/env node
// Lints the real-world corpus (../shared/corpus/realworld) with the built library and prints, per rule, how
// many errors and warnings it raised and in how many files: the numbers a person reads to judge whether a
// rule is right on real files. `--sample N` adds N diagnostics picked at random (file, line, message) for a
// hand check; `--seed S` repeats a sample. Needs `npm run build` first (it reads dist/, not src/).
//
//   node scripts/corpus-report.mjs [--sample N] [--seed S] [--strict] [--corpus DIR]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const sampleSize = Number(option('--sample', '0'));
const seed = Number(option('--seed', String(Date.now() % 100000)));
const corpus = path.resolve(option('--corpus', path.join(root, '..', 'shared', 'corpus', 'realworld')));
if (!Number.isInteger(sampleSize) || sampleSize < 0 || !Number.isFinite(seed)) {
  console.error('usage: node scripts/corpus-report.mjs [--sample N] [--seed S] [--strict] [--corpus DIR]');
  process.exit(2);
}

let lintBytes;
try {
  ({ lintBytes } = require(path.join(root, 'dist', 'core', 'index.js')));
} catch {
  console.error('dist/core is missing: run `npm run build` first.');
  process.exit(2);
}

// The corpus folder says which file it is; claude_settings.json is the tier file.
const ROLE_OF_FOLDER = {
  claude_settings: { kind: 'tier-file', scope: 'user' },
  project: { kind: 'settings', scope: 'project' },
  local: { kind: 'settings', scope: 'local' },
  managed: { kind: 'settings', scope: 'managed' },
};
const settings = { strict: flag('--strict'), severities: new Map() };

const perRule = new Map(); // ruleId -> { error, warning, files: Set }
const all = [];
const crashed = [];
let files = 0;
let slowest = { file: '', ms: 0 };
const started = performance.now();
for (const [folder, role] of Object.entries(ROLE_OF_FOLDER)) {
  const dir = path.join(corpus, folder);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir).sort()) {
    const rel = `${folder}/${name}`;
    const t0 = performance.now();
    let result;
    try {
      result = lintBytes(rel, fs.readFileSync(path.join(dir, name)), role, settings);
    } catch (err) {
      crashed.push(`${rel}: ${err?.message ?? err}`);
      continue;
    }
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { file: rel, ms };
    files++;
    for (const d of result.diagnostics) {
      const row = perRule.get(d.ruleId) ?? { error: 0, warning: 0, files: new Set() };
      row[d.severity]++;
      row.files.add(rel);
      perRule.set(d.ruleId, row);
      all.push(d);
    }
  }
}
const totalMs = performance.now() - started;

const rows = [...perRule].sort((a, b) => b[1].error + b[1].warning - (a[1].error + a[1].warning) || a[0].localeCompare(b[0]));
const width = Math.max(4, ...rows.map(([id]) => id.length));
const out = [];
out.push(`corpus: ${path.relative(process.cwd(), corpus) || corpus}${settings.strict ? ' (--strict)' : ''}`);
out.push(`${files} files linted, ${crashed.length} crashed, ${totalMs.toFixed(0)} ms in all, slowest ${slowest.file} (${slowest.ms.toFixed(1)} ms)`);
out.push('');
out.push(`${'rule'.padEnd(width)}  errors  warnings  files`);
for (const [id, r] of rows) out.push(`${id.padEnd(width)}  ${String(r.error).padStart(6)}  ${String(r.warning).padStart(8)}  ${String(r.files.size).padStart(5)}`);
const errors = all.filter((d) => d.severity === 'error').length;
out.push(`${'total'.padEnd(width)}  ${String(errors).padStart(6)}  ${String(all.length - errors).padStart(8)}  ${String(new Set(all.map((d) => d.file)).size).padStart(5)}`);
for (const c of crashed) out.push(`CRASH ${c}`);

if (sampleSize > 0) {
  out.push('');
  out.push(`sample of ${Math.min(sampleSize, all.length)} (--seed ${seed}):`);
  const random = mulberry32(seed);
  const pool = [...all];
  for (let i = 0; i < sampleSize && pool.length > 0; i++) {
    const d = pool.splice(Math.floor(random() * pool.length), 1)[0];
    out.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.ruleId}`);
    out.push(`    ${d.message}`);
  }
}
console.log(out.join('\n'));
process.exitCode = crashed.length > 0 ? 1 : 0;

/** A small seeded generator, so a sample can be shown again with --seed. */
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
