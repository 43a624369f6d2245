import {
  CATALOG,
  extendCatalog,
  findModel,
  namesOf,
  tierName,
  type CatalogModel,
  type Provider,
} from '../../../src/core/models/catalog';
import { resolveModel } from '../../../src/core/models/resolve';
import { referenceModels } from './reference';

const reference = referenceModels();

describe('catalog.json against the research it was built from', () => {
  it('is dated November 2026 and lists every reference model once', () => {
    expect(CATALOG.asOf).toMatch(/^2026-11-\d\d$/);
    expect(CATALOG.models.map((m) => m.id).sort()).toEqual(reference.map((m) => m.id).sort());
    expect(CATALOG.models).toHaveLength(29);
  });

  describe.each(reference.map((r) => [r.id, r] as const))('%s', (id, ref) => {
    const model = findModel(CATALOG, id)!;

    it('has the same family, version, tier and release date', () => {
      expect([model.family, model.version, model.tier, model.released]).toEqual([
        ref.family,
        ref.version,
        ref.tierRank,
        ref.released,
      ]);
    });

    it('has the same API aliases and provider IDs', () => {
      expect(model.aliases).toEqual(ref.aliases);
      expect(model.providerIds.bedrock ?? null).toBe(ref.bedrockId);
      expect(model.providerIds.vertex ?? null).toBe(ref.vertexId);
    });

    it('has the same lifecycle', () => {
      expect(model.status).toBe(ref.status.state);
      expect(model.deprecatedOn).toBe(ref.status.deprecatedOn);
      expect(model.retiredOn).toBe(ref.status.retiredOn);
      expect(model.retiresOn).toBe(ref.status.scheduledRetirement);
      expect(model.retirementNotBefore).toBe(ref.status.retirementNotBefore);
    });

    it('has the same context window, output limit and prices', () => {
      expect(model.contextWindow).toBe(ref.contextWindow);
      expect(model.maxOutput).toBe(ref.maxOutput);
      const p = ref.pricing;
      expect(model.prices).toMatchObject({
        input: p.inputPerMTok,
        output: p.outputPerMTok,
        cacheWrite5m: p.cacheWrite5mPerMTok,
        cacheWrite1h: p.cacheWrite1hPerMTok,
        cacheRead: p.cacheReadPerMTok,
      });
      if (p.longContext) {
        const { threshold, ...rates } = p.longContext as unknown as Record<string, number>;
        expect(model.prices?.longContext).toMatchObject({ aboveInputTokens: threshold, ...pick(rates) });
      } else {
        expect(model.prices?.longContext).toBeUndefined();
      }
    });
  });
});

function pick(rates: Record<string, unknown>) {
  const { input, output, cacheWrite5m, cacheWrite1h, cacheRead } = rates;
  return { input, output, cacheWrite5m, cacheWrite1h, cacheRead };
}

describe('catalog.json is consistent with itself', () => {
  it.each(CATALOG.models.map((m) => [m.id, m] as const))('%s: tier follows family, references resolve', (_, m) => {
    expect(m.tier).toBe(CATALOG.families[m.family as keyof typeof CATALOG.families].tier);
    if (m.successor) expect(findModel(CATALOG, m.successor)).toBeDefined();
    if (m.status === 'retired') expect(m.retiredOn).toBeDefined();
    if (m.status === 'deprecated') expect(m.deprecatedOn).toBeDefined();
    if (m.status === 'active') expect(m.retiredOn ?? m.deprecatedOn).toBeUndefined();
    // The suggested spelling must itself be a name Claude Code accepts for this very model.
    const preferred = resolveModel(m.preferred, CATALOG);
    expect(preferred).toMatchObject({ kind: 'model', canonical: true });
    expect(preferred.kind === 'model' && preferred.model.id).toBe(m.id);
  });

  it('never gives two models the same name', () => {
    const owner = new Map<string, string>();
    for (const m of CATALOG.models) {
      for (const name of new Set(namesOf(m).map((n) => n.toLowerCase()))) {
        expect([name, owner.get(name) ?? m.id]).toEqual([name, m.id]);
        owner.set(name, m.id);
      }
    }
  });

  it('points every alias at catalog models, and each model lists the aliases that point at it', () => {
    const fromAliases = new Set<string>();
    for (const [alias, def] of Object.entries(CATALOG.aliases)) {
      for (const [provider, id] of Object.entries(def.resolvesTo)) {
        expect(findModel(CATALOG, id)).toBeDefined();
        fromAliases.add(`${alias} ${provider} ${id}`);
      }
      if (def.family) expect(def.tier).toBe(CATALOG.families[def.family].tier);
      if (def.phases) expect(Object.values(def.phases).every((a) => a in CATALOG.aliases)).toBe(true);
    }
    const fromModels = new Set<string>();
    for (const m of CATALOG.models) {
      for (const [alias, providers] of Object.entries(m.claudeCodeAliases ?? {})) {
        for (const provider of providers ?? []) fromModels.add(`${alias} ${provider} ${m.id}`);
      }
    }
    expect([...fromModels].sort()).toEqual([...fromAliases].sort());
  });

  it('covers the aliases Claude Code documents, with the tiers the brief sets', () => {
    const tiers = Object.fromEntries(Object.entries(CATALOG.aliases).map(([a, d]) => [a, d.tier]));
    expect(tiers).toEqual({ default: null, sonnet: 2, opus: 3, haiku: 1, fable: 4, best: 4, opusplan: 3, inherit: null });
    const with1m = Object.entries(CATALOG.aliases).filter(([, d]) => d.with1m).map(([a]) => a);
    expect(with1m.sort()).toEqual(['fable', 'opus', 'opusplan', 'sonnet']);
  });

  it('ranks Fable above Opus and names the tiers', () => {
    expect(CATALOG.families.fable.tier).toBeGreaterThan(CATALOG.families.opus.tier);
    expect([1, 2, 3, 4].map((t) => tierName(CATALOG, t as 1 | 2 | 3 | 4))).toEqual([
      'quick',
      'routine',
      'critical',
      'frontier',
    ]);
  });

  it('is frozen, so no caller can change the shared catalog', () => {
    expect(Object.isFrozen(CATALOG.models)).toBe(true);
    expect(Object.isFrozen(CATALOG.models[0]!.prices)).toBe(true);
  });
});

describe('extendCatalog', () => {
  const glm = { id: 'glm-4.6', tier: 2 as const, family: 'glm', prices: { input: 0.6, output: 2.2 } };

  it('adds a gateway model the resolver then finds by id, with its tier and prices', () => {
    const team = extendCatalog(CATALOG, { models: [glm] });
    const r = resolveModel('glm-4.6', team);
    expect(r).toMatchObject({ kind: 'model', via: 'id', canonical: true });
    const model = (r as { model: CatalogModel }).model;
    expect(model).toMatchObject({ tier: 2, family: 'glm', custom: true, status: 'active' });
    expect(model.prices).toEqual({ input: 0.6, output: 2.2, cacheWrite5m: null, cacheWrite1h: null, cacheRead: null });
    // The base catalog is untouched and still calls it another vendor's model.
    expect(resolveModel('glm-4.6', CATALOG)).toEqual({ kind: 'non-claude', vendorGuess: 'Zhipu (GLM)' });
    expect(CATALOG.models).toHaveLength(29);
  });

  it('resolves a custom model by its aliases too', () => {
    const team = extendCatalog(CATALOG, { models: [{ ...glm, aliases: ['glm'] }] });
    expect(resolveModel('glm', team)).toMatchObject({ kind: 'model', via: 'alias', model: { id: 'glm-4.6' } });
  });

  it('changes a catalog model in place, merging prices field by field', () => {
    const team = extendCatalog(CATALOG, {
      models: [{ id: 'claude-opus-4-8', prices: { input: 4.5 }, tier: 4, note: 'negotiated rate' }],
    });
    const model = findModel(team, 'claude-opus-4-8')!;
    expect(model.prices).toMatchObject({ input: 4.5, output: 25, cacheRead: 0.5, fastMode: { input: 10, output: 50 } });
    expect([model.tier, model.custom, model.family, model.note]).toEqual([4, true, 'opus', 'negotiated rate']);
    expect(team.models).toHaveLength(29);
    expect(findModel(CATALOG, 'claude-opus-4-8')!.tier).toBe(3);
  });

  it('ignores fields a spec leaves undefined', () => {
    const team = extendCatalog(CATALOG, { models: [{ id: 'claude-haiku-5-5', tier: undefined, note: 'x' }] });
    expect(findModel(team, 'claude-haiku-5-5')!.tier).toBe(1);
  });

  it('rejects a new model without a tier, or with prices lacking input and output', () => {
    expect(() => extendCatalog(CATALOG, { models: [{ id: 'qwen3-coder' }] })).toThrow(/needs a tier/);
    expect(() => extendCatalog(CATALOG, { models: [{ id: 'x', tier: 5 as 1 }] })).toThrow(/needs a tier/);
    expect(() => extendCatalog(CATALOG, { models: [{ id: 'x', tier: 1, prices: { input: 1 } }] })).toThrow(
      /input and output/,
    );
  });

  it('rejects names that would point at two models or shadow a Claude Code alias', () => {
    expect(() => extendCatalog(CATALOG, { models: [{ id: 'claude-opus-4-5', tier: 3 }] })).toThrow(
      /claude-opus-4-5-20251101/,
    );
    expect(() => extendCatalog(CATALOG, { models: [{ ...glm, aliases: ['Anthropic.Claude-Opus-4-8'] }] })).toThrow(
      /both/,
    );
    expect(() => extendCatalog(CATALOG, { models: [{ ...glm, aliases: ['sonnet'] }] })).toThrow(/Claude Code alias/);
  });

  it('keeps alias resolution per provider working on an extended catalog', () => {
    const team = extendCatalog(CATALOG, { models: [glm] });
    const r = resolveModel('sonnet', team);
    expect(r.kind === 'alias' && (Object.keys(r.byProvider) as Provider[]).sort()).toEqual(
      ['anthropic', 'bedrock', 'claude-platform-aws', 'foundry', 'vertex'].sort(),
    );
  });
});
