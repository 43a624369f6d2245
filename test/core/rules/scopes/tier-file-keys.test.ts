/** scopes/tier-file-keys: a team's claude_settings.json versus a dotfiles copy of user settings. */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintBytes } from '../../../../src/core/lint/lint-text';
import { forgetProbes } from '../../../../src/core/rules/hooks/fs-probe';
import { forgetGitAnswers } from '../../../../src/core/rules/scopes/git-ignore';

const SETTINGS = { strict: false, severities: new Map() };
const TIER = { kind: 'tier-file', scope: 'user' } as const;
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-tier-'));
  forgetProbes();
  forgetGitAnswers();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder that looks like a git repository root to cctier (a .git folder with HEAD and objects). */
function repo(name: string, files: string[] = []): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, '.git', 'objects'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  for (const f of files) fs.writeFileSync(path.join(dir, f), '');
  return dir;
}

function ruleIds(dir: string, value: unknown): string[] {
  const file = path.join(dir, 'claude_settings.json');
  fs.mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(value, null, 2);
  fs.writeFileSync(file, text);
  return lintBytes(file, Buffer.from(text), TIER, SETTINGS)
    .diagnostics.filter((d) => d.ruleId.startsWith('scopes/'))
    .map((d) => d.ruleId);
}

const SETTINGS_ONLY = { permissions: { allow: ['Bash(npm test)'] }, channelsEnabled: true };

test('at the root of a project repository, Claude Code keys are reported once', () => {
  // channelsEnabled is managed-only, but the file is not read at all: one diagnostic, not two.
  expect(ruleIds(repo('acme-app', ['package.json']), SETTINGS_ONLY)).toEqual(['scopes/tier-file-keys']);
});

test('with tier keys the file is the team tier file wherever it is', () => {
  expect(ruleIds(path.join(tmp, 'anywhere'), { defaultModel: 'sonnet', model: 'opus' })).toEqual(['scopes/tier-file-keys']);
  expect(ruleIds(path.join(tmp, 'tier-only'), { defaultModel: 'sonnet', maxModelForRoutineTasks: 'sonnet' })).toEqual([]);
});

test('dotfiles copies are linted as user settings instead', () => {
  expect(ruleIds(repo('dotfiles'), SETTINGS_ONLY)).toEqual(['scopes/no-effect']);
  expect(ruleIds(repo('my-config', ['.zshrc']), SETTINGS_ONLY)).toEqual(['scopes/no-effect']);
  expect(ruleIds(repo('workstation', ['.zshrc']), SETTINGS_ONLY)).toEqual(['scopes/no-effect']);
  expect(ruleIds(path.join(repo('tools'), 'claude'), SETTINGS_ONLY)).toEqual(['scopes/no-effect']);
  expect(ruleIds(path.join(tmp, 'no-repo'), SETTINGS_ONLY)).toEqual(['scopes/no-effect']);
});
