/** The model catalog: Claude models and Claude Code's aliases as data, plus a team's own additions. */

import catalogData from './catalog.json';

/** Routing rank: 1 quick, 2 routine, 3 critical, 4 frontier. Higher means more capable and dearer. */
export type Tier = 1 | 2 | 3 | 4;
export const TIERS: readonly Tier[] = [1, 2, 3, 4];

export type ClaudeFamily = 'haiku' | 'sonnet' | 'opus' | 'fable' | 'mythos';
export type ModelStatus = 'active' | 'deprecated' | 'retired';
/** Where a request runs; Claude Code's aliases resolve differently on each. */
export type Provider = 'anthropic' | 'claude-platform-aws' | 'bedrock' | 'vertex' | 'foundry' | 'gateway';
/** How Claude Code reaches a 1M-token window: always (`[1m]` is redundant), only with `[1m]`, or never. */
export type Context1m = 'native' | 'suffix' | 'none';

/** USD per million tokens. A null cache price was never published. */
export interface Prices {
  input: number;
  output: number;
  cacheWrite5m: number | null;
  cacheWrite1h: number | null;
  cacheRead: number | null;
  /** Higher rates for long prompts; `until` marks a rule that no longer applies. */
  longContext?: LongContextPrices;
  fastMode?: { input: number; output: number };
  /** Set when the figures rest on weak sources. */
  confidence?: 'medium' | 'low';
}

export interface LongContextPrices {
  aboveInputTokens: number;
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  rule: string;
  until?: string;
}

export interface ProviderIds {
  bedrock?: string;
  vertex?: string;
  foundry?: string;
}

export interface CatalogModel {
  /** Anthropic's model ID: dated up to the 4.5 generation, dateless from 4.6 on. */
  id: string;
  name: string;
  /** A Claude family, or any label for a team's own model (`custom` when none is given). */
  family: string;
  /** "4.5", "5", "preview"; empty for custom models that have none. */
  version: string;
  tier: Tier;
  /** Only verified organisations can call it. */
  restricted?: boolean;
  released?: string;
  /** The spelling cctier suggests when a setting names this model another way. */
  preferred: string;
  /** Other names Anthropic's API accepts for this model (`claude-opus-4-5`, `claude-3-opus-latest`). */
  aliases: readonly string[];
  /** Spellings people use that no parser could map (`sonnet-3.5-june`). */
  informalNames?: readonly string[];
  providerIds: ProviderIds;
  status: ModelStatus;
  /** Superseded by a newer model of its family but still served. */
  legacy?: boolean;
  deprecatedOn?: string;
  /** Announced retirement date, for a deprecated model. */
  retiresOn?: string;
  retiredOn?: string;
  /** Anthropic's commitment: no retirement before this date. */
  retirementNotBefore?: string;
  /** Catalog id of the recommended replacement. */
  successor?: string;
  contextWindow?: number;
  context1m?: Context1m;
  maxOutput?: number | null;
  prices?: Prices;
  /** Claude Code aliases that currently resolve to this model, with the providers where they do. */
  claudeCodeAliases?: Readonly<Partial<Record<string, readonly Provider[]>>>;
  /** Added or changed by the team's cctier config. */
  custom?: boolean;
  note?: string;
}

/** One of Claude Code's model aliases (`sonnet`, `opusplan`, `default`, ...). */
export interface ClaudeCodeAlias {
  family?: ClaudeFamily;
  /** Null when the alias names no fixed kind of model (`default`, `inherit`). */
  tier: Tier | null;
  /** Whether `<alias>[1m]` is a documented spelling. */
  with1m: boolean;
  /** Catalog id per provider, as of the catalog date. */
  resolvesTo: Readonly<Partial<Record<Provider, string>>>;
  /** Composite aliases: the alias each phase uses. */
  phases?: { plan: string; execute: string };
  /** The alias used where the first choice is unavailable. */
  otherwise?: string;
  /** Valid only in subagent, skill and command frontmatter. */
  subagentOnly?: boolean;
  note?: string;
}

export interface FamilyInfo {
  tier: Tier;
  restricted?: boolean;
  note?: string;
}

export interface ModelCatalog {
  asOf: string;
  tiers: Readonly<Record<string, { name: string; use: string }>>;
  families: Readonly<Record<ClaudeFamily, FamilyInfo>>;
  models: readonly CatalogModel[];
  aliases: Readonly<Record<string, ClaudeCodeAlias>>;
}

/** A model a team adds, or the fields it changes on a catalog model (matched by `id`). */
export interface ModelSpec {
  id: string;
  /** Required for a new model. */
  tier?: Tier;
  name?: string;
  family?: string;
  version?: string;
  preferred?: string;
  aliases?: readonly string[];
  providerIds?: ProviderIds;
  status?: ModelStatus;
  contextWindow?: number;
  /** Merged over the catalog's prices; a new model needs at least input and output. */
  prices?: Partial<Prices>;
  note?: string;
}

export interface CatalogExtension {
  models?: readonly ModelSpec[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The built-in catalog. JSON types widen string unions, so the shape is checked by the catalog tests. */
export const CATALOG: ModelCatalog = deepFreeze(catalogData as unknown as ModelCatalog);

export function tierName(catalog: ModelCatalog, tier: Tier): string {
  return catalog.tiers[String(tier)]?.name ?? String(tier);
}

export function findModel(catalog: ModelCatalog, id: string): CatalogModel | undefined {
  return catalog.models.find((m) => m.id === id);
}

/** Every string that names a model exactly: its id, API aliases, provider ids and informal names. */
export function namesOf(model: CatalogModel): string[] {
  const names = [model.id, ...model.aliases, ...(model.informalNames ?? [])];
  for (const id of Object.values(model.providerIds)) if (id) names.push(id);
  return names;
}

function isTier(value: unknown): value is Tier {
  return TIERS.includes(value as Tier);
}

function completePrices(id: string, prices: Partial<Prices>): Prices {
  if (typeof prices.input !== 'number' || typeof prices.output !== 'number') {
    throw new Error(`model "${id}": prices need at least input and output`);
  }
  return {
    ...prices,
    input: prices.input,
    output: prices.output,
    cacheWrite5m: prices.cacheWrite5m ?? null,
    cacheWrite1h: prices.cacheWrite1h ?? null,
    cacheRead: prices.cacheRead ?? null,
  };
}

/** A spec without its undefined fields, so `{ tier: undefined }` changes nothing. */
function given(spec: ModelSpec): ModelSpec {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as unknown as ModelSpec;
}

function override(base: CatalogModel, spec: ModelSpec): CatalogModel {
  if (spec.tier !== undefined && !isTier(spec.tier)) throw new Error(`model "${spec.id}": tier must be 1, 2, 3 or 4`);
  const { prices, providerIds, ...rest } = given(spec);
  return {
    ...base,
    ...rest,
    providerIds: { ...base.providerIds, ...providerIds },
    prices: prices ? completePrices(spec.id, { ...base.prices, ...prices }) : base.prices,
    custom: true,
  };
}

function create(spec: ModelSpec): CatalogModel {
  if (!isTier(spec.tier)) throw new Error(`model "${spec.id}": a new model needs a tier of 1, 2, 3 or 4`);
  const { prices, ...rest } = given(spec);
  return {
    name: spec.id,
    family: 'custom',
    version: '',
    preferred: spec.id,
    aliases: [],
    providerIds: {},
    status: 'active',
    ...rest,
    tier: spec.tier,
    ...(prices ? { prices: completePrices(spec.id, prices) } : {}),
    custom: true,
  };
}

/**
 * The base catalog with a team's models added or changed. A spec whose id is a catalog id changes that
 * model; any other spec adds one. Throws when a name would point at two models, since the resolver
 * could then not tell which one a setting means.
 */
export function extendCatalog(base: ModelCatalog, extra: CatalogExtension): ModelCatalog {
  const models = [...base.models];
  for (const spec of extra.models ?? []) {
    const at = models.findIndex((m) => m.id === spec.id);
    if (at >= 0) models[at] = override(models[at]!, spec);
    else models.push(create(spec));
  }
  const owner = new Map<string, string>();
  for (const model of models) {
    for (const name of new Set(namesOf(model).map((n) => n.toLowerCase()))) {
      if (name in base.aliases) throw new Error(`"${name}" is a Claude Code alias and cannot name the model ${model.id}`);
      const other = owner.get(name);
      if (other !== undefined && other !== model.id) {
        throw new Error(`"${name}" would name both ${other} and ${model.id}; change that model instead of adding one`);
      }
      owner.set(name, model.id);
    }
  }
  return deepFreeze({ ...base, models });
}
