// Writes docs/rules.md from the rule registry of the built library (run `npm run build` first).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { allRuleMeta } = require(path.join(root, 'dist/core/rules/registry.js'));
const { renderRulesDoc } = require(path.join(root, 'dist/core/rules/rules-doc.js'));
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
fs.writeFileSync(path.join(root, 'docs/rules.md'), renderRulesDoc(allRuleMeta()));
console.log('wrote docs/rules.md');
