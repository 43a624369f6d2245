/**
 * The shipped pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit framework in throwaway
 * git repositories: a bad settings file stops the commit, the fixed file goes in, other JSON is never
 * passed to cctier.
 *
 * The local suite runs our built binary through a `repo: local` hook that copies every field of the
 * shipped hook but the entry and language, so a wrong `files`, `types` or `args` fails here; it is
 * offline and takes a few seconds. The remote suite consumes this repository the way users do
 * (`repo:` + `rev:`, language node: pre-commit clones HEAD, npm installs it, which builds it); it needs
 * the npm registry and takes about 40 s, so it runs only with CCTIER_TEST_PRECOMMIT_REMOTE=1.
 *
 * pre-commit must be installed (Debian package `pre-commit`; .ci/run installs it): without it these
 * tests fail rather than skip, so a CI run cannot pass without proving the hook.
 */

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { isSettingsPath } from '../src/core/files/discover';

const ROOT = path.resolve(__dirname, '..');
const HOOKS_FILE = path.join(ROOT, '.pre-commit-hooks.yaml');
const CLI = path.join(ROOT, 'bin', 'cctier.js');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'cctier.js');
const REMOTE = process.env.CCTIER_TEST_PRECOMMIT_REMOTE === '1';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files?: string;
  types?: string[];
  pass_filenames?: boolean;
  args?: string[];
  minimum_pre_commit_version?: string;
  [field: string]: unknown;
}

interface Result {
  status: number | null;
  output: string;
}

const tempDirs: string[] = [];
let preCommitVersion = '';

function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cctier-pre-commit-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/**
 * The environment for git and pre-commit: the caller's, minus anything that would point git or
 * pre-commit elsewhere (this suite may itself run inside a git hook, where GIT_DIR and GIT_INDEX_FILE are
 * set, or with SKIP=... for pre-commit), with no global or system git config and a private pre-commit cache.
 */
function isolatedEnv(preCommitHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('GIT_') || key.startsWith('PRE_COMMIT') || key === 'SKIP') continue;
    env[key] = value;
  }
  return { ...env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1', PRE_COMMIT_HOME: preCommitHome, NO_COLOR: '1' };
}

function run(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv, timeoutMs = 120_000): Result {
  const r = spawnSync(command, args, { cwd, env: env ?? process.env, encoding: 'utf8', timeout: timeoutMs });
  if (r.error) throw new Error(`${command} ${args.join(' ')} could not run: ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function must(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number): string {
  const r = run(command, args, cwd, env, timeoutMs);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.output}`);
  return r.output;
}

function loadShippedHooks(): Hook[] {
  const hooks: unknown = parse(fs.readFileSync(HOOKS_FILE, 'utf8'));
  if (!Array.isArray(hooks)) throw new Error('.pre-commit-hooks.yaml must be a list of hooks');
  return hooks as Hook[];
}

function shippedHook(): Hook {
  const hook = loadShippedHooks().find((h) => h.id === 'cctier');
  if (!hook) throw new Error('.pre-commit-hooks.yaml has no hook with id "cctier"');
  return hook;
}

/** Quotes a word for shlex.split, which is how pre-commit splits `entry`. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}

/** The shipped hook as a `repo: local` hook that runs this checkout's built binary. */
function localHookFromShipped(): Hook {
  const hook = shippedHook();
  const [command, ...rest] = hook.entry.trim().split(/\s+/);
  if (command !== 'cctier') throw new Error(`the shipped entry should run the cctier binary, got "${hook.entry}"`);
  return { ...hook, language: 'system', entry: [process.execPath, CLI, ...rest].map(shellWord).join(' ') };
}

/** A git repository with identity set and signing off, as a developer's clone would be. */
function makeGitRepo(env: NodeJS.ProcessEnv, label: string): string {
  const dir = path.join(makeTempDir(label), 'repo');
  fs.mkdirSync(dir);
  must('git', ['init', '-q'], dir, env);
  must('git', ['config', 'user.name', 'cctier test'], dir, env);
  must('git', ['config', 'user.email', 'cctier-test@example.invalid'], dir, env);
  must('git', ['config', 'commit.gpgsign', 'false'], dir, env);
  return dir;
}

function write(repo: string, file: string, text: string): void {
  const abs = path.join(repo, file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

function commitCount(repo: string, env: NodeJS.ProcessEnv): number {
  const r = run('git', ['rev-list', '--count', 'HEAD'], repo, env);
  return r.status === 0 ? Number(r.output.trim()) : 0;
}

// Three settings files at different depths and scopes, each broken in a way Claude Code would reject.
const BAD: Record<string, { text: string; ruleId: string }> = {
  '.claude/settings.json': { text: '{\n  "permissions": { "defaultMode": "yolo" }\n}\n', ruleId: 'schema/invalid-value' },
  'packages/web/.claude/settings.local.json': {
    text: '{\n  "permissions": { "allow": ["Bash(npm test)"], }\n}\n',
    ruleId: 'json/trailing-comma',
  },
  'etc/claude-code/managed-settings.d/10-base.json': {
    text: '{\n  // team policy\n  "permissions": { "deny": ["Bash(curl:*)"] }\n}\n',
    ruleId: 'json/comment',
  },
};
const FIXED: Record<string, string> = {
  '.claude/settings.json': '{\n  "permissions": { "defaultMode": "plan" }\n}\n',
  'packages/web/.claude/settings.local.json': '{\n  "permissions": { "allow": ["Bash(npm test)"] }\n}\n',
  'etc/claude-code/managed-settings.d/10-base.json': '{\n  "permissions": { "deny": ["Bash(curl:*)"] }\n}\n',
};

/** Why a remote install can fail before the hook ever runs, and the fix, for whoever meets it. */
const NPM_PACK_NOISE =
  'pre-commit could not install the hook: it takes everything `npm pack` prints on stdout as the name of ' +
  'the tarball, and npm 7 and later print the `prepare` script (our build) there too. A project .npmrc ' +
  'with `foreground-scripts=false` makes npm pack run prepare with its output captured, and the install works.';

/**
 * The story a team lives through, with whatever hook `config` names: other JSON commits without the hook
 * running at all ("no files to check"; the editor's JSON with comments would be an error if cctier were
 * handed it), bad settings are refused with the file and rule named, the fixed files go in.
 */
function commitStory(repo: string, env: NodeJS.ProcessEnv, config: object, installTimeoutMs = 120_000): void {
  write(repo, '.pre-commit-config.yaml', stringify(config));
  must('pre-commit', ['install'], repo, env);

  write(repo, 'package.json', '{\n  "name": "demo",\n  "private": true\n}\n');
  write(repo, '.vscode/settings.json', '{\n  // editor settings are JSON with comments\n  "editor.tabSize": 2,\n}\n');
  must('git', ['add', '.'], repo, env);
  const other = run('git', ['commit', '-m', 'other JSON'], repo, env, installTimeoutMs);
  if (other.status !== 0 && /seems to be corrupted/.test(other.output) && /> cctier@\S+ prepare/.test(other.output)) {
    throw new Error(`${NPM_PACK_NOISE}\n\n${other.output}`);
  }
  expect({ status: other.status, output: other.output }).toEqual({ status: 0, output: expect.stringMatching(/\(no files to check\)\s*Skipped/) });
  expect(commitCount(repo, env)).toBe(1);

  for (const [file, { text }] of Object.entries(BAD)) write(repo, file, text);
  write(repo, 'package.json', '{\n  "name": "demo",\n  "private": true,\n  "version": "1.0.0"\n}\n');
  write(repo, '.vscode/settings.json', '{\n  // editor settings are JSON with comments\n  "editor.tabSize": 4,\n}\n');
  must('git', ['add', '.'], repo, env);
  const refused = run('git', ['commit', '-m', 'bad settings'], repo, env);
  expect(refused.status).not.toBe(0);
  expect(refused.output).toMatch(/\.{3,}Failed/);
  for (const [file, { ruleId }] of Object.entries(BAD)) {
    expect(refused.output).toContain(file);
    expect(refused.output).toContain(ruleId);
  }
  // Only settings files reach cctier, whatever other JSON is staged alongside.
  expect(refused.output).not.toContain('package.json');
  expect(refused.output).not.toContain('.vscode');
  expect(commitCount(repo, env)).toBe(1);

  for (const [file, text] of Object.entries(FIXED)) write(repo, file, text);
  must('git', ['add', '.'], repo, env);
  const accepted = run('git', ['commit', '-m', 'fixed settings'], repo, env);
  expect({ status: accepted.status, output: accepted.output }).toEqual({ status: 0, output: expect.stringMatching(/\.{3,}Passed/) });
  expect(commitCount(repo, env)).toBe(2);
}

beforeAll(() => {
  const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'The pre-commit framework is not installed, so the shipped hook cannot be proven. Install it ' +
        '(Debian/Ubuntu: `apt-get install -y pre-commit`; elsewhere `pipx install pre-commit`) and run ' +
        'the tests again. .ci/run installs it.',
    );
  }
  preCommitVersion = probe.stdout.trim().replace(/^pre-commit\s+/, '');
  // The hooks run the built CLI; a fresh clone has it after `npm install` (prepare), but not after a clean.
  if (!fs.existsSync(BUNDLE)) must('npm', ['run', 'build'], ROOT, process.env, 280_000);
}, 300_000);

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('.pre-commit-hooks.yaml', () => {
  test('is a valid pre-commit manifest', () => {
    const home = makeTempDir('manifest');
    const r = run('pre-commit', ['validate-manifest', HOOKS_FILE], ROOT, isolatedEnv(home));
    expect(r).toEqual({ status: 0, output: '' });
  });

  test('hook cctier runs `cctier lint` from the npm package on the file names pre-commit passes', () => {
    const hook = shippedHook();
    expect(hook).toMatchObject({ entry: 'cctier lint', language: 'node', pass_filenames: true });
    expect(typeof hook.files).toBe('string');
    // Every name in `files` ends in .json, so `types: [json]` adds no filter beyond skipping symlinks.
    expect(hook.types ?? ['json']).toEqual(['json']);
  });

  test('asks for a pre-commit no newer than the one installed here (Debian\'s)', () => {
    const minimum = shippedHook().minimum_pre_commit_version;
    expect(typeof minimum).toBe('string');
    const parts = (v: string): number[] => v.split('.').map((n) => Number.parseInt(n, 10) || 0);
    const [a, b] = [parts(preCommitVersion), parts(minimum!)];
    const cmp = a.map((n, i) => n - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
    expect({ installed: preCommitVersion, minimum, ok: cmp >= 0 }).toMatchObject({ ok: true });
  });
});

describe('the hook in the real pre-commit framework, local (this checkout\'s dist/)', () => {
  test('passes exactly the files cctier lints when it walks a folder, at any depth', () => {
    const home = makeTempDir('filter-home');
    const env = isolatedEnv(home);
    const repo = makeGitRepo(env, 'filter');
    const candidates = [
      'claude_settings.json',
      'team/claude_settings.json',
      '.claude/settings.json',
      '.claude/settings.local.json',
      'packages/web/.claude/settings.json',
      'packages/web/.claude/settings.local.json',
      'managed-settings.json',
      'etc/claude-code/managed-settings.json',
      'managed-settings.d/10-base.json',
      'etc/claude-code/managed-settings.d/20-hooks.json',
      'package.json',
      'settings.json',
      'settings.local.json',
      '.vscode/settings.json',
      '.claude/settings.json.bak',
      '.claude/settings.jsonc',
      '.claude/other.json',
      '.claude/agents/settings.json',
      'x.claude/settings.json',
      'my_claude_settings.json',
      'claude_settings.json.orig',
      'managed-settings.json5',
      'managed-settings.d/.hidden.json',
      'managed-settings.d/notes.txt',
      'managed-settings.d/nested/30-extra.json',
    ];
    for (const file of candidates) write(repo, file, '{}\n');
    // The probe prints each file name it is handed; every other field comes from the shipped hook.
    write(repo, 'probe.js', "for (const f of process.argv.slice(2)) console.log('PROBE ' + f);\n");
    const probeHook = { ...localHookFromShipped(), id: 'cctier-probe', entry: `${shellWord(process.execPath)} probe.js` };
    write(repo, '.pre-commit-config.yaml', stringify({ repos: [{ repo: 'local', hooks: [probeHook] }] }));

    const r = run('pre-commit', ['run', 'cctier-probe', '--verbose', '--files', ...candidates], repo, env);
    expect(r.status).toBe(0);
    const passed = [...r.output.matchAll(/^PROBE (.+)$/gm)].map((m) => m[1]!).sort();
    expect(passed).toEqual(candidates.filter(isSettingsPath).sort());
    expect(passed).toHaveLength(10);
  });

  test('refuses a commit with bad settings, naming file and rule, and accepts the fixed files', () => {
    const home = makeTempDir('local-home');
    const env = isolatedEnv(home);
    const repo = makeGitRepo(env, 'local');
    commitStory(repo, env, { repos: [{ repo: 'local', hooks: [localHookFromShipped()] }] });
  });
});

const remoteTest = REMOTE ? test : test.skip;

describe('the hook in the real pre-commit framework, remote (repo + rev, installed with npm)', () => {
  remoteTest(
    'installs from HEAD of this repository and guards commits (set CCTIER_TEST_PRECOMMIT_REMOTE=1; needs the npm registry)',
    () => {
      const sha = must('git', ['-C', ROOT, 'rev-parse', 'HEAD'], ROOT).trim();
      const atHead = run('git', ['-C', ROOT, 'show', 'HEAD:.pre-commit-hooks.yaml'], ROOT);
      if (atHead.status !== 0 || atHead.output !== fs.readFileSync(HOOKS_FILE, 'utf8')) {
        throw new Error('pre-commit installs the hook from HEAD: commit .pre-commit-hooks.yaml first, so HEAD has the one being tested.');
      }
      const home = makeTempDir('remote-home');
      const env = isolatedEnv(home);
      const repo = makeGitRepo(env, 'remote');
      // The first commit installs the hook environment (clone, npm install, build, npm pack, npm install -g).
      commitStory(repo, env, { repos: [{ repo: ROOT, rev: sha, hooks: [{ id: 'cctier' }] }] }, 280_000);
    },
    400_000,
  );
});
