import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/core/config/load';
import { CATALOG } from '../../../src/core/models/catalog';
import { resolveModel } from '../../../src/core/models/resolve';
import { catalogForConfig, teamCatalog, tierFromName } from '../../../src/core/models/team';

describe('the team catalog from cctier config "models"', () => {
  it('is the built-in catalog when the config adds nothing', () => {
    expect(teamCatalog(undefined)).toBe(CATALOG);
    expect(teamCatalog({})).toBe(CATALOG);
  });

  it('adds a gateway model with a tier written by name, and changes a catalog model\'s prices', () => {
    const team = teamCatalog({
      'glm-4.7': { tier: 'routine', family: 'glm', prices: { input: 0.6, output: 2.2 } },
      'claude-opus-4-6': { prices: { input: 4.5, output: 22.5 }, note: 'negotiated' },
    });
    expect(resolveModel('glm-4.7', team)).toMatchObject({ kind: 'model', model: { tier: 2, family: 'glm', custom: true } });
    expect(resolveModel('claude-opus-4-6', team)).toMatchObject({ model: { tier: 3, prices: { input: 4.5, output: 22.5, cacheRead: 0.5 } } });
  });

  it('reads tier names and ranks', () => {
    expect(['quick', 'routine', 'critical', 'frontier', 3, undefined].map((t) => tierFromName(t as never))).toEqual([1, 2, 3, 4, 3, undefined]);
  });

  it('turns a model the catalog cannot take into a ConfigError naming the config file', () => {
    expect(() => catalogForConfig({ 'acme-coder': { prices: { input: 1, output: 2 } } }, '/repo/.cctierrc.json')).toThrow(ConfigError);
    try {
      catalogForConfig({ 'acme-coder': {} }, '/repo/.cctierrc.json');
    } catch (err) {
      expect((err as ConfigError).filepath).toBe('/repo/.cctierrc.json');
      expect((err as Error).message).toMatch(/^models: model "acme-coder": a new model needs a tier/);
    }
  });
});

describe('the "models" key in cctier config', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-team-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (config: unknown) => fs.writeFileSync(path.join(dir, '.cctierrc.json'), JSON.stringify(config));

  it('is accepted by the config schema and typed on CctierConfig', () => {
    write({ models: { 'glm-4.7': { tier: 'routine', prices: { input: 0.6, output: 2.2, cacheRead: null } }, 'acme-x': { tier: 4, aliases: ['x'] } } });
    const { config } = loadConfig(dir);
    expect(config.models?.['glm-4.7']?.tier).toBe('routine');
  });

  it('rejects a tier that is not a tier, and unknown fields, with readable messages', () => {
    write({ models: { 'glm-4.7': { tier: 'cheap' } } });
    expect(() => loadConfig(dir)).toThrow(/quick, routine, critical or frontier/);
    write({ models: { 'glm-4.7': { tier: 2, price: {} } } });
    expect(() => loadConfig(dir)).toThrow(/"price" is not allowed/);
  });
});
