/** Reading the layers from disk: anchors for `/path` rules, positions, and the local file's home. */

import * as path from 'node:path';
import { loadLayers } from '../../../src/core/layers/load';
import { machine, type Machine } from './machine';

let m: Machine;
beforeEach(() => {
  m = machine();
});
afterEach(() => m.remove());

const load = (dir = m.repo, extra: Partial<Parameters<typeof loadLayers>[0]> = {}) => loadLayers({ dir, home: m.home, managed: m.managed, ...extra });

test('each layer knows where its `/path` rules are anchored [DOC:permissions]', () => {
  m.write('home/.claude/settings.json', {});
  m.write('repo/sub/.claude/settings.json', {});
  m.write('repo/.claude/settings.local.json', {});
  const flag = m.write('flags/session.json', {});
  m.write('managed/managed-settings.json', {});
  const roots = Object.fromEntries(load(path.join(m.repo, 'sub'), { flagSettings: flag }).layers.map((l) => [l.name, l.root]));
  expect(roots).toEqual({
    user: path.join(m.home, '.claude'),
    project: path.join(m.repo, 'sub'),
    local: path.join(m.repo, 'sub'),
    '--settings': path.join(m.root, 'flags'),
    managed: m.managed,
  });
});

test('positions: every value, array elements and escaped keys included; a duplicate key points at the last copy', () => {
  m.write('repo/.claude/settings.json', '{\n  "env": {"a/b": "1", "t~x": "2"},\n  "model": "a",\n  "permissions": {"allow": ["Read", "Edit"]},\n  "model": "b"\n}\n');
  const [project] = load().layers;
  expect(project!.locate!('/env/a~1b')).toEqual({ line: 2, column: 18 });
  expect(project!.locate!('/env/t~0x')).toEqual({ line: 2, column: 30 });
  expect(project!.locate!('/permissions/allow/1')).toEqual({ line: 4, column: 37 });
  expect(project!.locate!('/model')).toEqual({ line: 5, column: 12 });
  expect(project!.locate!('/nope')).toBeUndefined();
});

test('when the repository root is $HOME, the local file stays in the start directory [DOC:settings]', () => {
  m.write('home/.git/HEAD', 'ref: x\n');
  m.write('home/.claude/settings.local.json', { model: 'home-root' });
  m.write('home/work/.claude/settings.local.json', { model: 'start' });
  const layers = loadLayers({ dir: path.join(m.home, 'work'), home: m.home, managed: m.managed }).layers;
  expect(layers.map((l) => [l.name, l.value.model])).toEqual([['local', 'start']]);
});

test('a --managed file that does not exist is reported; the default OS path is not required', () => {
  const loaded = load(m.repo, { managed: path.join(m.root, 'nowhere.json') });
  expect(loaded.diagnostics).toEqual([expect.objectContaining({ ruleId: 'file/unreadable', file: path.join(m.root, 'nowhere.json') })]);
});
