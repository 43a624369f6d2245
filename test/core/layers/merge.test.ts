import { mergeLayers } from '../../../src/core/layers/merge';
import type { Layer } from '../../../src/core/layers/layer';

const layer = (kind: Layer['kind'], value: Record<string, unknown>, name: string = kind): Layer => ({ kind, name, file: `${name}.json`, value });

describe('mergeLayers', () => {
  test('scalars: the highest layer wins, and the loser is recorded [DOC:settings]', () => {
    const r = mergeLayers([layer('user', { model: 'opus' }), layer('project', { model: 'sonnet' })]);
    expect(r.settings.model).toBe('sonnet');
    expect(r.provenance['/model']).toMatchObject({ layer: 'project' });
    expect(r.overridden).toEqual([expect.objectContaining({ pointer: '/model', value: 'opus', layer: 'user', by: 'project' })]);
  });

  test('permission rules concatenate lowest first, scalar duplicates dropped [DOC:settings] [CRATE1]', () => {
    const r = mergeLayers([
      layer('user', { permissions: { allow: ['Bash(ls)', 'Read'] } }),
      layer('project', { permissions: { allow: ['Read', 'Edit'], deny: ['Bash(rm *)'] } }),
    ]);
    expect(r.settings.permissions).toEqual({ allow: ['Bash(ls)', 'Read', 'Edit'], deny: ['Bash(rm *)'] });
    expect(r.provenance['/permissions/allow/2']).toMatchObject({ layer: 'project', pointer: '/permissions/allow/1' });
  });

  test('fallbackModel comes whole from the highest layer [DOC:settings-reference]', () => {
    const r = mergeLayers([layer('user', { fallbackModel: ['a', 'b'] }), layer('local', { fallbackModel: ['c'] })]);
    expect(r.settings.fallbackModel).toEqual(['c']);
  });

  test('a managed availableModels replaces every other list [DOC:model-config]', () => {
    const r = mergeLayers([layer('user', { availableModels: ['opus'] }), layer('managed', { availableModels: ['sonnet'] })]);
    expect(r.settings.availableModels).toEqual(['sonnet']);
  });

  test('managed-only keys come from managed settings only [DOC:managed-settings]', () => {
    const r = mergeLayers([layer('project', { allowManagedHooksOnly: true })]);
    expect(r.settings).toEqual({});
    expect(r.overridden[0]).toMatchObject({ pointer: '/allowManagedHooksOnly', cause: 'scope', reason: expect.stringContaining('managed settings only') });
  });

  test('allowManagedPermissionRulesOnly drops lower layers\' rules [DOC:settings-reference]', () => {
    const r = mergeLayers([
      layer('project', { permissions: { allow: ['Bash'], deny: ['Read(./x)'] } }),
      layer('managed', { allowManagedPermissionRulesOnly: true, permissions: { deny: ['WebFetch'] } }),
    ]);
    expect(r.settings.permissions).toEqual({ deny: ['WebFetch'] });
  });

  test('same-name extraKnownMarketplaces entries are replaced whole [CL 2.1.228]', () => {
    const r = mergeLayers([
      layer('user', { extraKnownMarketplaces: { acme: { source: { source: 'github', repo: 'a/b' }, autoUpdate: true } } }),
      layer('project', { extraKnownMarketplaces: { acme: { source: { source: 'git', url: 'https://x/y.git' } } } }),
    ]);
    expect(r.settings.extraKnownMarketplaces).toEqual({ acme: { source: { source: 'git', url: 'https://x/y.git' } } });
  });

  test('keys such as __proto__ stay own keys and nothing is polluted', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "env": {"__proto__": "x"}}');
    const r = mergeLayers([layer('user', evil), layer('project', { env: { constructor: 'y' } })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(r.settings, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(r.settings)).toBe(Object.prototype);
  });

  test('inputs are not mutated', () => {
    const a = { permissions: { allow: ['Read'] }, env: { A: '1' } };
    const b = { permissions: { allow: ['Edit'] }, env: { B: '2' } };
    const before = JSON.stringify([a, b]);
    mergeLayers([layer('user', a), layer('project', b)]);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});
