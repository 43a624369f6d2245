/** scopes/local-not-ignored against real git repositories, isolated from the machine's own git config. */

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintBytes } from '../../../../src/core/lint/lint-text';
import { forgetProbes } from '../../../../src/core/rules/hooks/fs-probe';
import { forgetGitAnswers } from '../../../../src/core/rules/scopes/git-ignore';

const SETTINGS = { strict: false, severities: new Map() };
const LOCAL = { kind: 'settings', scope: 'local' } as const;
const hasGit = spawnSync('git', ['--version']).status === 0;
const gitTest = hasGit ? test : test.skip;
const savedEnv = { ...process.env };
let tmp: string;

beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-local-')));
  // The user's global excludes (where Claude Code adds settings.local.json) must not decide these tests.
  process.env.GIT_CONFIG_GLOBAL = path.join(tmp, 'no-global-config');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CEILING_DIRECTORIES = tmp;
  forgetProbes();
  forgetGitAnswers();
});

afterEach(() => {
  process.env = { ...savedEnv };
  fs.rmSync(tmp, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

function localFile(repo: string, sub = ''): string {
  const file = path.join(repo, sub, '.claude', 'settings.local.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '{ "permissions": { "allow": ["Bash(npm test)"] } }\n');
  return file;
}

function messages(file: string): string[] {
  forgetProbes();
  forgetGitAnswers();
  return lintBytes(file, fs.readFileSync(file), LOCAL, SETTINGS)
    .diagnostics.filter((d) => d.ruleId === 'scopes/local-not-ignored')
    .map((d) => d.message);
}

gitTest('an untracked local file that no ignore rule covers', () => {
  const repo = path.join(tmp, 'repo');
  fs.mkdirSync(repo);
  git(repo, 'init', '-q');
  const file = localFile(repo);
  expect(messages(file)).toEqual([expect.stringContaining('git does not ignore this local settings file')]);

  fs.writeFileSync(path.join(repo, '.gitignore'), '.claude/settings.local.json\n');
  expect(messages(file)).toEqual([]);
});

gitTest('a committed local file, even when .gitignore now names it', () => {
  const repo = path.join(tmp, 'repo');
  fs.mkdirSync(repo);
  git(repo, 'init', '-q');
  const file = localFile(repo);
  git(repo, 'add', '.claude/settings.local.json');
  git(repo, 'commit', '-q', '-m', 'oops');
  fs.writeFileSync(path.join(repo, '.gitignore'), '**/.claude/settings.local.json\n');
  expect(messages(file)).toEqual([expect.stringContaining('is committed to git')]);
});

gitTest('a local file in a subproject, ignored by a pattern at the repository root', () => {
  const repo = path.join(tmp, 'mono');
  fs.mkdirSync(repo);
  git(repo, 'init', '-q');
  fs.writeFileSync(path.join(repo, '.gitignore'), 'settings.local.json\n');
  expect(messages(localFile(repo, 'packages/web'))).toEqual([]);
  const other = localFile(path.join(repo, 'packages', 'api'));
  fs.writeFileSync(path.join(repo, '.gitignore'), '');
  expect(messages(other)).toHaveLength(1);
});

test('outside any repository, or under a stray .git folder that is not one, it says nothing', () => {
  expect(messages(localFile(path.join(tmp, 'plain')))).toEqual([]);
  const fake = path.join(tmp, 'fake');
  fs.mkdirSync(path.join(fake, '.git'), { recursive: true });
  fs.writeFileSync(path.join(fake, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  expect(messages(localFile(fake))).toEqual([]);
});

gitTest('only files in a .claude folder are local settings files', () => {
  const repo = path.join(tmp, 'repo');
  fs.mkdirSync(repo);
  git(repo, 'init', '-q');
  const file = path.join(repo, 'my.local.json');
  fs.writeFileSync(file, '{}\n');
  expect(messages(file)).toEqual([]);
});
