/**
 * Resolves a model string from settings, frontmatter or a flag to what it means: a catalog model, a Claude
 * Code alias, a Claude model newer than the catalog, another vendor's model, or nothing we know. Runs on
 * every lint, so each catalog's lookup tables are built once and kept.
 */

import { closest, distance } from 'fastest-levenshtein';
import type { CatalogModel, ClaudeCodeAlias, ClaudeFamily, ModelCatalog, Provider, Tier } from './catalog';
import { CLAUDE_FAMILIES, compareVersions, versionRank, familyWord, parseClaudeName, parseModelRef, type ModelRef } from './model-ref';
import { guessVendor, looksRouted } from './vendors';

/** How a model was recognised: its ID, an API alias, a snapshot-dated spelling, a nickname, a provider or gateway ID. */
export type MatchedVia = 'id' | 'dated-id' | 'alias' | 'shorthand' | 'provider-id' | 'gateway';

export type ModelResolution =
  | {
      kind: 'model';
      model: CatalogModel;
      /** Claude Code would accept the string exactly as written. */
      canonical: boolean;
      via: MatchedVia;
      /** A spelling Claude Code accepts for the same model, `[1m]` kept; a drop-in fix. */
      suggestion: string;
      contextSuffix?: '[1m]';
    }
  | {
      kind: 'alias';
      alias: string;
      definition: ClaudeCodeAlias;
      /** What the alias means on the Claude API today. */
      model?: CatalogModel;
      byProvider: Readonly<Partial<Record<Provider, CatalogModel>>>;
      tier: Tier | null;
      canonical: boolean;
      suggestion: string;
      contextSuffix?: '[1m]';
    }
  | {
      kind: 'claude-unknown';
      family: ClaudeFamily;
      tier: Tier;
      /** The version as written, when there is one. */
      version?: string;
      /** Above every catalog version of the family: most likely a model released after the catalog date. */
      newerThanCatalog: boolean;
      /** The ID such a model would have (`claude-opus-5-6`). */
      expectedId?: string;
      /** The nearest catalog model of the family, for "did you mean". */
      guess?: string;
      contextSuffix?: '[1m]';
    }
  | { kind: 'non-claude'; vendorGuess?: string }
  | { kind: 'unknown'; bestGuess?: string };

type ExactKind = 'id' | 'alias' | 'provider-id' | 'informal';

interface ExactEntry {
  model: CatalogModel;
  kind: ExactKind;
  /** The name as the catalog spells it. */
  form: string;
}

interface Index {
  exact: Map<string, ExactEntry>;
  /** `family:version` to the newest snapshot of that version. */
  byVersion: Map<string, CatalogModel>;
  newestVersion: Map<string, string>;
  aliases: Map<string, { definition: ClaudeCodeAlias; byProvider: Partial<Record<Provider, CatalogModel>> }>;
  /** Names worth offering as "did you mean". */
  guessPool: string[];
  /** Words a misspelling is corrected towards. */
  words: string[];
  /** Answers already given: every model rule asks about the same few strings. */
  memo: Map<string, ModelResolution>;
}

/** Enough for any lint run's distinct model strings; cleared when full rather than grown without bound. */
const MEMO_LIMIT = 4096;

const indexes = new WeakMap<ModelCatalog, Index>();

function indexFor(catalog: ModelCatalog): Index {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: ModelCatalog): Index {
  const byId = new Map(catalog.models.map((m) => [m.id, m]));
  const exact = new Map<string, ExactEntry>();
  // Earlier kinds win a clash: a Foundry or Vertex ID equal to an API ID stays an ID.
  const add = (model: CatalogModel, kind: ExactKind, form: string) => {
    if (!exact.has(form.toLowerCase())) exact.set(form.toLowerCase(), { model, kind, form });
  };
  for (const m of catalog.models) add(m, 'id', m.id);
  for (const m of catalog.models) for (const a of m.aliases) add(m, 'alias', a);
  for (const m of catalog.models) {
    for (const id of Object.values(m.providerIds)) if (id) add(m, 'provider-id', id);
  }
  for (const m of catalog.models) for (const n of m.informalNames ?? []) add(m, 'informal', n);

  const byVersion = new Map<string, CatalogModel>();
  const newestVersion = new Map<string, string>();
  for (const m of catalog.models) {
    const key = `${m.family}:${m.version}`;
    const seen = byVersion.get(key);
    if (!seen || (m.released ?? '') > (seen.released ?? '')) byVersion.set(key, m);
    const newest = newestVersion.get(m.family);
    if (m.version && (!newest || compareVersions(m.version, newest) > 0)) newestVersion.set(m.family, m.version);
  }

  const aliases: Index['aliases'] = new Map();
  for (const [name, definition] of Object.entries(catalog.aliases)) {
    const byProvider: Partial<Record<Provider, CatalogModel>> = {};
    for (const [provider, id] of Object.entries(definition.resolvesTo) as [Provider, string][]) {
      const model = byId.get(id);
      if (model) byProvider[provider] = model;
    }
    aliases.set(name, { definition, byProvider });
  }

  const pool = new Set<string>(Object.keys(catalog.aliases));
  for (const m of catalog.models) for (const n of [m.id, m.preferred, ...m.aliases]) pool.add(n.toLowerCase());
  return {
    exact,
    byVersion,
    newestVersion,
    aliases,
    guessPool: [...pool],
    words: ['claude', 'anthropic', ...CLAUDE_FAMILIES, ...Object.keys(catalog.aliases)],
    memo: new Map(),
  };
}

export function resolveModel(ref: string, catalog: ModelCatalog): ModelResolution {
  const index = indexFor(catalog);
  const seen = index.memo.get(ref);
  if (seen) return seen;
  // Frozen, since every caller asking about the same string now shares the answer.
  const result = Object.freeze(resolveFresh(ref, index, catalog));
  if (index.memo.size >= MEMO_LIMIT) index.memo.clear();
  index.memo.set(ref, result);
  return result;
}

function resolveFresh(ref: string, index: Index, catalog: ModelCatalog): ModelResolution {
  const parsed = parseModelRef(ref);
  const known = resolveClaude(parsed, index, catalog);
  if (known) return known;
  if (!parsed.key) return { kind: 'unknown' };
  if (!/claude/.test(parsed.key)) {
    const vendorGuess = guessVendor(parsed.key);
    if (vendorGuess || looksRouted(parsed.key)) return { kind: 'non-claude', ...(vendorGuess ? { vendorGuess } : {}) };
  }
  const bestGuess = guessFor(parsed, index, catalog);
  return { kind: 'unknown', ...(bestGuess ? { bestGuess } : {}) };
}

/** Everything that is recognisably Claude: a catalog model, an alias, or a family with a new version. */
function resolveClaude(ref: ModelRef, index: Index, catalog: ModelCatalog): ModelResolution | undefined {
  const alias = index.aliases.get(ref.key);
  if (alias) return aliasResult(ref, alias.definition, alias.byProvider);

  // Stage one: the whole string, or the string under an ARN or geo prefix, is a name the catalog lists.
  const stage = index.exact.get(ref.key) ?? (ref.markers.gateway ? undefined : index.exact.get(ref.providerForm));
  if (stage) {
    const via: MatchedVia =
      stage.kind === 'informal' ? 'shorthand' : stage.kind === 'provider-id' || ref.prefix ? 'provider-id' : stage.kind;
    const spelled = ref.prefix + stage.form;
    const canonical = stage.kind !== 'informal' && ref.tidy && ref.written === spelled;
    return modelResult(ref, stage.model, via, canonical, stage.kind === 'informal' ? undefined : spelled);
  }

  // Stage two: peel provider wrapping and decorations, then look again or read family and version.
  const via = viaFromMarkers(ref);
  const peeled = index.exact.get(ref.core);
  if (peeled) return modelResult(ref, peeled.model, via, false);
  const name = parseClaudeName(ref.core);
  if (name?.version !== undefined) {
    const model = index.byVersion.get(`${name.family}:${name.version}`);
    if (model) return modelResult(ref, model, via, false);
  }
  if (index.aliases.has(ref.core)) return undefined; // `opus-latest`: an alias with junk; left to did-you-mean
  if (name) return unknownVersion(ref, name.family, name.version, index, catalog);
  // A family word but no readable version: a typo of a known name (a clipped date) beats "unknown version".
  const family = /claude/.test(ref.core) || via !== 'shorthand' ? familyWord(ref.core) : undefined;
  if (!family || nearName(ref.key, index, 2)) return undefined;
  return unknownVersion(ref, family, undefined, index, catalog);
}

function viaFromMarkers(ref: ModelRef): MatchedVia {
  if (ref.markers.gateway) return 'gateway';
  if (ref.markers.bedrock || ref.markers.vertex) return 'provider-id';
  if (ref.markers.dated) return 'dated-id';
  return 'shorthand';
}

function modelResult(
  ref: ModelRef,
  model: CatalogModel,
  via: MatchedVia,
  canonical: boolean,
  exactSpelling?: string,
): ModelResolution {
  const suffix = ref.contextSuffix ?? '';
  let suggestion = exactSpelling ?? model.preferred;
  if (!exactSpelling) {
    // Keep the caller on the platform they wrote for.
    if (ref.markers.bedrock && model.providerIds.bedrock) suggestion = ref.prefix + model.providerIds.bedrock;
    else if (ref.markers.vertex && model.providerIds.vertex) suggestion = model.providerIds.vertex;
  }
  return {
    kind: 'model',
    model,
    canonical,
    via,
    suggestion: suggestion + suffix,
    ...(ref.contextSuffix ? { contextSuffix: ref.contextSuffix } : {}),
  };
}

function aliasResult(
  ref: ModelRef,
  definition: ClaudeCodeAlias,
  byProvider: Partial<Record<Provider, CatalogModel>>,
): ModelResolution {
  const suffixOk = !ref.contextSuffix || definition.with1m;
  const suggestion = ref.key + (ref.contextSuffix && definition.with1m ? '[1m]' : '');
  return {
    kind: 'alias',
    alias: ref.key,
    definition,
    ...(byProvider.anthropic ? { model: byProvider.anthropic } : {}),
    byProvider,
    tier: definition.tier,
    canonical: ref.tidy && ref.written === ref.key && suffixOk,
    suggestion,
    ...(ref.contextSuffix ? { contextSuffix: ref.contextSuffix } : {}),
  };
}

function unknownVersion(
  ref: ModelRef,
  family: ClaudeFamily,
  version: string | undefined,
  index: Index,
  catalog: ModelCatalog,
): ModelResolution {
  const newest = index.newestVersion.get(family);
  const expectedId = version === undefined ? undefined : `claude-${family}-${version.replace('.', '-')}`;
  const guess = nearestVersion(catalog, family, version ?? newest)?.preferred;
  return {
    kind: 'claude-unknown',
    family,
    tier: catalog.families[family].tier,
    ...(version !== undefined ? { version } : {}),
    newerThanCatalog: version !== undefined && newest !== undefined && compareVersions(version, newest) > 0,
    ...(expectedId ? { expectedId } : {}),
    ...(guess ? { guess } : {}),
    ...(ref.contextSuffix ? { contextSuffix: ref.contextSuffix } : {}),
  };
}

/** The family's model whose version is closest to `version`; the newer one on a tie. */
function nearestVersion(catalog: ModelCatalog, family: string, version: string | undefined): CatalogModel | undefined {
  if (version === undefined) return undefined;
  const target = versionRank(version);
  let best: CatalogModel | undefined;
  for (const m of catalog.models) {
    if (m.family !== family || !m.version) continue;
    const gap = Math.abs(versionRank(m.version) - target);
    const bestGap = best ? Math.abs(versionRank(best.version) - target) : Infinity;
    if (gap < bestGap || (gap === bestGap && best && compareVersions(m.version, best.version) > 0)) best = m;
  }
  return best;
}

/** "Did you mean": first fix misspelt words (`sonet-4.5`), then fall back to the nearest known name. */
function guessFor(ref: ModelRef, index: Index, catalog: ModelCatalog): string | undefined {
  if (index.aliases.has(ref.core)) return ref.core;
  let corrected = ref.key;
  for (const word of new Set(ref.key.match(/[a-z]{3,}/g) ?? [])) {
    if (index.words.includes(word)) continue;
    const near = closest(word, index.words);
    if (distance(word, near) <= 2 && distance(word, near) * 2 < word.length) {
      corrected = corrected.replace(new RegExp(`(?<![a-z])${word}(?![a-z])`, 'g'), near);
    }
  }
  if (corrected !== ref.key) {
    const again = resolveClaude(parseModelRef(corrected), index, catalog);
    if (again?.kind === 'model' || again?.kind === 'alias') return again.suggestion;
    if (again?.kind === 'claude-unknown') return again.expectedId ?? again.guess;
  }
  return nearName(ref.key, index);
}

/** The closest known name within `limit` edits; by default a quarter of the string, at least two. */
function nearName(key: string, index: Index, limit = Math.max(2, Math.floor(key.length / 4))): string | undefined {
  const near = closest(key, index.guessPool);
  return distance(key, near) <= limit ? near : undefined;
}
