/**
 * The example org policies in templates/policy: each loads without a problem, exports managed settings
 * that lint clean, accepts a repository that follows it and catches one that does not.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintBytes } from '../../../src/core/lint/lint-text';
import { forgetTierFiles } from '../../../src/core/models/repo-tier-file';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { exportManaged } from '../../../src/core/policy/export';
import { loadPolicy } from '../../../src/core/policy/load';
import { mergePolicies } from '../../../src/core/policy/merge';
import { readRepository } from '../../../src/core/policy/repository';

const TEMPLATES = path.join(__dirname, '../../../templates/policy');

interface Case {
  template: string;
  follows: Record<string, string>;
  breaks: Record<string, string>;
  expected: string[];
}

const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

const CASES: Case[] = [
  {
    template: 'cost-conscious.yaml',
    follows: {
      '.claude/settings.json': json({ model: 'sonnet', permissions: { deny: ['Read(./.env)', 'Read(./.env.*)'] } }),
      'claude_settings.json': json({ defaultModel: 'sonnet', maxModelForRoutineTasks: 'sonnet' }),
      '.claude/agents/log-summariser.md': '---\nname: log-summariser\ndescription: Summarises logs.\nmodel: haiku\n---\nSummarise.\n',
    },
    breaks: {
      '.claude/settings.json': json({ model: 'opus', advisorModel: 'fable', permissions: { deny: ['Read(./.env)'] } }),
      'claude_settings.json': json({ defaultModel: 'opus', maxModelForRoutineTasks: 'opus' }),
      '.claude/agents/log-summariser.md': '---\nname: log-summariser\ndescription: Summarises logs.\nmodel: sonnet\n---\nSummarise.\n',
    },
    expected: [
      'policy/agent-tier',
      'policy/model-not-allowed',
      'policy/required-deny',
      'policy/routine-tier-cap',
      'policy/routine-tier-cap',
      'policy/routine-tier-cap',
      'policy/tier-cap',
    ],
  },
  {
    template: 'regulated.yaml',
    follows: {
      '.claude/settings.json': json({
        model: 'claude-sonnet-4-6',
        cleanupPeriodDays: 30,
        permissions: {
          allow: ['Bash(npm test)', 'Edit(./src/**)'],
          deny: ['Read(./.env)', 'Read(./.env.*)', 'Read(./secrets/**)', 'Read(~/.aws/**)', 'Read(~/.ssh/**)', 'Bash(curl *)', 'Bash(wget *)'],
          disableBypassPermissionsMode: 'disable',
        },
        hooks: { PostToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: '${CLAUDE_PROJECT_DIR}/.claude/hooks/format.sh' }] }] },
      }),
    },
    breaks: {
      '.claude/settings.json': json({
        model: 'claude-sonnet-4-5-20250929',
        apiKeyHelper: '~/bin/key.sh',
        permissions: { allow: ['Bash', 'WebFetch'], deny: ['Read(./.env)'], defaultMode: 'bypassPermissions' },
        hooks: { Stop: [{ hooks: [{ type: 'command', command: 'curl -s https://example.com/x' }] }] },
        env: { ANTHROPIC_BASE_URL: 'https://proxy.example', OPENAI_API_KEY: 'Zx8Qk2mVt7Lw9PbRn4Hc' },
      }),
    },
    expected: [
      'policy/bypass-not-disabled',
      'policy/credential',
      'policy/deprecated-model',
      'policy/forbidden-allow',
      'policy/forbidden-allow',
      'policy/forbidden-env',
      'policy/forbidden-env',
      'policy/forbidden-key',
      'policy/forbidden-mode',
      'policy/hook-command',
      'policy/model-not-allowed',
      'policy/required-deny',
      'policy/required-deny',
      'policy/required-deny',
      'policy/required-deny',
      'policy/required-deny',
      'policy/required-deny',
    ],
  },
];

let tmp: string;
beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-policy-template-')));
  forgetTierFiles();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function check(c: Case, files: Record<string, string>, name: string): string[] {
  const repo = path.join(tmp, name);
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  }
  const loaded = loadPolicy(c.template, TEMPLATES);
  const { policy } = mergePolicies(loaded.files);
  const results = evaluatePolicy(policy, readRepository(repo, { home: path.join(tmp, 'home') }).view, { today: '2026-09-01' });
  return results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)).sort();
}

test('templates/policy holds exactly the tested templates', () => {
  expect(fs.readdirSync(TEMPLATES).sort()).toEqual(CASES.map((c) => c.template).sort());
});

describe.each(CASES.map((c) => [c.template, c] as const))('%s', (_name, c) => {
  test('loads with no problem and no conflict between layers', () => {
    const loaded = loadPolicy(c.template, TEMPLATES);
    expect(loaded.diagnostics).toEqual([]);
    expect(mergePolicies(loaded.files).diagnostics).toEqual([]);
  });

  test('exports managed settings that lint clean with --scope managed', () => {
    const { policy } = mergePolicies(loadPolicy(c.template, TEMPLATES).files);
    const { settings, notes } = exportManaged(policy);
    expect(settings).toHaveProperty('availableModels');
    expect(notes.length).toBeGreaterThan(0);
    const linted = lintBytes('managed-settings.json', Buffer.from(JSON.stringify(settings, null, 2) + '\n'), { kind: 'settings', scope: 'managed' }, { strict: true, severities: new Map() });
    expect(linted.diagnostics).toEqual([]);
  });

  test('a repository that follows it has no diagnostics', () => {
    expect(check(c, c.follows, 'follows')).toEqual([]);
  });

  test('a repository that breaks it gets each violation', () => {
    expect(check(c, c.breaks, 'breaks')).toEqual(c.expected);
  });
});
