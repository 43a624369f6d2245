/**
 * `cctier policy check | export | explain` and `cctier lint --policy`, run in-process on throwaway
 * repositories: exit codes, both locations in every diagnostic, the config's `policy`, and the managed
 * export's round trip through the linter and the merger.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Io } from '../../src/commands/io';
import { UsageError } from '../../src/commands/io';
import { run as lint } from '../../src/commands/lint';
import { PolicyError, run, type PolicyCommandOptions } from '../../src/commands/policy';
import type { Layer } from '../../src/core/layers/layer';
import { mergeLayers } from '../../src/core/layers/merge';
import { lintBytes } from '../../src/core/lint/lint-text';
import { forgetTierFiles } from '../../src/core/models/repo-tier-file';

let root: string;
let repo: string;

function write(rel: string, content: unknown): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
  return file;
}

function io(cwd = repo): Io & { out: string; err: string } {
  const it = { cwd, env: { HOME: path.join(root, 'home') }, isTTY: false, out: '', err: '', stdout: (t: string) => void (it.out += t), stderr: (t: string) => void (it.err += t) };
  return it;
}

async function policy(opts: Partial<PolicyCommandOptions>, cwd = repo) {
  const i = io(cwd);
  const code = await run({ action: 'check', useConfig: true, format: 'json', today: '2026-09-01', ...opts }, i);
  return { code, out: i.out, err: i.err, json: () => JSON.parse(i.out) };
}

const ORG_POLICY = `version: 1
layer: org
name: acme-org
models:
  allowed: [haiku, sonnet, opus]
  maxTier: critical
  routineMaxTier: routine
  default: sonnet
permissions:
  requiredDeny:
    - Read(./.env)
  forbiddenModes: [bypassPermissions]
  disableBypassPermissionsMode: true
`;

const FOLLOWS = {
  model: 'sonnet',
  permissions: { deny: ['Read(./.env)'], disableBypassPermissionsMode: 'disable' },
};

const BREAKS = {
  model: 'opus',
  availableModels: ['opus', 'sonnet'],
  permissions: { allow: ['Bash(npm test)'], defaultMode: 'bypassPermissions' },
};

beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-policy-cmd-')));
  repo = path.join(root, 'repo');
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  write('repo/package.json', '{ "name": "repo", "private": true }\n');
  write('org/policy.yaml', ORG_POLICY);
  forgetTierFiles();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('cctier policy check', () => {
  test('a repository that follows the policy exits 0', async () => {
    write('repo/.claude/settings.json', FOLLOWS);
    const r = await policy({ policy: '../org/policy.yaml' });
    expect(r.code).toBe(0);
    expect(r.json().flatMap((f: { messages: unknown[] }) => f.messages)).toEqual([]);
  });

  test('a repository that breaks it exits 1; each diagnostic sits at the value and cites the policy line', async () => {
    write('repo/.claude/settings.json', BREAKS);
    const r = await policy({ policy: '../org/policy.yaml' });
    expect(r.code).toBe(1);
    const messages = r.json().flatMap((f: { filePath: string; messages: Array<{ ruleId: string; line: number; column: number; message: string }> }) => f.messages.map((m) => ({ ...m, file: path.relative(repo, f.filePath) })));
    const brief = messages.map((m: { ruleId: string; file: string; line: number; column: number }) => `${m.ruleId} ${m.file}:${m.line}:${m.column}`).sort();
    expect(brief).toEqual(
      [
        'policy/routine-tier-cap .claude/settings.json:2:12',
        'policy/required-deny .claude/settings.json:7:18',
        'policy/forbidden-mode .claude/settings.json:11:20',
        'policy/bypass-not-disabled .claude/settings.json:7:18',
      ].sort(),
    );
    const byRule = Object.fromEntries(messages.map((m: { ruleId: string; message: string }) => [m.ruleId, m.message]));
    expect(byRule['policy/routine-tier-cap']).toContain('(../org/policy.yaml:7)');
    expect(byRule['policy/required-deny']).toContain('the org policy acme-org (../org/policy.yaml:11)');
    expect(byRule['policy/forbidden-mode']).toContain('(../org/policy.yaml:12)');
  });

  test('stylish output names the settings file and line, and the policy file and line', async () => {
    write('repo/.claude/settings.json', BREAKS);
    const r = await policy({ policy: '../org/policy.yaml', format: 'stylish' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('.claude/settings.json');
    expect(r.out).toMatch(/2:12\s+error\s+model is "opus".*policy\.yaml:7/);
  });

  test('the policy named by cctier config, relative to the config file', async () => {
    write('repo/.cctierrc.json', { policy: '../org/policy.yaml' });
    write('repo/.claude/settings.json', BREAKS);
    expect((await policy({})).code).toBe(1);
    write('repo/.claude/settings.json', FOLLOWS);
    expect((await policy({})).code).toBe(0);
  });

  test('a policy from an npm package in node_modules, found from the declaring config', async () => {
    write('repo/node_modules/@acme/cctier-policy/package.json', { name: '@acme/cctier-policy', version: '1.0.0' });
    write('repo/node_modules/@acme/cctier-policy/policy.yaml', ORG_POLICY);
    write('repo/.cctierrc.yaml', 'policy: "@acme/cctier-policy"\n');
    write('repo/.claude/settings.json', BREAKS);
    const r = await policy({});
    expect(r.code).toBe(1);
    expect(r.out).toContain('the org policy acme-org (node_modules/@acme/cctier-policy/policy.yaml:11)');
  });

  test('config severities and suppressions apply to policy rules', async () => {
    write('repo/.cctierrc.json', {
      policy: '../org/policy.yaml',
      rules: { 'policy/routine-tier-cap': 'warn', 'policy/forbidden-mode': 'off' },
      suppressions: [
        { rule: 'policy/required-deny', files: ['.claude/settings.json'], reason: 'vault' },
        { rule: 'policy/bypass-not-disabled', reason: 'containers only' },
      ],
    });
    write('repo/.claude/settings.json', BREAKS);
    const r = await policy({});
    expect(r.code).toBe(0);
    const messages = r.json().flatMap((f: { messages: Array<{ ruleId: string; severity: number }> }) => f.messages);
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'policy/routine-tier-cap', severity: 1 })]);
  });

  test('no policy, a missing policy, a broken one and an extends cycle are usage errors (exit 2)', async () => {
    await expect(policy({})).rejects.toThrow(/no policy/);
    await expect(policy({ policy: './nope.yaml', format: 'stylish' })).rejects.toThrow(PolicyError);
    write('org/broken.yaml', 'version: 2\nmodels: {maxTier: huge}\n');
    await expect(policy({ policy: '../org/broken.yaml', format: 'stylish' })).rejects.toThrow(/maxTier is "huge"/);
    write('org/a.yaml', 'version: 1\nextends: ./b.yaml\n');
    write('org/b.yaml', 'version: 1\nextends: [./a.yaml]\n');
    await expect(policy({ policy: '../org/a.yaml', format: 'stylish' })).rejects.toThrow(/cycle/);
    // Machine formats still carry the policy's problems, with exit 2.
    const r = await policy({ policy: '../org/a.yaml', format: 'json' });
    expect(r.code).toBe(2);
    expect(r.json()[0].messages[0]).toMatchObject({ ruleId: 'policy/extends-cycle', line: 2 });
  });

  test('the repository\'s own layers only: the machine\'s user settings do not count', async () => {
    write('home/.claude/settings.json', { permissions: { defaultMode: 'bypassPermissions' } });
    write('repo/.claude/settings.json', FOLLOWS);
    expect((await policy({ policy: '../org/policy.yaml' })).code).toBe(0);
  });

  test('credentials are never printed in full', async () => {
    const secret = 'Zx8Qk2mVt7Lw9PbR' + 'n4Hc';
    write('org/creds.yaml', 'version: 1\nenv:\n  noCredentials: true\n');
    write('repo/.claude/settings.local.json', { env: { PGPASSWORD: secret } });
    for (const format of ['json', 'stylish', 'sarif', 'github'] as const) {
      const r = await policy({ policy: '../org/creds.yaml', format });
      expect(r.code).toBe(1);
      expect(r.out).toContain('policy/credential');
      expect(r.out).not.toContain(secret);
    }
  });
});

describe('cctier lint --policy', () => {
  async function lintRun(policyOpt: string | false | undefined, cwd = repo) {
    const i = io(cwd);
    const code = await lint({ paths: [], format: 'json', maxWarnings: -1, quiet: false, useConfig: true, policy: policyOpt }, i);
    return { code, json: () => JSON.parse(i.out) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }> };
  }

  test('adds the policy diagnostics to the lint results of each repository linted, and exits 1', async () => {
    write('repo/.claude/settings.json', BREAKS);
    const r = await lintRun('../org/policy.yaml');
    expect(r.code).toBe(1);
    const file = r.json().find((f) => f.filePath.endsWith(path.join('.claude', 'settings.json')))!;
    expect(file.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['policy/routine-tier-cap', 'policy/required-deny', 'policy/forbidden-mode']));
  });

  test('a repository that follows the policy lints clean (exit 0)', async () => {
    write('repo/.claude/settings.json', FOLLOWS);
    const r = await lintRun('../org/policy.yaml');
    expect(r.code).toBe(0);
    expect(r.json().flatMap((f) => f.messages)).toEqual([]);
  });

  test('the config\'s policy applies to plain lint; --no-policy turns it off', async () => {
    write('repo/.cctierrc.json', { policy: '../org/policy.yaml' });
    write('repo/.claude/settings.json', { ...FOLLOWS, model: 'opus' });
    expect((await lintRun(undefined)).code).toBe(1);
    expect((await lintRun(false)).code).toBe(0);
  });

  test('a repository without a project file is still checked when named as a directory', async () => {
    const r = await lintRun('../org/policy.yaml');
    expect(r.code).toBe(1);
    expect(r.json().flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual(expect.arrayContaining(['policy/required-deny', 'policy/bypass-not-disabled']));
  });

  test('several repositories in one run: each is checked, and the policy\'s own problems are reported once', async () => {
    write('org/waivers.yaml', `${ORG_POLICY}waivers:\n  - rule: policy/required-deny\n    reason: old\n    expires: 2026-01-31\n`);
    for (const name of ['a', 'b']) {
      fs.mkdirSync(path.join(repo, name, '.git'), { recursive: true });
      write(`repo/${name}/.claude/settings.json`, FOLLOWS);
    }
    write('repo/b/.claude/settings.json', { ...FOLLOWS, model: 'opus' });
    const r = await lintRun('../org/waivers.yaml');
    const found = r.json().flatMap((f) => f.messages.filter((m) => m.ruleId.startsWith('policy/')).map((m) => `${path.relative(root, f.filePath)} ${m.ruleId}`));
    expect(found.sort()).toEqual(['org/waivers.yaml policy/waiver-expired', 'repo/b/.claude/settings.json policy/routine-tier-cap', 'repo/.claude/settings.json policy/bypass-not-disabled', 'repo/.claude/settings.json policy/required-deny'].sort());
  });

  test('a broken policy is a usage error', async () => {
    write('repo/.claude/settings.json', FOLLOWS);
    await expect(lintRun('../org/missing.yaml')).rejects.toThrow(UsageError);
  });
});

describe('cctier policy export --managed', () => {
  async function exportRun(opts: Partial<PolicyCommandOptions>) {
    return policy({ action: 'export', managed: true, format: 'stylish', policy: '../org/policy.yaml', ...opts });
  }

  test('needs --managed', async () => {
    await expect(exportRun({ managed: false })).rejects.toThrow(/--managed/);
  });

  test('writes managed-settings.json with what Claude Code enforces natively, and prints what stays advisory', async () => {
    const r = await exportRun({ out: '../managed' });
    expect(r.code).toBe(0);
    const file = path.join(root, 'managed', 'managed-settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(settings).toEqual({
      model: 'sonnet',
      availableModels: ['haiku', 'sonnet', 'opus'],
      enforceAvailableModels: true,
      permissions: { deny: ['Read(./.env)'], disableBypassPermissionsMode: 'disable' },
    });
    expect(r.out).toContain('Wrote ../managed/managed-settings.json: model, availableModels, enforceAvailableModels, permissions.');
    expect(r.out).toContain('models.routineMaxTier (../org/policy.yaml:7): Claude Code has no setting for a routine-work cap');
    // No temp file is left behind by the atomic write.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['managed-settings.json']);
  });

  test('--dropin writes managed-settings.d/NAME.json; a bad name is refused', async () => {
    await exportRun({ out: '../managed', dropin: '50-acme' });
    expect(fs.existsSync(path.join(root, 'managed', 'managed-settings.d', '50-acme.json'))).toBe(true);
    await expect(exportRun({ out: '../managed', dropin: '../evil' })).rejects.toThrow(/--dropin/);
  });

  test('without --out the settings go to stdout and the notes to stderr', async () => {
    const i = io();
    await run({ action: 'export', managed: true, useConfig: true, format: 'stylish', policy: '../org/policy.yaml' }, i);
    expect(JSON.parse(i.out)).toMatchObject({ model: 'sonnet' });
    expect(i.err).toContain('models.routineMaxTier');
  });

  test('the exported file lints clean as managed settings', async () => {
    const r = await exportRun({ format: 'json' });
    const text = JSON.stringify(r.json().settings, null, 2) + '\n';
    const linted = lintBytes('managed-settings.json', Buffer.from(text), { kind: 'settings', scope: 'managed' }, { strict: true, severities: new Map() });
    expect(linted.diagnostics).toEqual([]);
  });

  test('merged as the managed layer over a violating repository, the native parts hold', async () => {
    const settings = (await exportRun({ format: 'json' })).json().settings;
    const project: Layer = { kind: 'project', name: 'project', file: path.join(repo, '.claude/settings.json'), value: BREAKS };
    const managed: Layer = { kind: 'managed', name: 'managed', file: path.join(root, 'managed/managed-settings.json'), value: settings };
    const e = mergeLayers([project, managed]);
    expect(e.settings.availableModels).toEqual(['haiku', 'sonnet', 'opus']);
    expect(e.provenance['/availableModels']).toMatchObject({ layer: 'managed' });
    expect(e.overridden).toContainEqual(expect.objectContaining({ pointer: '/availableModels', layer: 'project', cause: 'managed-list' }));
    const permissions = e.settings.permissions as Record<string, unknown>;
    expect(permissions.deny).toEqual(['Read(./.env)']);
    expect(e.provenance['/permissions/deny/0']).toMatchObject({ layer: 'managed' });
    expect(permissions.disableBypassPermissionsMode).toBe('disable');
    expect(e.settings.model).toBe('sonnet');
  });
});

describe('cctier policy explain', () => {
  test('json: every rule with the layer, file and line that set it, and what was overridden', async () => {
    write('repo/team.yaml', 'version: 1\nlayer: team\nextends: ../org/policy.yaml\nmodels:\n  maxTier: frontier\n');
    const r = await policy({ action: 'explain', policy: 'team.yaml' });
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc.layers.map((l: { layer: string }) => l.layer)).toEqual(['team', 'org']);
    expect(doc.rules).toContainEqual({ what: 'models.maxTier', value: 'critical', source: expect.objectContaining({ layer: 'org', policy: 'acme-org', line: 6, column: 12 }) });
    expect(doc.rules).toContainEqual({ what: 'permissions.requiredDeny', value: 'Read(./.env)', source: expect.objectContaining({ line: 11, column: 7 }) });
    expect(doc.overridden).toContainEqual(expect.objectContaining({ what: 'models.maxTier', value: 'frontier', reason: 'a stricter cap holds' }));
  });

  test('stylish: one line per rule with its source', async () => {
    const r = await policy({ action: 'explain', policy: '../org/policy.yaml', format: 'stylish' });
    expect(r.out).toContain('Policy layers (lowest first):');
    expect(r.out).toMatch(/^models\.maxTier: "critical" +org acme-org: \.\.\/org\/policy\.yaml:6:12$/m);
  });
});
