/**
 * Policy scenarios: one folder per policy feature in test/fixtures/policy. A folder holds the policy files,
 * `npm/` (installed as node_modules: the packages they extend; git ignores node_modules folders), `repo/`
 * (the repository checked; a .git folder is added), and
 * `scenario.json`: { feature, policy (the file or package cctier is given, from the folder), today }.
 * `expected.json` lists every diagnostic, each with both places: the file, line and column that break the
 * rule, and (`policy`) the policy file and line the message must cite. `waived` lists what waivers moved
 * aside. A policy that cannot be loaded (a cycle, a schema error) is compared the same way.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileResult } from '../../../src/core/diagnostic';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { loadPolicy } from '../../../src/core/policy/load';
import { mergePolicies } from '../../../src/core/policy/merge';
import { readRepository } from '../../../src/core/policy/repository';
import { forgetTierFiles } from '../../../src/core/models/repo-tier-file';

const ROOT = path.join(__dirname, '../../fixtures/policy');
const scenarios = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory()).sort();

interface Scenario {
  feature: string;
  policy: string;
  today: string;
}

interface Expected {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity?: 'error' | 'warning';
  /** "policy.yaml:5": the policy file and line the message cites. */
  policy?: string;
  messageIncludes?: string;
}

interface ExpectedFile {
  diagnostics: Expected[];
  waived?: Array<Omit<Expected, 'policy'> & { reason: string }>;
}

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

export function runScenario(dir: string, tmp: string): { diagnostics: Array<Expected & { message: string }>; waived: Array<Expected & { reason: string }> } {
  const spec = read<Scenario>(path.join(dir, 'scenario.json'));
  fs.cpSync(dir, tmp, { recursive: true });
  if (fs.existsSync(path.join(tmp, 'npm'))) fs.renameSync(path.join(tmp, 'npm'), path.join(tmp, 'node_modules'));
  const repoDir = path.join(tmp, 'repo');
  fs.mkdirSync(path.join(repoDir, '.git'), { recursive: true });
  const rel = (f: string): string => path.relative(tmp, f).split(path.sep).join('/');
  const flat = (results: FileResult[]) => ({
    diagnostics: results.flatMap((r) => r.diagnostics.map((d) => ({ ruleId: d.ruleId, file: rel(d.file), line: d.line, column: d.column, severity: d.severity, message: d.message }))),
    waived: results.flatMap((r) => (r.suppressed ?? []).map((d) => ({ ruleId: d.ruleId, file: rel(d.file), line: d.line, column: d.column, reason: d.reason }))),
  });
  const loaded = loadPolicy(spec.policy, tmp);
  if (loaded.diagnostics.length) return flat([{ file: '', diagnostics: loaded.diagnostics }]);
  const merged = mergePolicies(loaded.files);
  forgetTierFiles();
  const repo = readRepository(repoDir, { home: path.join(tmp, 'home') });
  const results = evaluatePolicy(merged.policy, repo.view, { today: spec.today });
  return flat([{ file: '', diagnostics: [...merged.diagnostics, ...repo.diagnostics] }, ...results]);
}

describe.each(scenarios)('%s', (name) => {
  const dir = path.join(ROOT, name);
  const spec = read<Scenario>(path.join(dir, 'scenario.json'));
  let tmp: string;
  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-policy-')));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test(spec.feature, () => {
    const expected = read<ExpectedFile>(path.join(dir, 'expected.json'));
    const actual = runScenario(dir, tmp);
    const sortKey = (d: { file: string; line: number; column: number; ruleId: string }) => `${d.file}:${String(d.line).padStart(5, '0')}:${String(d.column).padStart(5, '0')}:${d.ruleId}`;
    const byPlace = <T extends { file: string; line: number; column: number; ruleId: string }>(list: T[]) => [...list].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const got = byPlace(actual.diagnostics);
    const want = byPlace(expected.diagnostics);
    expect(got.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }))).toEqual(want.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column })));
    want.forEach((e, i) => {
      const d = got[i]!;
      if (e.severity) expect(d.severity).toBe(e.severity);
      if (e.policy) expect(d.message).toContain(e.policy);
      if (e.messageIncludes) expect(d.message).toContain(e.messageIncludes);
    });
    const waived = byPlace(actual.waived);
    const wantWaived = byPlace(expected.waived ?? []);
    expect(waived.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }))).toEqual(wantWaived.map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column })));
    wantWaived.forEach((e, i) => expect(waived[i]!.reason).toContain(e.reason));
  });
});

test('every policy rule has a scenario that expects it', () => {
  const seen = new Set<string>();
  for (const s of scenarios) {
    const e = read<ExpectedFile>(path.join(ROOT, s, 'expected.json'));
    for (const d of [...e.diagnostics, ...(e.waived ?? [])]) seen.add(d.ruleId);
  }
  const { POLICY_RULES } = require('../../../src/core/rules/registry') as typeof import('../../../src/core/rules/registry');
  expect(Object.keys(POLICY_RULES).filter((id) => !seen.has(id))).toEqual([]);
});
