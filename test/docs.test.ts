import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMeta } from '../src/core/rules/registry';
import { renderRulesDoc } from '../src/core/rules/rules-doc';

test('docs/rules.md lists every registered rule as the registry describes it (npm run docs)', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf8');
  expect(doc).toBe(renderRulesDoc(allRuleMeta()));
});
