/**
 * `cctier models [ref..]`: the model catalog (with the team's own models) as a table or JSON, or what each
 * reference given resolves to. Exit 1 when a reference resolves to nothing cctier knows.
 */

import { ConfigError, loadConfig, type CctierConfig } from '../core/config/load';
import { tierName, type CatalogModel, type ModelCatalog } from '../core/models/catalog';
import { describeResolution, lifecycleLabel } from '../core/models/describe';
import { tierOf } from '../core/models/rank';
import { resolveModel, type ModelResolution } from '../core/models/resolve';
import { catalogForConfig } from '../core/models/team';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type ExitCode, type Io } from './io';

export type ModelsFormat = 'table' | 'json';
export const MODELS_FORMATS: readonly ModelsFormat[] = ['table', 'json'];

export interface ModelsCommandOptions {
  refs: string[];
  format: ModelsFormat;
  /** An explicit cctier config file. */
  config?: string;
  /** false when --no-config was given. */
  useConfig: boolean;
}

/** The built-in catalog plus the models of the team's cctier config; a broken config is exit 2. */
export function commandCatalog(cwd: string, opts: { config?: string; useConfig: boolean }): ModelCatalog {
  try {
    let config: CctierConfig = {};
    let filepath: string | undefined;
    if (opts.useConfig) ({ config, filepath } = loadConfig(cwd, opts.config));
    return catalogForConfig(config.models, filepath);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`cctier config ${err.filepath} ${err.message}`);
    throw err;
  }
}

/** Claude Code aliases that mean this model on the Claude API today. */
function claudeCodeAliases(model: CatalogModel): string[] {
  return Object.entries(model.claudeCodeAliases ?? {})
    .filter(([, providers]) => providers?.includes('anthropic'))
    .map(([alias]) => alias);
}

function dollars(n: number): string {
  return `$${n}`;
}

function prices(model: CatalogModel | undefined): string {
  const p = model?.prices;
  return p ? `${dollars(p.input)} / ${dollars(p.output)}` : '—';
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function catalogTable(catalog: ModelCatalog): string {
  const rows = catalog.models.map((m) => [
    m.id,
    [...claudeCodeAliases(m), ...m.aliases].join(', ') || '—',
    tierName(catalog, m.tier),
    lifecycleLabel(m),
    prices(m),
  ]);
  return table(['ID', 'ALIASES', 'TIER', 'STATUS', '$ IN / OUT PER MTOK'], rows) + `\nCatalog as of ${catalog.asOf}; prices are Claude API list prices in USD per million tokens.\n`;
}

function catalogJson(catalog: ModelCatalog): unknown {
  return {
    asOf: catalog.asOf,
    models: catalog.models.map((m) => ({
      id: m.id,
      name: m.name,
      family: m.family,
      version: m.version,
      tier: m.tier,
      tierName: tierName(catalog, m.tier),
      aliases: m.aliases,
      claudeCodeAliases: claudeCodeAliases(m),
      status: m.status,
      ...(m.legacy ? { legacy: true } : {}),
      ...(m.deprecatedOn ? { deprecatedOn: m.deprecatedOn } : {}),
      ...(m.retiresOn ? { retiresOn: m.retiresOn } : {}),
      ...(m.retiredOn ? { retiredOn: m.retiredOn } : {}),
      ...(m.successor ? { successor: m.successor } : {}),
      ...(m.contextWindow ? { contextWindow: m.contextWindow } : {}),
      ...(m.prices ? { prices: m.prices } : {}),
      ...(m.custom ? { custom: true } : {}),
    })),
  };
}

/** The catalog model a resolution lands on (an alias: the Claude API's model today). */
function landedModel(r: ModelResolution): CatalogModel | undefined {
  return r.kind === 'model' ? r.model : r.kind === 'alias' ? r.model : undefined;
}

/** What a person should know beyond the model: a better spelling, a guess, a missing tier. */
function note(r: ModelResolution, catalog: ModelCatalog): string {
  switch (r.kind) {
    case 'model':
    case 'alias':
      return r.canonical ? '' : `write ${JSON.stringify(r.suggestion)}`;
    case 'claude-unknown':
      return r.newerThanCatalog
        ? `newer than the catalog (${catalog.asOf}); ranked by family`
        : `not a known version${r.guess ? `; did you mean ${JSON.stringify(r.guess)}?` : ''}`;
    case 'non-claude':
      return 'no tier: add it to cctier config "models"';
    case 'unknown':
      return r.bestGuess ? `did you mean ${JSON.stringify(r.bestGuess)}?` : '';
  }
}

function refRow(ref: string, r: ModelResolution, catalog: ModelCatalog): string[] {
  const model = landedModel(r);
  const tier = tierOf(r);
  return [
    ref,
    r.kind === 'unknown' ? 'unknown' : model && r.kind === 'model' ? `${model.id} (${model.name})` : describeResolution(r),
    tier === null ? '—' : tierName(catalog, tier),
    model ? lifecycleLabel(model) : '—',
    note(r, catalog),
  ];
}

function refJson(ref: string, r: ModelResolution, catalog: ModelCatalog): unknown {
  const model = landedModel(r);
  const tier = tierOf(r);
  const base = { ref, kind: r.kind, tier, tierName: tier === null ? null : tierName(catalog, tier), description: describeResolution(r) };
  const landed = model ? { model: { id: model.id, name: model.name, status: model.status, ...(model.prices ? { prices: { input: model.prices.input, output: model.prices.output } } : {}) } } : {};
  switch (r.kind) {
    case 'model':
      return { ...base, ...landed, via: r.via, canonical: r.canonical, suggestion: r.suggestion };
    case 'alias':
      return { ...base, ...landed, alias: r.alias, canonical: r.canonical, suggestion: r.suggestion };
    case 'claude-unknown':
      return { ...base, family: r.family, ...(r.version ? { version: r.version } : {}), newerThanCatalog: r.newerThanCatalog, ...(r.guess ? { guess: r.guess } : {}) };
    case 'non-claude':
      return { ...base, ...(r.vendorGuess ? { vendorGuess: r.vendorGuess } : {}) };
    case 'unknown':
      return { ...base, ...(r.bestGuess ? { bestGuess: r.bestGuess } : {}) };
  }
}

export async function run(opts: ModelsCommandOptions, io: Io): Promise<ExitCode> {
  if (!MODELS_FORMATS.includes(opts.format)) throw new UsageError(`--format must be one of: ${MODELS_FORMATS.join(', ')}`);
  const catalog = commandCatalog(io.cwd, opts);
  if (opts.refs.length === 0) {
    io.stdout(opts.format === 'json' ? JSON.stringify(catalogJson(catalog), null, 2) + '\n' : catalogTable(catalog));
    return EXIT_OK;
  }
  const resolved = opts.refs.map((ref) => ({ ref, r: resolveModel(ref, catalog) }));
  if (opts.format === 'json') {
    io.stdout(JSON.stringify(resolved.map(({ ref, r }) => refJson(ref, r, catalog)), null, 2) + '\n');
  } else {
    io.stdout(table(['REF', 'RESOLVES TO', 'TIER', 'STATUS', 'NOTE'], resolved.map(({ ref, r }) => refRow(ref, r, catalog))));
  }
  return resolved.some(({ r }) => r.kind === 'unknown') ? EXIT_PROBLEMS : EXIT_OK;
}
