/** Short descriptions of models and resolutions, for messages and command output. */

import { findModel, tierName, type CatalogModel, type ModelCatalog, type Tier } from './catalog';
import type { ModelResolution } from './resolve';

/** "Claude Opus 4.5", or the model's id when it has no other name. */
export function modelName(model: CatalogModel): string {
  return model.name || model.id;
}

/** What a reference turned out to be, in a few words: "Claude Opus 4.5", "alias for Claude Sonnet 5.5 today". */
export function describeResolution(r: ModelResolution): string {
  switch (r.kind) {
    case 'model':
      return modelName(r.model);
    case 'alias': {
      const d = r.definition;
      if (d.phases) return `${r.alias}: ${d.phases.plan} to plan, ${d.phases.execute} otherwise`;
      if (r.tier === null) return r.alias === 'default' ? 'the account\'s default model' : `the alias ${r.alias}`;
      return r.model ? `alias for ${modelName(r.model)} today` : `the alias ${r.alias}`;
    }
    case 'claude-unknown': {
      const family = r.family.charAt(0).toUpperCase() + r.family.slice(1);
      return r.version ? `Claude ${family} ${r.version}, which the catalog does not list` : `a Claude ${family} model of unknown version`;
    }
    case 'non-claude':
      return r.vendorGuess ? `a ${r.vendorGuess} model` : 'another vendor\'s model';
    case 'unknown':
      return 'no model cctier knows';
  }
}

/** "critical tier". */
export function tierLabel(catalog: ModelCatalog, tier: Tier): string {
  return `${tierName(catalog, tier)} tier`;
}

/** "$5/$25 per MTok" (input/output), or undefined without published prices. */
export function priceLabel(model: CatalogModel | undefined): string | undefined {
  const p = model?.prices;
  return p ? `$${p.input}/$${p.output} per MTok` : undefined;
}

/** The first model down the successor chain that is still active (a successor may itself be deprecated). */
export function activeSuccessor(catalog: ModelCatalog, model: CatalogModel): CatalogModel | undefined {
  const seen = new Set<string>([model.id]);
  let next = model.successor ? findModel(catalog, model.successor) : undefined;
  let last = next;
  while (next && next.status !== 'active' && next.successor && !seen.has(next.id)) {
    seen.add(next.id);
    next = findModel(catalog, next.successor);
    if (next) last = next;
  }
  return next?.status === 'active' ? next : last;
}

/** "deprecated, retires 2026-11-30", "retired 2025-10-22", "active (legacy)". */
export function lifecycleLabel(model: CatalogModel): string {
  switch (model.status) {
    case 'retired':
      return `retired${model.retiredOn ? ` ${model.retiredOn}` : ''}`;
    case 'deprecated':
      return `deprecated${model.retiresOn ? `, retires ${model.retiresOn}` : ''}`;
    default:
      return model.legacy ? 'active (legacy)' : 'active';
  }
}
