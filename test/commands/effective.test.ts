import * as path from 'node:path';
import { UsageError } from '../../src/commands/io';
import { run, type EffectiveOptions } from '../../src/commands/effective';
import { machine, type Machine } from '../core/layers/machine';

let m: Machine;
beforeEach(() => {
  m = machine();
});
afterEach(() => m.remove());

const KEY = 'sk-ant-api03-' + 'Q'.repeat(24) + 'abcdEFGH1234';

async function effective(opts: Partial<EffectiveOptions> = {}, cwd?: string) {
  const io = m.io(cwd);
  const code = await run({ format: 'json', managed: m.managed, ...opts }, io);
  return { code, out: io.out, err: io.err, json: () => JSON.parse(io.out) };
}

describe('cctier effective', () => {
  beforeEach(() => {
    m.write('home/.claude/settings.json', { model: 'opus', env: { ANTHROPIC_API_KEY: KEY }, permissions: { deny: ['Read(./.env)'] } });
    m.write('repo/.claude/settings.json', { model: 'sonnet', permissions: { allow: ['Bash(npm test)'] } });
  });

  test('json: settings, provenance with file, line and column for every value, overridden, layers', async () => {
    const r = await effective();
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc.settings.model).toBe('sonnet');
    expect(doc.settings.permissions).toEqual({ deny: ['Read(./.env)'], allow: ['Bash(npm test)'] });
    expect(doc.provenance['/model']).toEqual({ layer: 'project', file: path.join(m.repo, '.claude/settings.json'), line: 2, column: 12, pointer: '/model' });
    expect(doc.provenance['/permissions/deny/0']).toMatchObject({ layer: 'user', line: 8, column: 7 });
    expect(doc.overridden).toEqual([expect.objectContaining({ pointer: '/model', value: 'opus', layer: 'user', by: 'project', line: 2 })]);
    expect(doc.layers.map((l: { name: string }) => l.name)).toEqual(['user', 'project']);
    expect(doc.diagnostics).toEqual([]);
  });

  test('credentials are never printed in full', async () => {
    m.write('repo/.claude/settings.local.json', { env: { ANTHROPIC_AUTH_TOKEN: 'hunter2hunter2hunter2' } });
    const withName = await effective();
    expect(withName.out).not.toContain('hunter2hunter2hunter2');
    expect(withName.json().settings.env.ANTHROPIC_AUTH_TOKEN).toMatch(/…$/);
    m.write('repo/.claude/settings.local.json', {});
    const r = await effective();
    expect(r.out).not.toContain(KEY);
    expect(r.json().settings.env.ANTHROPIC_API_KEY).toMatch(/^sk-ant-.*…$/);
    const stylish = await effective({ format: 'stylish' });
    expect(stylish.out).not.toContain(KEY);
  });

  test('stylish: a tree of values, each with its layer and file:line, home written as ~', async () => {
    const r = await effective({ format: 'stylish' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^model: "sonnet" +project: \.claude\/settings\.json:2:12$/m);
    expect(r.out).toMatch(/^permissions:\n {2}deny:\n {4}- "Read\(\.\/\.env\)" +user: ~\/\.claude\/settings\.json:8:7$/m);
    expect(r.out).toContain('Layers read (lowest first): user, project');
    expect(r.out).toContain('1 value overridden or not honoured');
  });

  test('reads the local file at the git root from a subdirectory', async () => {
    m.write('repo/.claude/settings.local.json', { model: 'haiku' });
    const r = await effective({}, path.join(m.repo, 'packages/api'));
    expect(r.json().settings).toEqual({ model: 'haiku', env: expect.any(Object), permissions: { deny: ['Read(./.env)'] } });
  });

  test('team layers come from the cctier config found from dir; --no-config leaves them out', async () => {
    m.write('repo/.cctierrc.json', { extends: ['./policy/team.json'] });
    m.write('repo/policy/team.json', { effortLevel: 'high', model: 'haiku' });
    const doc = (await effective()).json();
    expect(doc.layers.map((l: { name: string }) => l.name)).toEqual(['user', 'team:team', 'project']);
    expect(doc.settings.effortLevel).toBe('high');
    expect(doc.provenance['/effortLevel'].layer).toBe('team:team');
    expect(doc.settings.model).toBe('sonnet');
    expect((await effective({ useConfig: false })).json().settings.effortLevel).toBeUndefined();
  });

  test('--config names the config file to take extends from', async () => {
    m.write('elsewhere/cctier.config.json', { extends: { file: './org.json', name: 'org', position: 'above-local' } });
    m.write('elsewhere/org.json', { model: 'org-pick' });
    const doc = (await effective({ config: path.join(m.root, 'elsewhere/cctier.config.json') })).json();
    expect(doc.settings.model).toBe('org-pick');
    expect(doc.provenance['/model'].layer).toBe('team:org');
  });

  test('a missing file in the extends chain: the merge of the rest, an error naming the chain, exit 2', async () => {
    m.write('repo/.cctierrc.json', { extends: ['./policy/gone.json'] });
    const r = await effective({ format: 'stylish' });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^model: "sonnet"/m);
    expect(r.out).toMatch(/^error: \.cctierrc\.json:3:5 "\.\/policy\/gone\.json" does not exist: .*\(extends chain: \.cctierrc\.json → \.\/policy\/gone\.json\) \(extends\/missing\)$/m);
  });

  test('a cctier config that cannot be used is a usage error', async () => {
    m.write('repo/.cctierrc.json', '{ "extends": 3 }');
    await expect(effective()).rejects.toThrow(UsageError);
  });

  test('a settings file that is not JSON is skipped, as Claude Code skips it, with a warning', async () => {
    m.write('repo/.claude/settings.json', '{ "model": "sonnet", }');
    const r = await effective({ format: 'stylish' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^model: "opus" +user:/m);
    expect(r.out).toMatch(/^warning: \.claude\/settings\.json:1:\d+ .*Claude Code skips this file/m);
  });
});

test('no settings anywhere', async () => {
  const io = m.io();
  expect(await run({ format: 'stylish', managed: m.managed }, io)).toBe(0);
  expect(io.out).toMatch(/^No settings file sets anything here\.$/m);
});
