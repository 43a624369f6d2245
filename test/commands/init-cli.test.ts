/**
 * `cctier init` through the built binary, as a new user runs it: the bundle must find its templates, the
 * result must lint clean, and a second run must change no byte. Everything else is tested in-process
 * (init.test.ts).
 */

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, runCli } from '../cli/run-cli';

const env = { GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_DIR: undefined, GIT_INDEX_FILE: undefined, GIT_WORK_TREE: undefined };

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(root, abs)] = fs.readFileSync(abs, 'latin1');
    }
  };
  walk(root);
  return out;
}

describe('cctier init (built binary)', () => {
  let dir: string;
  beforeAll(() => ensureBuilt());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-init-cli-'));
    spawnSync('git', ['init', '-q'], { cwd: dir, env: { ...process.env, ...env } as NodeJS.ProcessEnv });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', scripts: { test: 'node --test' } }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('init --yes, then lint exits 0, then init --yes changes nothing', () => {
    const first = runCli(['init', '--yes'], { cwd: dir, env });
    expect([first.status, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toContain('Wrote claude_settings.json, .claude/settings.json, .claude/agents/log-summariser.md');
    const written = tree(dir);
    expect(Object.keys(written).sort()).toEqual(
      ['.claude/agents/critical-reviewer.md', '.claude/agents/data-formatter.md', '.claude/agents/log-summariser.md', '.claude/settings.json', '.gitignore', 'claude_settings.json', 'package.json'].map((p) => p.split('/').join(path.sep)),
    );
    const lint = runCli(['lint'], { cwd: dir, env });
    expect([lint.status, lint.stdout, lint.stderr]).toEqual([0, '', '']);
    const second = runCli(['init', '--yes'], { cwd: dir, env });
    expect(second.status).toBe(0);
    expect(tree(dir)).toEqual(written);
  });

  it('exits 2 without a terminal and without --yes, and outside a repository', () => {
    const noTerminal = runCli(['init'], { cwd: dir, env });
    expect(noTerminal.status).toBe(2);
    expect(noTerminal.stderr).toContain('there is no terminal to ask on');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-init-cli-nogit-'));
    try {
      const r = runCli(['init', '--yes'], { cwd: outside, env });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('is not inside a git repository');
      expect(fs.readdirSync(outside)).toEqual([]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('rejects a profile it does not have, listing the ones it has', () => {
    const r = runCli(['init', '--yes', '--profile', 'lavish'], { cwd: dir, env });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Choices: "balanced", "economy", "quality"/);
  });
});
