// TEMPORARY (schema authoring): merges schemas/fragments/*.json into schemas/claude-code-settings.schema.json
// and checks the result against ../shared/conformance/schemastore. Usage:
//   node scripts/schema-fragments.mjs [--keys key1,key2,...]
// --keys limits the report to errors under those top-level keys (and unknown-key errors naming them).
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ANNOTATION_KEYWORDS } from './schema-keywords.mjs';

const root = path.resolve(import.meta.dirname, '..');
const fragDir = path.join(root, 'schemas/fragments');
const out = path.join(root, 'schemas/claude-code-settings.schema.json');
const conf = path.resolve(root, '../shared/conformance/schemastore');

const keysArg = process.argv.indexOf('--keys');
const keys = keysArg > 0 ? new Set(process.argv[keysArg + 1].split(',')) : null;

const settingsKeys = { type: 'object', properties: {} };
const defs = {};
for (const f of fs.readdirSync(fragDir).filter((f) => f.endsWith('.json')).sort()) {
  const frag = JSON.parse(fs.readFileSync(path.join(fragDir, f), 'utf8'));
  for (const [k, v] of Object.entries(frag.properties ?? {})) {
    if (settingsKeys.properties[k]) throw new Error(`${f}: key ${k} defined twice`);
    settingsKeys.properties[k] = v;
  }
  for (const [k, v] of Object.entries(frag.$defs ?? {})) {
    if (defs[k]) throw new Error(`${f}: $defs ${k} defined twice`);
    defs[k] = v;
  }
}
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://unpkg.com/cctier/schemas/claude-code-settings.schema.json',
  title: 'Claude Code settings',
  description: 'A Claude Code settings file: ~/.claude/settings.json, .claude/settings.json, .claude/settings.local.json, managed-settings.json or a --settings file.',
  type: 'object',
  $ref: '#/$defs/settingsKeys',
  unevaluatedProperties: false,
  $defs: { settingsKeys, ...Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))) },
};
fs.writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addVocabulary(ANNOTATION_KEYWORDS);
const validate = ajv.compile(schema);

const mine = (e) => {
  if (!keys) return true;
  const top = e.instancePath.split('/')[1];
  if (top !== undefined) return keys.has(top.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys.has(e.params?.unevaluatedProperty);
};
let bad = 0;
for (const kind of ['valid', 'invalid']) {
  for (const f of fs.readdirSync(path.join(conf, kind)).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(conf, kind, f), 'utf8'));
    if (keys && !Object.keys(doc).some((k) => keys.has(k))) continue;
    validate(doc);
    const errs = (validate.errors ?? []).filter(mine);
    if (kind === 'valid' && errs.length) {
      bad++;
      console.log(`VALID ${f}: ${errs.length} errors`);
      for (const e of errs.slice(0, 15)) console.log(`   ${e.instancePath} ${e.keyword} ${e.message} ${JSON.stringify(e.params)}`);
    }
    if (kind === 'invalid') {
      console.log(`INVALID ${f}: ${errs.length ? 'rejected' : 'ACCEPTED (bad)'} (${errs.length} errors${errs.length ? ', e.g. ' + errs.slice(0, 3).map((e) => `${e.instancePath} ${e.keyword}`).join('; ') : ''})`);
      if (!errs.length) bad++;
    }
  }
}
console.log(bad ? `${bad} problem(s)` : 'all conformance files behave');
