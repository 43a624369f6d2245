/** hooks/missing-script against real folders: scripts resolve from the folder that holds `.claude`. */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintBytes } from '../../../../src/core/lint/lint-text';
import { forgetProbes } from '../../../../src/core/rules/hooks/fs-probe';
import type { FileRole } from '../../../../src/core/scope';

const SETTINGS = { strict: false, severities: new Map() };
let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-missing-script-'));
  fs.mkdirSync(path.join(root, '.claude', 'hooks'), { recursive: true });
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.writeFileSync(path.join(root, '.claude', 'hooks', 'guard.sh'), '#!/bin/sh\n');
  fs.writeFileSync(path.join(root, 'scripts', 'lint.py'), 'print(1)\n');
  forgetProbes();
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function settingsWith(commands: Array<string | { command: string; args: string[] }>): string {
  const hooks = commands.map((c) => (typeof c === 'string' ? { type: 'command', command: c } : { type: 'command', ...c }));
  return JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks }] } }, null, 2);
}

function missing(file: string, text: string, role: FileRole): string[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return lintBytes(file, Buffer.from(text), role, SETTINGS)
    .diagnostics.filter((d) => d.ruleId === 'hooks/missing-script')
    .map((d) => /"([^"]+)", which is not/.exec(d.message)![1]!);
}

const project: FileRole = { kind: 'settings', scope: 'project' };

test('reports scripts the repository lacks, in every form a hook writes them', () => {
  const text = settingsWith([
    '"$CLAUDE_PROJECT_DIR"/.claude/hooks/guard.sh',
    '"$CLAUDE_PROJECT_DIR"/.claude/hooks/gone.sh',
    '${CLAUDE_PROJECT_DIR}/.claude/hooks/also-gone.sh --fast',
    'python3 scripts/lint.py',
    'python3 scripts/missing.py',
    './scripts/deploy-check.sh 2>/dev/null || true',
    'cd "$CLAUDE_PROJECT_DIR" && bash .claude/hooks/nope.sh',
    { command: 'node', args: ['${CLAUDE_PROJECT_DIR}/.claude/hooks/exec-form.js'] },
  ]);
  expect(missing(path.join(root, '.claude', 'settings.json'), text, project)).toEqual([
    '.claude/hooks/gone.sh',
    '.claude/hooks/also-gone.sh',
    'scripts/missing.py',
    'scripts/deploy-check.sh',
    '.claude/hooks/nope.sh',
    '.claude/hooks/exec-form.js',
  ]);
});

test('says nothing about what it cannot resolve with confidence', () => {
  const text = settingsWith([
    '~/.claude/hooks/mine.sh',
    '$HOME/bin/check.sh',
    '/usr/local/bin/guard.sh',
    '"${CLAUDE_PLUGIN_ROOT}"/scripts/x.sh',
    'bash ../outside/repo.sh',
    'cd /tmp && ./relative.sh',
    '[ -x ./scripts/optional.sh ] && ./scripts/optional.sh',
    'node scripts/*.js',
    'python -m tool.hook',
    'bash -c "./inline.sh"',
    'npx prettier --check .',
    'cat <<EOF\n./heredoc.sh\nEOF',
  ]);
  expect(missing(path.join(root, '.claude', 'settings.json'), text, project)).toEqual([]);
});

test('checks local files too, but not user or managed files, nor files outside a .claude folder', () => {
  const text = settingsWith(['./scripts/missing.sh']);
  expect(missing(path.join(root, '.claude', 'settings.local.json'), text, { kind: 'settings', scope: 'local' })).toEqual(['scripts/missing.sh']);
  expect(missing(path.join(root, '.claude', 'settings.json'), text, { kind: 'settings', scope: 'user' })).toEqual([]);
  expect(missing(path.join(root, 'managed-settings.json'), text, { kind: 'settings', scope: 'managed' })).toEqual([]);
  expect(missing(path.join(root, 'elsewhere', 'settings.json'), text, project)).toEqual([]);
});

test('a script added since the last run is found once the run ends', () => {
  const file = path.join(root, '.claude', 'settings.json');
  const text = settingsWith(['./scripts/later.sh']);
  expect(missing(file, text, project)).toEqual(['scripts/later.sh']);
  fs.writeFileSync(path.join(root, 'scripts', 'later.sh'), '#!/bin/sh\n');
  forgetProbes();
  expect(missing(file, text, project)).toEqual([]);
});
