import { CATALOG, extendCatalog, type Tier } from '../../../src/core/models/catalog';
import { resolveModel, type ModelResolution } from '../../../src/core/models/resolve';
import { referenceModels, referenceTokens } from './reference';

const reference = referenceModels();

type ModelResult = Extract<ModelResolution, { kind: 'model' }>;

function asModel(ref: string): ModelResult {
  const r = resolveModel(ref, CATALOG);
  if (r.kind !== 'model') throw new Error(`${JSON.stringify(ref)} resolved to ${JSON.stringify(r)}`);
  return r;
}

/** One row per name the research gives a model, with what that name must resolve to. */
const rows = reference.flatMap((m) => {
  const formal = [m.id, ...m.aliases, m.bedrockId, m.vertexId].filter((n): n is string => !!n);
  const informal = [...m.informalAliases, ...(m.ambiguousInformalAliases?.aliases ?? [])];
  return [...new Set([...formal, ...informal])].map((name) => ({
    name,
    id: m.id,
    family: m.family,
    version: m.version,
    tier: m.tierRank,
    // Some "informal" spellings are in fact a provider ID or carry a valid [1m]; those are canonical.
    canonical: formal.includes(name.replace(/\[1m\]$/, '')),
  }));
});

describe('every model name in the reference models.json', () => {
  it('covers a few hundred names', () => {
    expect(rows.length).toBeGreaterThan(350);
  });

  it.each(rows)('$name -> $id', ({ name, id, family, version, tier, canonical }) => {
    const r = asModel(name);
    expect([r.model.id, r.model.family, r.model.version, r.model.tier, r.canonical]).toEqual([
      id,
      family,
      version,
      tier,
      canonical,
    ]);
    expect(r.contextSuffix).toBe(name.endsWith('[1m]') ? '[1m]' : undefined);
  });

  it.each(rows)('$name: the suggestion is a canonical name of the same model', ({ name, id }) => {
    const fixed = asModel(asModel(name).suggestion);
    expect([fixed.model.id, fixed.canonical]).toEqual([id, true]);
  });

  it.each(rows)('$name: other case, spaces or a /model prefix still resolve, as non-canonical', ({ name, id }) => {
    for (const variant of [name.toUpperCase(), `  ${name} `, `/model ${name}`]) {
      const r = asModel(variant);
      expect([variant, r.model.id, r.canonical]).toEqual([variant, id, false]);
    }
  });

  const aliasRows = reference.flatMap((m) =>
    (m.claudeCode?.aliasResolution ?? []).map((a) => ({ alias: a.alias.split(' ')[0]!, id: m.id })),
  );
  it.each(aliasRows)('$alias (which has pointed at $id) is a Claude Code alias', ({ alias }) => {
    expect(resolveModel(alias, CATALOG)).toMatchObject({ kind: 'alias', alias, canonical: true });
  });
});

/** What each model-like word in the reference markdown means, beyond the names models.json lists. */
const MARKDOWN_EXPECTED: Record<string, { model: string; canonical: boolean } | { alias: string; tier: Tier | null } | { family: string; tier: Tier }> = {
  'anthropic.claude-opus-5-v1:0': { model: 'claude-opus-5', canonical: false },
  'us.anthropic.claude-opus-4-8': { model: 'claude-opus-4-8', canonical: true },
  'claude-opus-4-6-fast': { model: 'claude-opus-4-6', canonical: false },
  'claude-opus-4-8-fast': { model: 'claude-opus-4-8', canonical: false },
  'claude-opus-5-6': { family: 'opus', tier: 3 },
  'claude-sonnet-6': { family: 'sonnet', tier: 2 },
  default: { alias: 'default', tier: null },
  sonnet: { alias: 'sonnet', tier: 2 },
  'sonnet[1m]': { alias: 'sonnet', tier: 2 },
  opus: { alias: 'opus', tier: 3 },
  'opus[1m]': { alias: 'opus', tier: 3 },
  haiku: { alias: 'haiku', tier: 1 },
  fable: { alias: 'fable', tier: 4 },
  'fable[1m]': { alias: 'fable', tier: 4 },
  best: { alias: 'best', tier: 4 },
  opusplan: { alias: 'opusplan', tier: 3 },
  'opusplan[1m]': { alias: 'opusplan', tier: 3 },
  inherit: { alias: 'inherit', tier: null },
};
/** Code spans that look like model names but are file names, crate names or bare prefixes. */
const NOT_MODEL_NAMES = ['anthropic.', 'anthropic/', 'claude-', 'claude-codes', 'claude-code-aliases.md'];

describe('every model name in the reference markdown', () => {
  const known = new Map(rows.map((r) => [r.name.toLowerCase(), r]));
  const tokens = [...referenceTokens()].filter(([t]) => !NOT_MODEL_NAMES.includes(t));

  it('finds the names and has an expectation for each', () => {
    expect(tokens.length).toBeGreaterThan(60);
    const unexplained = tokens.map(([t]) => t).filter((t) => !known.has(t.toLowerCase()) && !(t in MARKDOWN_EXPECTED));
    expect(unexplained).toEqual([]);
  });

  it.each(tokens)('%s (from %s)', (token) => {
    const r = resolveModel(token, CATALOG);
    const row = known.get(token.toLowerCase());
    const want = MARKDOWN_EXPECTED[token];
    if (row) {
      expect(r).toMatchObject({ kind: 'model', model: { id: row.id, family: row.family, version: row.version, tier: row.tier } });
    } else if (want && 'model' in want) {
      expect(r).toMatchObject({ kind: 'model', model: { id: want.model }, canonical: want.canonical });
    } else if (want && 'alias' in want) {
      expect(r).toMatchObject({ kind: 'alias', alias: want.alias, tier: want.tier, canonical: true });
    } else if (want) {
      expect(r).toMatchObject({ kind: 'claude-unknown', family: want.family, tier: want.tier });
    }
  });
});

describe('shorthand people write', () => {
  it.each([
    ['sonnet-4-5', 'claude-sonnet-4-5-20250929', 'sonnet', '4.5', 2, 'claude-sonnet-4-5'],
    ['sonnet-4-6', 'claude-sonnet-4-6', 'sonnet', '4.6', 2, 'claude-sonnet-4-6'],
    ['opus-4.5', 'claude-opus-4-5-20251101', 'opus', '4.5', 3, 'claude-opus-4-5'],
    ['opus-4.6', 'claude-opus-4-6', 'opus', '4.6', 3, 'claude-opus-4-6'],
    ['opus-4.7', 'claude-opus-4-7', 'opus', '4.7', 3, 'claude-opus-4-7'],
    ['haiku-4-5', 'claude-haiku-4-5-20251001', 'haiku', '4.5', 1, 'claude-haiku-4-5'],
    ['claude-4-sonnet', 'claude-sonnet-4-20250514', 'sonnet', '4', 2, 'claude-sonnet-4-20250514'],
    ['claude-4-opus', 'claude-opus-4-20250514', 'opus', '4', 3, 'claude-opus-4-20250514'],
    ['claude-4.5-sonnet', 'claude-sonnet-4-5-20250929', 'sonnet', '4.5', 2, 'claude-sonnet-4-5'],
    ['claude-3-5-haiku', 'claude-3-5-haiku-20241022', 'haiku', '3.5', 1, 'claude-3-5-haiku-20241022'],
    ['claude-3-5-sonnet', 'claude-3-5-sonnet-20241022', 'sonnet', '3.5', 2, 'claude-3-5-sonnet-20241022'],
    ['/model opus-4.5', 'claude-opus-4-5-20251101', 'opus', '4.5', 3, 'claude-opus-4-5'],
    ['/model   Sonnet-4-6', 'claude-sonnet-4-6', 'sonnet', '4.6', 2, 'claude-sonnet-4-6'],
    ['  OPUS 4.7  ', 'claude-opus-4-7', 'opus', '4.7', 3, 'claude-opus-4-7'],
    ['opus-4.6[1m]', 'claude-opus-4-6', 'opus', '4.6', 3, 'claude-opus-4-6[1m]'],
    ['Claude Sonnet 5.5', 'claude-sonnet-5-5', 'sonnet', '5.5', 2, 'claude-sonnet-5-5'],
    ['fable-5.2', 'claude-fable-5-2', 'fable', '5.2', 4, 'claude-fable-5-2'],
    ['claude-sonnet-4-5-20250930', 'claude-sonnet-4-5-20250929', 'sonnet', '4.5', 2, 'claude-sonnet-4-5'],
  ])('%s -> %s', (ref, id, family, version, tier, suggestion) => {
    const r = asModel(ref);
    expect([r.model.id, r.model.family, r.model.version, r.model.tier, r.canonical, r.suggestion]).toEqual([
      id,
      family,
      version,
      tier,
      false,
      suggestion,
    ]);
  });

  it('says how each was recognised', () => {
    expect(asModel('claude-opus-4-8').via).toBe('id');
    expect(asModel('claude-opus-4-5').via).toBe('alias');
    expect(asModel('claude-opus-4-6-20260205').via).toBe('dated-id');
    expect(asModel('opus-4.6').via).toBe('shorthand');
    expect(asModel('claude-sonnet-4-5@20250929').via).toBe('provider-id');
    expect(asModel('eu.anthropic.claude-opus-5-v1:0').via).toBe('provider-id');
    expect(asModel('openrouter/anthropic/claude-opus-4.5').via).toBe('gateway');
  });
});

describe('provider IDs', () => {
  it.each([
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5-20250929', true, 'anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5-20250929', true, 'global.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['us.anthropic.claude-opus-4-8', 'claude-opus-4-8', true, 'us.anthropic.claude-opus-4-8'],
    ['US.anthropic.claude-opus-4-8', 'claude-opus-4-8', false, 'us.anthropic.claude-opus-4-8'],
    [
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-8',
      'claude-opus-4-8',
      true,
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-8',
    ],
    [
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      'claude-3-haiku-20240307',
      true,
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    ],
    ['eu.anthropic.claude-opus-5-v1:0', 'claude-opus-5', false, 'eu.anthropic.claude-opus-5'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet-20241022', true, 'anthropic.claude-3-5-sonnet-20241022-v2:0'],
    ['claude-3-5-sonnet-v2@20241022', 'claude-3-5-sonnet-20241022', true, 'claude-3-5-sonnet-v2@20241022'],
    ['claude-opus-4@20250514', 'claude-opus-4-20250514', true, 'claude-opus-4@20250514'],
    ['claude-opus-4-6@default', 'claude-opus-4-6', false, 'claude-opus-4-6'],
    ['claude-haiku-4-5@20251002', 'claude-haiku-4-5-20251001', false, 'claude-haiku-4-5@20251001'],
    ['claude-opus-4-8', 'claude-opus-4-8', true, 'claude-opus-4-8'], // Foundry's and Vertex's form for 4.6+
    ['bedrock/us.anthropic.claude-opus-4-8', 'claude-opus-4-8', false, 'us.anthropic.claude-opus-4-8'],
    ['vertex_ai/claude-sonnet-4-6', 'claude-sonnet-4-6', false, 'claude-sonnet-4-6'],
  ])('%s', (ref, id, canonical, suggestion) => {
    const r = asModel(ref);
    expect([r.model.id, r.canonical, r.suggestion]).toEqual([id, canonical, suggestion]);
  });
});

describe('Claude Code aliases', () => {
  it('resolves each alias per provider as of the catalog date', () => {
    const ids = (ref: string) => {
      const r = resolveModel(ref, CATALOG);
      if (r.kind !== 'alias') throw new Error(ref);
      return Object.fromEntries(Object.entries(r.byProvider).map(([p, m]) => [p, m.id]));
    };
    expect(ids('sonnet')).toMatchObject({ anthropic: 'claude-sonnet-5-5', bedrock: 'claude-sonnet-4-5-20250929' });
    expect(ids('opus')).toMatchObject({ anthropic: 'claude-opus-5-5', foundry: 'claude-opus-4-6' });
    expect(ids('haiku')).toMatchObject({ anthropic: 'claude-haiku-5-5', vertex: 'claude-haiku-4-5-20251001' });
    expect(ids('fable')).toMatchObject({ anthropic: 'claude-fable-5-1', gateway: 'claude-fable-5' });
    expect(ids('default')).toMatchObject({ anthropic: 'claude-opus-5-5', foundry: 'claude-sonnet-4-5-20250929' });
    expect(ids('opusplan')).toEqual({});
  });

  it('gives the first-party model, the tier and a composite description', () => {
    expect(resolveModel('best', CATALOG)).toMatchObject({ kind: 'alias', tier: 4, model: { id: 'claude-fable-5-1' } });
    expect(resolveModel('opusplan', CATALOG)).toMatchObject({
      tier: 3,
      definition: { phases: { plan: 'opus', execute: 'sonnet' } },
    });
    expect(resolveModel('inherit', CATALOG)).toMatchObject({ tier: null, definition: { subagentOnly: true } });
    expect(resolveModel('opusplan', CATALOG)).not.toHaveProperty('model');
  });

  it('handles [1m] variants, flagging one the alias does not document', () => {
    expect(resolveModel('sonnet[1m]', CATALOG)).toMatchObject({ canonical: true, contextSuffix: '[1m]', suggestion: 'sonnet[1m]' });
    expect(resolveModel('opusplan[1M]', CATALOG)).toMatchObject({ canonical: true, suggestion: 'opusplan[1m]' });
    expect(resolveModel('haiku[1m]', CATALOG)).toMatchObject({ kind: 'alias', canonical: false, suggestion: 'haiku' });
    expect(resolveModel('sonnet [1m]', CATALOG)).toMatchObject({ kind: 'alias', canonical: false, suggestion: 'sonnet[1m]' });
  });

  it('accepts odd case and a /model prefix, as non-canonical', () => {
    expect(resolveModel('Opus', CATALOG)).toMatchObject({ kind: 'alias', alias: 'opus', canonical: false, suggestion: 'opus' });
    expect(resolveModel('/model opusplan', CATALOG)).toMatchObject({ kind: 'alias', canonical: false });
    expect(resolveModel(' sonnet', CATALOG)).toMatchObject({ kind: 'alias', canonical: false });
  });
});

describe('Claude models the catalog does not know yet', () => {
  it.each([
    ['claude-opus-5-6', 'opus', 3, '5.6', true, 'claude-opus-5-6', 'claude-opus-5-5'],
    ['claude-sonnet-6', 'sonnet', 2, '6', true, 'claude-sonnet-6', 'claude-sonnet-5-5'],
    ['claude-haiku-6-1-20270301', 'haiku', 1, '6.1', true, 'claude-haiku-6-1', 'claude-haiku-5-5'],
    ['us.anthropic.claude-fable-6-v1:0', 'fable', 4, '6', true, 'claude-fable-6', 'claude-fable-5-2'],
    ['opus-5.7', 'opus', 3, '5.7', true, 'claude-opus-5-7', 'claude-opus-5-5'],
    ['claude-opus-4-9', 'opus', 3, '4.9', false, 'claude-opus-4-9', 'claude-opus-4-8'],
    ['claude-mythos-6', 'mythos', 4, '6', true, 'claude-mythos-6', 'claude-mythos-5-2'],
  ])('%s', (ref, family, tier, version, newer, expectedId, guess) => {
    expect(resolveModel(ref, CATALOG)).toEqual({
      kind: 'claude-unknown',
      family,
      tier,
      version,
      newerThanCatalog: newer,
      expectedId,
      guess,
    });
  });

  it('knows the family even without a version, and keeps [1m]', () => {
    expect(resolveModel('claude-opus-next', CATALOG)).toEqual({
      kind: 'claude-unknown',
      family: 'opus',
      tier: 3,
      newerThanCatalog: false,
      guess: 'claude-opus-5-5',
    });
    expect(resolveModel('claude-sonnet-7[1m]', CATALOG)).toMatchObject({ kind: 'claude-unknown', contextSuffix: '[1m]' });
  });
});

describe('other vendors through a gateway', () => {
  it.each([
    ['glm-4.6', 'Zhipu (GLM)'],
    ['GLM-4.5-Air', 'Zhipu (GLM)'],
    ['openrouter/z-ai/glm-4.6', 'Zhipu (GLM)'],
    ['deepseek-chat', 'DeepSeek'],
    ['deepseek/deepseek-v3.1', 'DeepSeek'],
    ['qwen3-coder-plus', 'Alibaba (Qwen)'],
    ['gpt-5-codex', 'OpenAI'],
    ['openai/o3', 'OpenAI'],
    ['o4-mini', 'OpenAI'],
    ['gemini-2.5-pro', 'Google'],
    ['kimi-k2-instruct', 'Moonshot (Kimi)'],
    ['MiniMax-M2', 'MiniMax'],
    ['x-ai/grok-code-fast-1', 'xAI (Grok)'],
    ['meta-llama/llama-4-maverick', 'Meta (Llama)'],
    ['devstral-medium', 'Mistral'],
  ])('%s', (ref, vendorGuess) => {
    expect(resolveModel(ref, CATALOG)).toEqual({ kind: 'non-claude', vendorGuess });
  });

  it('treats a vendor/model path with an unknown vendor as another vendor, unguessed', () => {
    expect(resolveModel('acme-labs/coder-large', CATALOG)).toEqual({ kind: 'non-claude' });
  });
});

describe('unknown strings', () => {
  it.each(['', '   ', '/model ', '[1m]', 'banana', '12345', 'claude-poem-5', 'arn:aws:bedrock:us-east-1:1:application-inference-profile/x7k2p9'])(
    '%j has no guess',
    (ref) => {
      expect(resolveModel(ref, CATALOG)).toEqual({ kind: 'unknown' });
    },
  );

  it.each([
    ['sonet', 'sonnet'],
    ['opsu', 'opus'],
    ['opuspaln', 'opusplan'],
    ['opus-latest', 'opus'],
    ['claude-sonet-4-5', 'claude-sonnet-4-5'],
    ['sonet-4.5', 'claude-sonnet-4-5'],
    ['cluade-opus-4-8', 'claude-opus-4-8'],
    ['claude-sonnet-4-5-2025092', 'claude-sonnet-4-5-20250929'],
  ])('%s: did you mean %s?', (ref, bestGuess) => {
    expect(resolveModel(ref, CATALOG)).toEqual({ kind: 'unknown', bestGuess });
  });
});

describe('lookup tables', () => {
  it('are built per catalog, so an extended catalog sees its own models', () => {
    const team = extendCatalog(CATALOG, { models: [{ id: 'acme-coder', tier: 1 }] });
    expect(resolveModel('acme-coder', CATALOG).kind).toBe('unknown');
    expect(resolveModel('acme-coder', team)).toMatchObject({ kind: 'model', model: { id: 'acme-coder', tier: 1 } });
    expect(resolveModel('acme-coder', CATALOG).kind).toBe('unknown');
  });
});
