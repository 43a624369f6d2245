// Classifies every model value in the real-world corpus (../shared/corpus/realworld by default): how each
// resolves (catalog model, Claude Code alias, Claude model newer than the catalog, another vendor's model,
// unknown), where it sits, and what the models/* and tiers/* rules say about each file.
// Usage: node scripts/corpus-models.mjs [corpus-dir]   (bundles the TypeScript sources in memory; no build needed)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(process.argv[2] ?? path.join(root, '../shared/corpus/realworld'));

const bundle = await esbuild.build({
  stdin: {
    contents: `
      export { lintBytes } from './src/core/lint/lint-text';
      export { resolveModel } from './src/core/models/resolve';
      export { CATALOG } from './src/core/models/catalog';
      export { MODEL_KEYS, MODEL_ENV_VARS, TIER_MODEL_KEYS } from './src/core/rules/models/sites';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
});
const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-corpus-')), 'engine.cjs');
fs.writeFileSync(tmp, bundle.outputFiles[0].text);
const engine = createRequire(import.meta.url)(tmp);
const { lintBytes, resolveModel, CATALOG, MODEL_KEYS, MODEL_ENV_VARS, TIER_MODEL_KEYS } = engine;

/** Corpus folder -> the role cctier gives such a file. */
const ROLES = {
  claude_settings: { kind: 'tier-file', scope: 'user' },
  project: { kind: 'settings', scope: 'project' },
  local: { kind: 'settings', scope: 'local' },
  managed: { kind: 'settings', scope: 'managed' },
};
const own = (o, k) => (o && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Every model value in a parsed file: [site, value]. */
function modelValues(value, kind) {
  const out = [];
  const add = (site, v) => typeof v === 'string' && out.push([site, v]);
  if (kind === 'tier-file') {
    for (const k of TIER_MODEL_KEYS) add(k, own(value, k));
    const tiers = own(value, 'tiers');
    if (tiers && typeof tiers === 'object') for (const [n, t] of Object.entries(tiers)) add(`tiers.${n}.model`, own(t, 'model'));
  }
  for (const [k, shape] of Object.entries(MODEL_KEYS)) {
    const v = own(value, k);
    if (shape === 'one') add(k, v);
    else if (Array.isArray(v)) v.forEach((item) => add(`${k}[]`, item));
  }
  for (const name of MODEL_ENV_VARS) add(`env.${name}`, own(own(value, 'env'), name));
  return out;
}

const count = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const byKind = new Map();
const bySite = new Map();
const byRule = new Map();
const examples = new Map();
let files = 0;
let withModels = 0;
let values = 0;
let unparsed = 0;
const settings = { strict: false, severities: new Map() };

for (const [folder, role] of Object.entries(ROLES)) {
  const dir = path.join(corpus, folder);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    files++;
    const file = path.join(dir, name);
    const bytes = fs.readFileSync(file);
    for (const d of lintBytes(file, bytes, role, settings).diagnostics) {
      if (d.ruleId.startsWith('models/') || d.ruleId.startsWith('tiers/')) count(byRule, `${d.ruleId} (${d.severity})`);
    }
    let value;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      unparsed++;
      continue;
    }
    const found = modelValues(value, role.kind);
    if (found.length) withModels++;
    for (const [site, v] of found) {
      values++;
      const r = resolveModel(v, CATALOG);
      const kind = r.kind === 'model' ? `model (${r.canonical ? 'canonical' : 'non-canonical'}, ${r.model.status})` : r.kind === 'alias' ? `alias (${r.alias})` : r.kind;
      count(byKind, kind);
      count(bySite, site);
      if (!examples.has(kind)) examples.set(kind, new Set());
      examples.get(kind).add(v);
    }
  }
}

const table = (title, map) => {
  console.log(`\n${title}`);
  const rows = [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map(([k]) => k.length), 10);
  for (const [k, n] of rows) console.log(`  ${k.padEnd(width)}  ${String(n).padStart(4)}`);
  if (rows.length === 0) console.log('  (none)');
};

console.log(`Model values in ${path.relative(process.cwd(), corpus) || corpus}: ${files} files, ${withModels} with model values, ${values} values${unparsed ? ` (${unparsed} file not strict JSON, skipped)` : ''}`);
table('By resolution kind', byKind);
table('By site', bySite);
table('By rule (models/*, tiers/*), per diagnostic', byRule);
console.log('\nValues per kind');
for (const [kind, set] of [...examples].sort()) console.log(`  ${kind}: ${[...set].sort().join(', ')}`);
fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
