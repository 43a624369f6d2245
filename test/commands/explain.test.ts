import { UsageError } from '../../src/commands/io';
import { run, toPointer, type ExplainOptions } from '../../src/commands/explain';
import { machine, type Machine } from '../core/layers/machine';

let m: Machine;
beforeEach(() => {
  m = machine();
  m.write('home/.claude/settings.json', { model: 'opus', permissions: { allow: ['Read'] }, askUserQuestionTimeout: '5m' });
  m.write('repo/.claude/settings.json', { model: 'sonnet', permissions: { allow: ['Edit(./src/**)', 'Read'] }, askUserQuestionTimeout: '60s' });
});
afterEach(() => m.remove());

async function explain(pointer: string, opts: Partial<ExplainOptions> = {}) {
  const io = m.io();
  const code = await run({ pointer, format: 'stylish', managed: m.managed, ...opts }, io);
  return { code, out: io.out };
}

describe('cctier explain', () => {
  test('the winning value, its file and line, and what it overrode with the reason', async () => {
    const { code, out } = await explain('/model');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'model = "sonnet"',
        '  from project: .claude/settings.json:2:12',
        '  not used: "opus" in user settings (~/.claude/settings.json:2): project settings rank higher and set it',
        '',
      ].join('\n'),
    );
  });

  test('a key the project file may not set says so', async () => {
    const { out } = await explain('askUserQuestionTimeout');
    expect(out).toContain('askUserQuestionTimeout = "5m"');
    expect(out).toContain('not used: "60s" in project settings (.claude/settings.json:');
    expect(out).toContain('ignores this key in project and local files');
  });

  test('a merged list names every layer it came from, and the duplicates dropped', async () => {
    const { out } = await explain('permissions.allow');
    expect(out).toContain('permissions.allow = ["Read","Edit(./src/**)"]');
    expect(out).toContain('merged from user, project');
    expect(out).toMatch(/not used: "Read" in project settings \(\.claude\/settings\.json:6\): the same entry is already listed by user settings/);
  });

  test('a setting nobody sets', async () => {
    expect((await explain('/effortLevel')).out).toMatch(/^effortLevel is not set by any file Claude Code honours here: it uses its default\.$/m);
  });

  test('json', async () => {
    const io = m.io();
    await run({ pointer: 'model', format: 'json', managed: m.managed }, io);
    const doc = JSON.parse(io.out);
    expect(doc).toMatchObject({ pointer: '/model', value: 'sonnet', source: { layer: 'project', line: 2, column: 12 } });
    expect(doc.overridden).toEqual([expect.objectContaining({ value: 'opus', layer: 'user', by: 'project', cause: 'precedence' })]);
  });

  test('pointers: /a/b and a.b are the same; empty segments are refused', () => {
    expect(toPointer('permissions.allow')).toBe('/permissions/allow');
    expect(toPointer('/permissions/allow')).toBe('/permissions/allow');
    expect(() => toPointer('/permissions//allow')).toThrow(UsageError);
    expect(() => toPointer('permissions.')).toThrow(UsageError);
  });
});
