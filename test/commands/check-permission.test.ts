import { spawnSync } from 'node:child_process';
import { UsageError } from '../../src/commands/io';
import { run, type CheckPermissionOptions } from '../../src/commands/check-permission';
import { BIN, ensureBuilt } from '../cli/run-cli';
import { machine, type Machine } from '../core/layers/machine';

let m: Machine;
beforeEach(() => {
  m = machine();
  m.write('home/.claude/settings.json', { permissions: { allow: ['Bash(git *)'], deny: ['Read(/secrets/**)'] } });
  m.write('repo/.claude/settings.json', { permissions: { deny: ['Bash(git push *)'], allow: ['Bash(npm test)', 'Bash(git:* push)'], defaultMode: 'acceptEdits' } });
});
afterEach(() => m.remove());

async function check(toolUse: string, opts: Partial<CheckPermissionOptions> = {}) {
  const io = m.io();
  const code = await run({ toolUse, format: 'stylish', managed: m.managed, ...opts }, io);
  return { code, out: io.out };
}

describe('cctier check-permission', () => {
  test('deny, with the deciding rule, its file and line, and the allow it beat', async () => {
    const { code, out } = await check('Bash(git push origin main)');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'deny: Bash(git push origin main)',
        '  by deny rule "Bash(git push *)" in project settings, .claude/settings.json:4:7',
        '  also matches: allow rule "Bash(git *)" in user settings, ~/.claude/settings.json:4:7; deny rules are checked before allow rules, whichever file they are in',
        '  skipped by Claude Code: allow rule "Bash(git:* push)" in project settings, .claude/settings.json:8:7 (colon-star-not-at-end)',
        '',
      ].join('\n'),
    );
  });

  test('a compound command, part by part', async () => {
    const { out } = await check('Bash(npm test && git status)');
    expect(out).toMatch(/^allow: Bash\(npm test && git status\)\n {2}"npm test": allow by allow rule "Bash\(npm test\)" \(project settings, \.claude\/settings\.json:7:7\)\n {2}"git status": allow by allow rule "Bash\(git \*\)"/);
  });

  test('no rule: falls back to the permission mode the settings choose', async () => {
    const { code, out } = await check('WebFetch(https://example.com/docs)');
    expect(code).toBe(0);
    expect(out).toMatch(/^no rule: WebFetch\(https:\/\/example\.com\/docs\)\n {2}No allow, ask or deny rule decides; Claude Code falls back to the permission mode \(acceptEdits\): it asks, except for file edits/);
  });

  test('/path in user settings is anchored at ~/.claude', async () => {
    expect((await check('Read(./secrets/a)')).out).toMatch(/^no rule:/);
    expect((await check('Read(~/.claude/secrets/a)')).out).toMatch(/^deny: .*\n {2}by deny rule "Read\(\/secrets\/\*\*\)" in user settings/);
  });

  test('json', async () => {
    const io = m.io();
    expect(await run({ toolUse: 'Bash(git push)', format: 'json', managed: m.managed }, io)).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc).toMatchObject({
      toolUse: 'Bash(git push)',
      decision: 'deny',
      rule: { list: 'deny', text: 'Bash(git push *)', layer: 'project', line: 4, column: 7 },
      parts: [{ subject: 'git push', decision: 'deny' }],
      defaultMode: 'acceptEdits',
    });
    expect(doc.matched.map((x: { text: string }) => x.text)).toEqual(['Bash(git push *)', 'Bash(git *)']);
    expect(doc.skipped).toEqual([expect.objectContaining({ text: 'Bash(git:* push)', problems: ['colon-star-not-at-end'] })]);
  });

  test('a tool use that cannot be read is a usage error', async () => {
    await expect(check('Bash(git push')).rejects.toThrow(UsageError);
    await expect(check('Bsh(ls)')).rejects.toThrow(/did you mean "Bash"/);
  });
});

describe('through the built CLI', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: m.repo, env: { ...process.env, HOME: m.home }, encoding: 'utf8' });

  test('exit 0 for any answer, 2 for a malformed tool use', () => {
    const denied = cli('check-permission', 'Bash(git push origin main)', '--managed', m.managed);
    expect(denied.status).toBe(0);
    expect(denied.stdout).toMatch(/^deny: /);
    const none = cli('check-permission', 'mcp__github__get_issue', '.', '--managed', m.managed, '--format', 'json');
    expect(none.status).toBe(0);
    expect(JSON.parse(none.stdout).decision).toBe('none');
    const bad = cli('check-permission', 'Bash(', '--managed', m.managed);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^cctier: "Bash\(" opens a parenthesis/);
  });
});
