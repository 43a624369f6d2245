/** Unit tests of the policy modules: reading with positions, schema messages, loading, merging, evaluation details, export. */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePolicyText } from '../../../src/core/policy/document';
import { evaluatePolicy, hostMatches, type RepositoryView } from '../../../src/core/policy/evaluate';
import { exportManaged } from '../../../src/core/policy/export';
import { loadPolicy } from '../../../src/core/policy/load';
import { mergePolicies } from '../../../src/core/policy/merge';
import type { Layer } from '../../../src/core/layers/layer';
import { mergeLayers } from '../../../src/core/layers/merge';
import { lintBytes } from '../../../src/core/lint/lint-text';

let dir: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-policy-unit-')));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Loads and merges policy files written as { name: text }, the first being the one cctier is given. */
function policyOf(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) write(name, text);
  const loaded = loadPolicy(Object.keys(files)[0]!, dir);
  expect(loaded.diagnostics).toEqual([]);
  return mergePolicies(loaded.files);
}

/** A repository view from one project file's value (positions are not the point here). */
function repoOf(project: Record<string, unknown>): RepositoryView {
  const layer: Layer = { kind: 'project', name: 'project', file: path.join(dir, 'repo/.claude/settings.json'), value: project };
  return { dir: path.join(dir, 'repo'), effective: mergeLayers([layer]), projectFile: { file: layer.file }, agents: [] };
}

function ruleIds(results: ReturnType<typeof evaluatePolicy>): string[] {
  return results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)).sort();
}

describe('reading a policy with positions', () => {
  test('YAML: values and keys located by JSON Pointer; __proto__ stays an own key', () => {
    const parsed = parsePolicyText('p.yaml', Buffer.from('version: 1\nkeys:\n  enforced:\n    /model: sonnet\n    __proto__: {polluted: true}\n'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.doc.locate('/keys/enforced/~1model')).toEqual({ line: 4, column: 13 });
    expect(parsed.doc.locate('/keys/enforced/~1model', 'key')).toEqual({ line: 4, column: 5 });
    const enforced = (parsed.doc.value as { keys: { enforced: Record<string, unknown> } }).keys.enforced;
    expect(Object.prototype.hasOwnProperty.call(enforced, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Deeper than the value goes: the nearest ancestor.
    expect(parsed.doc.locate('/keys/enforced/~1model/x')).toEqual({ line: 4, column: 13 });
  });

  test('JSON goes through the strict parser: comments are an error with a position', () => {
    const parsed = parsePolicyText('p.json', Buffer.from('{\n  // no\n  "version": 1\n}\n'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ line: 2, column: 3 });
  });

  test('YAML syntax errors and empty files say where and what', () => {
    const bad = parsePolicyText('p.yaml', Buffer.from('version: 1\nmodels: [a\n'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.message).toMatch(/^Not valid YAML/);
    const empty = parsePolicyText('p.yaml', Buffer.from('  \n'));
    if (!empty.ok) expect(empty.problem.message).toContain('version: 1');
  });
});

describe('loading', () => {
  test('schema problems are policy/invalid at the key, with did-you-mean, never a regex', () => {
    write('p.yaml', 'version: 1\npermisions:\n  requiredDeny: ["Bash("]\nhooks:\n  allowedUrlHosts: ["https://x.example/"]\n');
    const loaded = loadPolicy('p.yaml', dir);
    expect(loaded.files).toEqual([]);
    expect(loaded.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['policy/invalid', 2, 1],
      ['policy/invalid', 5, 21],
    ]);
    expect(loaded.diagnostics[0]!.message).toBe('"permisions" is not a policy setting in the policy; did you mean "permissions"?');
    expect(loaded.diagnostics[1]!.message).toContain('which is not a host name such as hooks.example.com');
    for (const d of loaded.diagnostics) expect(d.message).not.toMatch(/\^|\\\\|must match/);
  });

  test('a package policy: the package.json field, then the conventional names; scripts are refused', () => {
    write('node_modules/@acme/policy/package.json', '{ "name": "@acme/policy", "cctierPolicy": "strict.yaml" }');
    write('node_modules/@acme/policy/strict.yaml', 'version: 1\nlayer: org\n');
    write('node_modules/plain/package.json', '{ "name": "plain" }');
    write('node_modules/plain/policy.json', '{ "version": 1 }');
    write('node_modules/code/package.json', '{ "name": "code", "main": "index.js", "cctierPolicy": "index.js" }');
    write('node_modules/code/index.js', 'throw new Error("never run")');
    expect(loadPolicy('@acme/policy', dir).files.map((f) => [f.name, f.layer])).toEqual([['@acme/policy', 'org']]);
    expect(loadPolicy('plain', dir).files.map((f) => path.basename(f.file))).toEqual(['policy.json']);
    expect(loadPolicy('@acme/policy/strict.yaml', dir).files).toHaveLength(1);
    const code = loadPolicy('code', dir);
    expect(code.files).toEqual([]);
    expect(code.diagnostics[0]!.message).toContain('a script');
  });

  test('a file reached twice through different extends is read once; layers order the files', () => {
    write('p.yaml', 'version: 1\nextends: [./team.yaml, ./org.yaml]\n');
    write('team.yaml', 'version: 1\nlayer: team\nextends: ./org.yaml\n');
    write('org.yaml', 'version: 1\nlayer: org\n');
    const loaded = loadPolicy('p.yaml', dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.files.map((f) => `${f.layer}:${path.basename(f.file)}`)).toEqual(['project:p.yaml', 'team:team.yaml', 'org:org.yaml']);
  });
});

describe('merging layers', () => {
  test('caps take the strictest value; switches are on once any layer turns them on; lists add up', () => {
    const { policy } = policyOf({
      'p.yaml': 'version: 1\nextends: ./org.yaml\nmodels:\n  maxTier: quick\n  forbidDeprecated: false\npermissions:\n  requiredDeny: ["Read(./a)"]\n',
      'org.yaml': 'version: 1\nlayer: org\nmodels:\n  maxTier: routine\n  forbidDeprecated: true\npermissions:\n  requiredDeny: ["Read(./b)", "Read(./a)"]\n',
    });
    expect(policy.models.maxTier).toMatchObject({ value: 1, source: { layer: 'project', line: 4 } });
    expect(policy.models.forbidDeprecated).toMatchObject({ source: { layer: 'org' } });
    expect(policy.permissions.requiredDeny.map((r) => [r.value, r.source.layer])).toEqual([
      ['Read(./a)', 'org'],
      ['Read(./b)', 'org'],
    ]);
  });

  test('enforced values: the higher layer wins and the lower one is reported; defaults: the most specific wins', () => {
    const { policy, diagnostics } = policyOf({
      'p.yaml': 'version: 1\nextends: ./org.yaml\nkeys:\n  enforced:\n    /cleanupPeriodDays: 7\n  defaults:\n    /effortLevel: low\n    /model: opus\n',
      'org.yaml': 'version: 1\nlayer: org\nkeys:\n  enforced:\n    /cleanupPeriodDays: 30\n    /model: sonnet\n  defaults:\n    /effortLevel: medium\n',
    });
    expect(policy.keys.enforced.get('/cleanupPeriodDays')).toMatchObject({ value: 30, source: { layer: 'org' } });
    expect(policy.keys.defaults.get('/effortLevel')).toMatchObject({ value: 'low', source: { layer: 'project' } });
    expect(diagnostics.map((d) => [d.ruleId, path.basename(d.file), d.line])).toEqual([
      ['policy/locked-key', 'p.yaml', 5],
      ['policy/locked-key', 'p.yaml', 8],
    ]);
    expect(diagnostics[0]!.message).toContain('the org policy locks it to 30 (org.yaml:5)');
  });

  test('within one layer the extending file overrides what it extends, silently (explain lists it)', () => {
    const { policy, diagnostics } = policyOf({
      'p.yaml': 'version: 1\nextends: ./base.yaml\nkeys:\n  enforced:\n    /cleanupPeriodDays: 7\n',
      'base.yaml': 'version: 1\nkeys:\n  enforced:\n    /cleanupPeriodDays: 30\n',
    });
    expect(diagnostics).toEqual([]);
    expect(policy.keys.enforced.get('/cleanupPeriodDays')!.value).toBe(7);
    expect(policy.overridden).toContainEqual(expect.objectContaining({ value: 30, reason: 'the file that extends this one enforces its own value' }));
  });
});

describe('evaluating', () => {
  test('a required deny is covered by the same rule, a broader one, or a bare file name at any depth', () => {
    const { policy } = policyOf({ 'p.yaml': 'version: 1\npermissions:\n  requiredDeny: ["Read(./.env)", "Read(./secrets/prod/**)", "Bash(git push *)"]\n' });
    const covered = repoOf({ permissions: { deny: ['Read(.env)', 'Read(./secrets/**)', 'Bash(git *)'] } });
    expect(ruleIds(evaluatePolicy(policy, covered, { today: '2026-01-01' }))).toEqual([]);
    const narrower = repoOf({ permissions: { deny: ['Read(./config/.env)', 'Read(./secrets/prod/keys/**)', 'Bash(git push origin main)'] } });
    expect(ruleIds(evaluatePolicy(policy, narrower, { today: '2026-01-01' }))).toEqual(['policy/required-deny', 'policy/required-deny', 'policy/required-deny']);
  });

  test('host patterns: exact hosts, and *.domain for subdomains only', () => {
    expect(hostMatches('hooks.acme.example', 'hooks.acme.example')).toBe(true);
    expect(hostMatches('a.b.acme.example', '*.acme.example')).toBe(true);
    expect(hostMatches('acme.example', '*.acme.example')).toBe(false);
    expect(hostMatches('evilacme.example', '*.acme.example')).toBe(false);
  });

  test('a waiver holds through its expiry date and lapses the day after; the clock is injected', () => {
    const { policy } = policyOf({ 'p.yaml': 'version: 1\nmodels:\n  maxTier: routine\nwaivers:\n  - rule: policy/tier-cap\n    reason: spike\n    expires: 2026-03-31\n' });
    const repo = repoOf({ model: 'opus' });
    const onTheDay = evaluatePolicy(policy, repo, { today: '2026-03-31' });
    expect(ruleIds(onTheDay)).toEqual([]);
    expect(onTheDay.flatMap((r) => r.suppressed ?? []).map((d) => d.reason)).toEqual([expect.stringContaining('waived until 2026-03-31')]);
    expect(ruleIds(evaluatePolicy(policy, repo, { today: '2026-04-01' }))).toEqual(['policy/tier-cap', 'policy/waiver-expired']);
  });

  test('severities from config refine or turn off a policy rule', () => {
    const { policy } = policyOf({ 'p.yaml': 'version: 1\nmodels:\n  maxTier: routine\n  forbidRetired: true\n' });
    const repo = repoOf({ model: 'opus', fallbackModel: ['claude-3-opus-20240229'] });
    const results = evaluatePolicy(policy, repo, { today: '2026-01-01', severities: new Map([['policy/tier-cap', 'warning'], ['policy/deprecated-model', 'off']]) });
    expect(results.flatMap((r) => r.diagnostics.map((d) => `${d.ruleId}:${d.severity}`))).toEqual(['policy/tier-cap:warning', 'policy/tier-cap:warning']);
  });

  test('allow rules Claude Code drops under a managed lock are not held against the repository', () => {
    const { policy } = policyOf({ 'p.yaml': 'version: 1\npermissions:\n  forbiddenAllow: ["Bash(*)"]\n' });
    const project: Layer = { kind: 'project', name: 'project', file: path.join(dir, 'repo/.claude/settings.json'), value: { permissions: { allow: ['Bash'] } } };
    const managed: Layer = { kind: 'managed', name: 'managed', file: '/etc/claude-code/managed-settings.json', value: { allowManagedPermissionRulesOnly: true } };
    const view: RepositoryView = { dir: path.join(dir, 'repo'), effective: mergeLayers([project, managed]), projectFile: { file: project.file }, agents: [] };
    expect(ruleIds(evaluatePolicy(policy, view, { today: '2026-01-01' }))).toEqual([]);
  });
});

describe('export', () => {
  test('availableModels: the entries every layer allows, cut to the tier cap; the default left out when refused', () => {
    const { policy } = policyOf({
      'p.yaml': 'version: 1\nextends: ./org.yaml\nmodels:\n  allowed: [sonnet, haiku, claude-opus-4-8]\n  default: claude-opus-4-8\n',
      'org.yaml': 'version: 1\nlayer: org\nmodels:\n  allowed: [haiku, sonnet, opus, fable]\n  maxTier: routine\n',
    });
    const { settings, notes } = exportManaged(policy);
    expect(settings.availableModels).toEqual(['sonnet', 'haiku']);
    expect(settings.enforceAvailableModels).toBe(true);
    expect(settings).not.toHaveProperty('model');
    expect(notes.map((n) => n.what)).toContain('models.default');
  });

  test('a cap alone: the Claude families at or below it', () => {
    const { policy } = policyOf({ 'p.yaml': 'version: 1\nmodels:\n  maxTier: critical\n  default: sonnet\n' });
    expect(exportManaged(policy).settings).toEqual({ model: 'sonnet', availableModels: ['sonnet', 'opus', 'haiku'], enforceAvailableModels: true });
  });

  test('managed hooks, the managed-only switches, hook hosts every layer allows, enforced keys', () => {
    const { policy } = policyOf({
      'p.yaml':
        'version: 1\nextends: ./org.yaml\nhooks:\n  allowedUrlHosts: ["audit.acme.example", "*.eu.acme.example", "other.example"]\n' +
        'keys:\n  enforced:\n    /permissions/defaultMode: plan\n',
      'org.yaml':
        'version: 1\nlayer: org\nhooks:\n  managedOnly: true\n  allowedUrlHosts: ["*.acme.example"]\n  managed:\n    PreToolUse:\n      - matcher: Bash\n        hooks:\n          - type: command\n            command: /opt/acme/audit.sh\n' +
        'permissions:\n  managedRulesOnly: true\n  forbiddenModes: [bypassPermissions, auto]\n',
    });
    const { settings } = exportManaged(policy);
    expect(settings).toEqual({
      permissions: { disableBypassPermissionsMode: 'disable', disableAutoMode: 'disable', defaultMode: 'plan' },
      allowManagedPermissionRulesOnly: true,
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: '/opt/acme/audit.sh' }] }] },
      allowManagedHooksOnly: true,
      allowedHttpHookUrls: ['https://audit.acme.example/*', 'https://*.eu.acme.example/*'],
    });
    const text = JSON.stringify(settings, null, 2);
    const linted = lintBytes('managed-settings.json', Buffer.from(text), { kind: 'settings', scope: 'managed' }, { strict: true, severities: new Map() });
    expect(linted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('no restriction, nothing exported; the notes say what stays with cctier', () => {
    const { policy } = policyOf({ 'p.yaml': 'version: 1\nenv:\n  forbidden: [ANTHROPIC_BASE_URL]\nkeys:\n  defaults:\n    /effortLevel: low\n' });
    const { settings, notes } = exportManaged(policy);
    expect(settings).toEqual({});
    expect(notes.map((n) => n.what)).toEqual(['keys.defaults', 'env.forbidden']);
  });
});
