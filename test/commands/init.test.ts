/**
 * `cctier init` run in-process in throwaway git repositories: the golden directories (profile x project
 * type), lint of the result, a second run that changes no byte, existing settings that survive, and every
 * way init must stop without writing anything.
 */

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError, type Io } from '../../src/commands/io';
import { run, type Ask, type InitOptions } from '../../src/commands/init';
import { run as lint } from '../../src/commands/lint';
import { tierPlan } from '../../src/core/models/tier-plan';
import { checkAgentFile } from '../../src/core/scaffold/agent-tier';
import { PROFILE_NAMES } from '../../src/core/scaffold/templates';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'init');
const PROJECT_TYPES = ['node', 'python', 'go', 'rust', 'empty'] as const;
const UPDATE = process.env.CCTIER_UPDATE_GOLDEN === '1';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cctier-init-test-${label}-`));
  temps.push(dir);
  return dir;
}

/** git with no global or system config, and a home of its own (core.excludesFile defaults live there). */
const HOME = tempDir('home');
const ENV: Record<string, string | undefined> = (() => {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return { ...env, HOME, XDG_CONFIG_HOME: HOME, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1' };
})();

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: ENV as NodeJS.ProcessEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Copies a stored tree (each file with a .txt suffix) to `to`, suffixes dropped. */
function copyStored(from: string, to: string): void {
  for (const rel of listFiles(from)) {
    if (rel.endsWith('.keep.txt')) continue;
    const target = path.join(to, rel.replace(/\.txt$/, ''));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(from, rel), target);
  }
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out.push(path.relative(root, abs).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out.sort();
}

/** Every file of a repository (not .git), by path, as bytes in hex-free form: exact text. */
function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((rel) => [rel, fs.readFileSync(path.join(root, rel), 'latin1')]));
}

function repo(type: (typeof PROJECT_TYPES)[number] | 'bare', label: string = type): string {
  const dir = path.join(tempDir(label), 'example');
  fs.mkdirSync(dir);
  if (type !== 'bare') copyStored(path.join(FIXTURES, 'projects', type), dir);
  git(dir, 'init', '-q');
  return dir;
}

function fakeIo(cwd: string): Io & { out: string; err: string } {
  const io = { cwd, env: ENV, isTTY: false, out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

async function init(cwd: string, opts: Partial<InitOptions> = {}, ask?: Ask) {
  const io = fakeIo(cwd);
  const code = await run({ force: false, dryRun: false, yes: true, useConfig: true, ...opts }, io, ask);
  return { code, out: io.out, err: io.err };
}

async function lintJson(cwd: string) {
  const io = fakeIo(cwd);
  const code = await lint({ paths: [], format: 'json', maxWarnings: -1, quiet: false, useConfig: true }, io);
  const results = JSON.parse(io.out) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; message: string }> }>;
  return { code, results, messages: results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(cwd, r.filePath), ...m }))) };
}

describe('cctier init: golden directories', () => {
  for (const profile of PROFILE_NAMES) {
    for (const type of PROJECT_TYPES) {
      it(`${profile} profile, ${type} project`, async () => {
        const dir = repo(type, `${profile}-${type}`);
        const first = await init(dir, { profile });
        expect([first.code, first.err]).toEqual([0, '']);
        const after = snapshot(dir);
        const golden = path.join(FIXTURES, 'golden', profile, type);
        if (UPDATE) {
          fs.rmSync(golden, { recursive: true, force: true });
          for (const [rel, text] of Object.entries(after)) {
            fs.mkdirSync(path.dirname(path.join(golden, rel + '.txt')), { recursive: true });
            fs.writeFileSync(path.join(golden, rel + '.txt'), text, 'latin1');
          }
        }
        const expected = Object.fromEntries(listFiles(golden).map((rel) => [rel.replace(/\.txt$/, ''), fs.readFileSync(path.join(golden, rel), 'latin1')]));
        expect(Object.keys(after)).toEqual(Object.keys(expected));
        for (const rel of Object.keys(expected)) expect([rel, after[rel]]).toEqual([rel, expected[rel]]);

        // cctier lint finds nothing at all in the result, and the subagents sit on their tiers.
        const linted = await lintJson(dir);
        expect(linted.messages).toEqual([]);
        expect(linted.code).toBe(0);
        // lint reads the settings, the tier file and the subagents init wrote.
        const agents = Object.keys(after).filter((p) => p.startsWith('.claude/agents/'));
        expect(linted.results.map((r) => path.relative(dir, r.filePath)).sort()).toEqual([...agents, '.claude/settings.json', 'claude_settings.json'].sort());
        const plan = tierPlan(JSON.parse(after['claude_settings.json']!));
        for (const rel of Object.keys(after).filter((p) => p.startsWith('.claude/agents/'))) expect(checkAgentFile(rel, after[rel]!, plan)).toEqual([]);

        // A second run changes no byte.
        const second = await init(dir, { profile });
        expect(second.code).toBe(0);
        expect(second.out).toContain('Nothing to change.');
        expect(snapshot(dir)).toEqual(after);
      });
    }
  }
});

describe('cctier init: existing files', () => {
  const CUSTOM = `{
    "permissions": {
        "allow": ["Bash(make deploy-preview)", "WebFetch(domain:docs.example.com)", "mcp__github__get_issue"],
        "ask": ["Bash(terraform apply)"],
        "deny": ["Read(./config/prod.key)", "Bash(rm -rf *)"],
        "defaultMode": "acceptEdits"
    },
    "hooks": {
        "PostToolUse": [
            {"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "npx prettier --write \\"$CLAUDE_PROJECT_DIR\\"", "timeout": 30}]}
        ],
        "Stop": [{"hooks": [{"type": "command", "command": "echo done"}]}]
    },
    "env": {"FEATURE_FLAG": "on"},
    "model": "opus"
}
`;

  it('merges into .claude/settings.json: every custom rule, hook and value survives, and a second run changes nothing', async () => {
    const dir = repo('node', 'custom');
    fs.mkdirSync(path.join(dir, '.claude'));
    fs.writeFileSync(path.join(dir, '.claude', 'settings.json'), CUSTOM);
    const before = JSON.parse(CUSTOM);
    const first = await init(dir);
    expect(first.code).toBe(0);
    expect(first.out).toContain('kept: model stays "opus"');
    const text = fs.readFileSync(path.join(dir, '.claude', 'settings.json'), 'utf8');
    const after = JSON.parse(text);
    for (const list of ['allow', 'ask', 'deny'] as const) {
      expect(after.permissions[list].slice(0, before.permissions[list].length)).toEqual(before.permissions[list]);
    }
    expect(after.permissions.defaultMode).toBe('acceptEdits');
    expect(after.hooks).toEqual(before.hooks);
    expect(after.env).toEqual(before.env);
    expect(after.model).toBe('opus');
    expect(after.permissions.deny).toEqual(expect.arrayContaining(['Read(.env*)', 'Read(secrets/**)']));
    expect(after.permissions.ask).toEqual(expect.arrayContaining(['Bash(git push)']));
    // The file's own four-space layout and key order.
    expect(text.startsWith('{\n    "$schema": ')).toBe(true);
    expect(text).toContain('\n    "hooks": {\n        "PostToolUse": [\n            {"matcher": "Edit|Write"');

    // Kept values are warnings in lint, never errors.
    const linted = await lintJson(dir);
    expect(linted.code).toBe(0);
    expect(linted.messages.filter((m) => m.severity === 2)).toEqual([]);

    const snap = snapshot(dir);
    expect((await init(dir)).code).toBe(0);
    expect(snapshot(dir)).toEqual(snap);

    // --force replaces the model and nothing else of the team's.
    expect((await init(dir, { force: true })).code).toBe(0);
    const forced = JSON.parse(fs.readFileSync(path.join(dir, '.claude', 'settings.json'), 'utf8'));
    expect(forced).toEqual({ ...after, model: 'claude-sonnet-5-5' });
    expect((await lintJson(dir)).messages).toEqual([]);
  });

  it('leaves a subagent file someone edited, unless forced', async () => {
    const dir = repo('bare');
    const agent = path.join(dir, '.claude', 'agents', 'critical-reviewer.md');
    fs.mkdirSync(path.dirname(agent), { recursive: true });
    fs.writeFileSync(agent, '---\nname: critical-reviewer\ndescription: ours\nmodel: opus\n---\nOur own prompt.\n');
    const first = await init(dir);
    expect(first.out).toMatch(/keep {7}\.claude\/agents\/critical-reviewer\.md/);
    expect(fs.readFileSync(agent, 'utf8')).toContain('Our own prompt.');
    await init(dir, { force: true });
    expect(fs.readFileSync(agent, 'utf8')).toContain('model: claude-opus-5-5');
  });

  it('does not add to .gitignore what git already ignores', async () => {
    const dir = repo('bare');
    fs.writeFileSync(path.join(dir, '.gitignore'), '.claude/*.local.json\n');
    await init(dir);
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('.claude/*.local.json\n');
  });

  it('works from a subdirectory, writing at the repository root', async () => {
    const dir = repo('go');
    fs.mkdirSync(path.join(dir, 'cmd', 'tool'), { recursive: true });
    expect((await init(path.join(dir, 'cmd', 'tool'))).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'claude_settings.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'cmd', 'tool', 'claude_settings.json'))).toBe(false);
  });
});

describe('cctier init: choices', () => {
  it('--dry-run prints the plan and diffs and writes nothing', async () => {
    const dir = repo('python');
    const before = snapshot(dir);
    const r = await init(dir, { dryRun: true, yes: false, preCommit: true });
    expect(r.code).toBe(0);
    expect(r.out).toContain('+++ b/claude_settings.json');
    expect(r.out).toContain('+      "Bash(uv run pytest)",');
    expect(r.out).toContain('+++ b/.pre-commit-config.yaml');
    expect(r.out.trimEnd().endsWith('Dry run: nothing was written.')).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--only writes just the files named', async () => {
    const dir = repo('rust');
    expect((await init(dir, { only: ['.claude/settings.json'] })).code).toBe(0);
    expect(Object.keys(snapshot(dir))).toEqual(['.claude/settings.json', '.gitignore', 'Cargo.toml']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.claude', 'settings.json'), 'utf8')).model).toBe('claude-sonnet-5-5');
    await expect(init(dir, { only: ['setings'] })).rejects.toThrow(new UsageError('--only: "setings" is not something init writes; did you mean "settings"? (choose from tier-file, settings, agents, gitignore, pre-commit)'));
  });

  it('--pre-commit writes a config the pre-commit framework accepts, and extends one that exists', async () => {
    const dir = repo('bare');
    expect((await init(dir, { preCommit: true })).code).toBe(0);
    const config = path.join(dir, '.pre-commit-config.yaml');
    const check = spawnSync('pre-commit', ['validate-config', config], { cwd: dir, env: ENV as NodeJS.ProcessEnv, encoding: 'utf8' });
    expect([check.status, check.stdout + check.stderr]).toEqual([0, '']);

    const other = repo('bare');
    const existing = '# team hooks\nrepos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0 # keep\n    hooks:\n      - id: check-yaml\n';
    fs.writeFileSync(path.join(other, '.pre-commit-config.yaml'), existing);
    expect((await init(other, { preCommit: true })).code).toBe(0);
    const text = fs.readFileSync(path.join(other, '.pre-commit-config.yaml'), 'utf8');
    expect(text.startsWith(existing)).toBe(true);
    expect(parseYaml(text).repos[1].hooks[0].id).toBe('cctier');
    const snap = snapshot(other);
    await init(other, { preCommit: true });
    expect(snapshot(other)).toEqual(snap);
  });

  it('asks on a terminal: profile, files, hook, then confirmation', async () => {
    const dir = repo('node');
    const asked: string[] = [];
    const answers = ['2', '', 'n', 'y'];
    const r = await init(dir, { yes: false }, async (q) => {
      asked.push(q);
      return answers.shift()!;
    });
    expect(r.code).toBe(0);
    expect(asked.map((q) => q.split('\n')[0])).toEqual(['Profile:', 'Files:', expect.stringContaining('pre-commit hook'), '', ]);
    expect(asked[3]).toMatch(/^\nWrite 6 files\? \[Y\/n\] $/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'claude_settings.json'), 'utf8')).tiers.critical.maxCostPercent).toBe(10);
    expect(fs.existsSync(path.join(dir, '.pre-commit-config.yaml'))).toBe(false);

    const declined = repo('bare');
    const no = await init(declined, { yes: false, profile: 'quality', only: ['tier-file'], preCommit: false }, async () => 'n');
    expect(no.out).toContain('Nothing was written.');
    expect(snapshot(declined)).toEqual({});
  });

  it('will not guess without a terminal: --yes or --dry-run', async () => {
    const dir = repo('bare');
    const r = await init(dir, { yes: false });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Pass --yes');
    expect(snapshot(dir)).toEqual({});
  });
});

describe('cctier init: stops with exit 2 and writes nothing', () => {
  it('outside a git repository', async () => {
    const dir = tempDir('nogit');
    const r = await init(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not inside a git repository');
    expect(r.err).toContain('git init');
    expect(listFiles(dir)).toEqual([]);
  });

  it('with a broken settings file', async () => {
    const dir = repo('node');
    fs.mkdirSync(path.join(dir, '.claude'));
    fs.writeFileSync(path.join(dir, '.claude', 'settings.json'), '{\n  "model": "opus",\n}\n');
    const before = snapshot(dir);
    const r = await init(dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'cctier init: cannot merge into this file, so nothing was written:\n  .claude/settings.json: it is not strict JSON (Trailing comma: Claude Code reads settings as strict JSON and rejects the whole file); fix it (`cctier lint --fix` fixes some of this) and run init again\n',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('with a settings file that is not UTF-8, or a folder where a file belongs', async () => {
    const dir = repo('bare');
    fs.writeFileSync(path.join(dir, 'claude_settings.json'), Buffer.from([0x7b, 0xff, 0x7d]));
    expect((await init(dir)).err).toContain('claude_settings.json is not UTF-8 text');
    const other = repo('bare');
    fs.mkdirSync(path.join(other, '.gitignore'));
    const r = await init(other);
    expect([r.code, r.err]).toEqual([2, 'cctier init: .gitignore is a directory where init expects a file; move it away and run init again.\n']);
    expect(listFiles(other)).toEqual([]);
  });

  it('when a write fails midway: no file, no temp file, no new folder left behind', async () => {
    const dir = repo('node');
    // A file where the .claude folder must go: claude_settings.json is written first, then .claude/ fails.
    fs.writeFileSync(path.join(dir, '.claude'), 'not a folder');
    const before = snapshot(dir);
    const r = await init(dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cctier init: cannot write in .*Nothing was written\.\n$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('in a read-only directory', async () => {
    const dir = repo('bare');
    // Permission bits do not stop root; the immutable attribute does (where the file system has one).
    const root = process.getuid?.() === 0;
    if (root) {
      const locked = spawnSync('chattr', ['+i', dir], { stdio: 'ignore' });
      if (locked.status !== 0) {
        console.warn('read-only directory test not run: running as root and chattr +i is unavailable here');
        return;
      }
    } else fs.chmodSync(dir, 0o555);
    try {
      const r = await init(dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^cctier init: cannot write in .*: permission denied \(.*\)\. Nothing was written\.\n$/);
      expect(listFiles(dir)).toEqual([]);
    } finally {
      if (root) spawnSync('chattr', ['-i', dir], { stdio: 'ignore' });
      else fs.chmodSync(dir, 0o755);
    }
  });

  it('when the team\'s cctier config makes the result an error', async () => {
    const dir = repo('bare');
    fs.mkdirSync(path.join(dir, '.claude'));
    fs.writeFileSync(path.join(dir, '.claude', 'settings.json'), '{"model": "opus"}');
    fs.writeFileSync(path.join(dir, '.cctierrc.json'), JSON.stringify({ rules: { 'tiers/default-not-applied': 'error' } }));
    const before = snapshot(dir);
    const r = await init(dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/what init would write fails cctier lint, so nothing was written:\n {2}\.claude\/settings\.json:1:\d+ {2}"model" is "opus"/);
    expect(r.err).toContain('tiers/default-not-applied');
    expect(snapshot(dir)).toEqual(before);
    // A suppression with a reason counts for init as it does for lint.
    fs.writeFileSync(
      path.join(dir, '.cctierrc.json'),
      JSON.stringify({ rules: { 'tiers/default-not-applied': 'error' }, suppressions: [{ rule: 'tiers/default-not-applied', files: ['.claude/settings.json'], reason: 'moving to the tier file next sprint' }] }),
    );
    expect((await init(dir, { dryRun: true })).code).toBe(0);
    // A rule id nobody knows is refused, as lint refuses it.
    fs.writeFileSync(path.join(dir, '.cctierrc.json'), JSON.stringify({ rules: { 'tiers/default-not-aplied': 'error' } }));
    await expect(init(dir)).rejects.toThrow(/names an unknown rule "tiers\/default-not-aplied"; did you mean "tiers\/default-not-applied"\?/);
    // Forcing the model makes the result clean, so init goes ahead.
    fs.rmSync(path.join(dir, '.cctierrc.json'));
    expect((await init(dir, { force: true })).code).toBe(0);
    expect(snapshot(dir)['.claude/settings.json']).toContain('"model": "claude-sonnet-5-5"');
  });
});
