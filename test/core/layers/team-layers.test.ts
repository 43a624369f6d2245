/** Team layers from `extends` in cctier config: resolution, placement, chains, cycles and missing files. */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLayers } from '../../../src/core/layers/load';
import { mergeLayers } from '../../../src/core/layers/merge';
import { resolveTeamLayers } from '../../../src/core/layers/team-layers';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-team-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, content: unknown): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
  return file;
}

/** Writes the top config and resolves it as the commands do. */
function resolve(config: unknown, rel = 'repo/cctier.config.json') {
  const file = write(rel, config);
  return resolveTeamLayers(file, (config as { extends?: unknown }).extends);
}

describe('resolveTeamLayers', () => {
  test('a relative file is a team layer below the project file, named after the file', () => {
    write('repo/team/acme-defaults.json', { model: 'sonnet' });
    const r = resolve({ extends: './team/acme-defaults.json' });
    expect(r.diagnostics).toEqual([]);
    expect(r.team).toEqual([{ name: 'team:acme-defaults', file: path.join(root, 'repo/team/acme-defaults.json'), position: 'below-project', chain: 'cctier.config.json → ./team/acme-defaults.json' }]);
  });

  test('a generic settings.json takes its folder\'s name; a name and a position can be given', () => {
    write('org/policy/settings.json', {});
    write('repo/team.json', {});
    const r = resolve({ extends: ['../org/policy/settings.json', { file: './team.json', name: 'platform', position: 'above-local' }] });
    expect(r.team.map((t) => [t.name, t.position])).toEqual([
      ['team:policy', 'below-project'],
      ['team:platform', 'above-local'],
    ]);
  });

  test('npm packages resolve from the declaring file\'s folder, main or a file inside', () => {
    write('repo/node_modules/@acme/claude-policy/package.json', { name: '@acme/claude-policy', main: 'settings.json' });
    write('repo/node_modules/@acme/claude-policy/settings.json', { model: 'haiku' });
    write('repo/node_modules/@acme/claude-policy/strict.json', {});
    const r = resolve({ extends: ['@acme/claude-policy', '@acme/claude-policy/strict.json'] });
    expect(r.diagnostics).toEqual([]);
    expect(r.team.map((t) => [t.name, path.relative(root, t.file)])).toEqual([
      ['team:@acme/claude-policy', 'repo/node_modules/@acme/claude-policy/settings.json'],
      ['team:@acme/claude-policy (2)', 'repo/node_modules/@acme/claude-policy/strict.json'],
    ]);
  });

  test('a package that resolves to a script is refused: cctier never runs code', () => {
    write('repo/node_modules/sneaky/package.json', { name: 'sneaky' });
    write('repo/node_modules/sneaky/index.js', 'throw new Error("ran")');
    const r = resolve({ extends: ['sneaky'] });
    expect(r.team).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ ruleId: 'extends/not-json', severity: 'error', message: expect.stringContaining('never runs code') })]);
  });

  test('a package nobody installed is an error at the entry, naming the chain, without any network', () => {
    const r = resolve({ extends: ['./x.json', '@acme/not-installed'] });
    expect(r.team).toEqual([]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.pointer, d.line])).toEqual([
      ['extends/missing', '/extends/0', 3],
      ['extends/missing', '/extends/1', 4],
    ]);
    expect(r.diagnostics[0]!.message).toMatch(/"\.\/x\.json" does not exist.*\(extends chain: cctier\.config\.json → \.\/x\.json\)/);
    expect(r.diagnostics[1]!.message).toMatch(/no npm package of that name is installed/);
  });

  test('a cctier config file in extends brings its own extends, relative to itself, in its place', () => {
    write('org/cctier.config.json', { extends: ['./org.json'] });
    write('org/org.json', {});
    write('repo/team.json', {});
    const r = resolve({ extends: ['../org/cctier.config.json', './team.json'] });
    expect(r.diagnostics).toEqual([]);
    expect(r.team.map((t) => [t.name, t.chain])).toEqual([
      ['team:org', 'cctier.config.json → ../org/cctier.config.json → ./org.json'],
      ['team:team', 'cctier.config.json → ./team.json'],
    ]);
  });

  test('the position of an entry naming a config file applies to all it brings in', () => {
    write('org/.cctierrc.yaml', 'extends:\n  - ./a.json\n  - file: ./b.json\n    position: below-project\n');
    write('org/a.json', {});
    write('org/b.json', {});
    const r = resolve({ extends: [{ file: '../org/.cctierrc.yaml', position: 'above-local' }] });
    expect(r.diagnostics).toEqual([]);
    expect(r.team.map((t) => t.position)).toEqual(['above-local', 'above-local']);
  });

  test('a cycle is an error naming the whole chain', () => {
    write('a/.cctierrc.json', { extends: ['../b/.cctierrc.json'] });
    write('b/.cctierrc.json', { extends: ['../a/.cctierrc.json'] });
    const r = resolve({ extends: ['../a/.cctierrc.json'] });
    expect(r.team).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'extends/cycle',
        file: path.join(root, 'b/.cctierrc.json'),
        message: expect.stringContaining('cctier.config.json → ../a/.cctierrc.json → ../b/.cctierrc.json → ../a/.cctierrc.json'),
      }),
    ]);
  });

  test('a config that extends itself is a cycle too', () => {
    const r = resolve({ extends: ['./cctier.config.json'] });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['extends/cycle']);
  });

  test('a file reached twice through different configs is one layer', () => {
    write('shared.json', {});
    write('a/.cctierrc.json', { extends: ['../shared.json'] });
    write('b/.cctierrc.json', { extends: ['../shared.json'] });
    const r = resolve({ extends: ['../a/.cctierrc.json', '../b/.cctierrc.json'] });
    expect(r.team.map((t) => t.name)).toEqual(['team:shared']);
  });

  test('a broken config file in the chain is an error', () => {
    write('org/.cctierrc.json', { extends: 42, rules: 'all' });
    const r = resolve({ extends: ['../org/.cctierrc.json'] });
    expect(r.diagnostics).toEqual([expect.objectContaining({ ruleId: 'extends/invalid-config' })]);
  });

  test('extends under "cctier" in package.json is located there', () => {
    const file = write('repo/package.json', { name: 'app', cctier: { extends: ['./missing.json'] } });
    const r = resolveTeamLayers(file, ['./missing.json']);
    expect(r.diagnostics[0]).toMatchObject({ pointer: '/cctier/extends/0', line: 5 });
  });
});

describe('team layers in the merge', () => {
  function load(team: ReturnType<typeof resolveTeamLayers>['team']) {
    fs.mkdirSync(path.join(root, 'repo/.git'), { recursive: true });
    fs.mkdirSync(path.join(root, 'managed'), { recursive: true });
    return loadLayers({ dir: path.join(root, 'repo'), home: path.join(root, 'home'), managed: path.join(root, 'managed'), team });
  }

  test('below-project sits between user and project, above-local between local and --settings', () => {
    write('home/.claude/settings.json', { model: 'user', effortLevel: 'low' });
    write('repo/.claude/settings.json', { model: 'project' });
    write('repo/.claude/settings.local.json', { outputStyle: 'local' });
    write('repo/defaults.json', { model: 'defaults', effortLevel: 'medium' });
    write('repo/locked.json', { outputStyle: 'locked' });
    const { team } = resolve({ extends: ['./defaults.json', { file: './locked.json', position: 'above-local' }] });
    const loaded = load(team);
    expect(loaded.layers.map((l) => l.name)).toEqual(['user', 'team:defaults', 'project', 'local', 'team:locked']);
    const e = mergeLayers(loaded.layers);
    expect(e.settings).toEqual({ model: 'project', effortLevel: 'medium', outputStyle: 'locked' });
    expect(e.provenance['/effortLevel']).toMatchObject({ layer: 'team:defaults', file: path.join(root, 'repo/defaults.json'), line: 3 });
  });

  test('a team file is honoured like a shared project file', () => {
    write('repo/team.json', { askUserQuestionTimeout: '5m', skipDangerousModePermissionPrompt: true, model: 'opus' });
    const e = mergeLayers(load(resolve({ extends: './team.json' }).team).layers);
    expect(e.settings).toEqual({ model: 'opus' });
    expect(e.overridden.map((o) => [o.pointer, o.cause])).toEqual([
      ['/askUserQuestionTimeout', 'scope'],
      ['/skipDangerousModePermissionPrompt', 'scope'],
    ]);
  });

  test('a team file that is not JSON is an extends error naming the chain', () => {
    write('repo/team.json', '{ "model": }');
    const loaded = load(resolve({ extends: './team.json' }).team);
    expect(loaded.layers).toEqual([]);
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ ruleId: 'extends/unreadable', message: expect.stringContaining('cctier.config.json → ./team.json') })]);
  });
});
