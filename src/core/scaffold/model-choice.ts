/**
 * Which model init writes for a profile's model reference: the catalog's current model behind it, by its
 * preferred id. Pinning makes the team's choice (and its price) explicit; when the catalog marks that model
 * deprecated, `cctier lint` says so, instead of an alias moving to another model unannounced.
 */

import type { ModelCatalog } from '../models/catalog';
import { tierOf } from '../models/rank';
import { resolveModel } from '../models/resolve';
import type { Tier } from '../models/catalog';

/** `haiku` -> `claude-haiku-5-5` (what the alias means on the Claude API today); ids pass through in their preferred spelling. */
export function pinnedModel(ref: string, catalog: ModelCatalog): string {
  const r = resolveModel(ref, catalog);
  if (r.kind === 'model') return r.model.preferred;
  if (r.kind === 'alias' && r.model && !r.definition.phases) return r.model.preferred;
  return ref;
}

/** The spelling Claude Code accepts for a reference (settings `model`, subagent `model:`). */
export function claudeCodeModel(ref: string, catalog: ModelCatalog): string {
  const r = resolveModel(ref, catalog);
  if (r.kind === 'model' || r.kind === 'alias') return r.suggestion;
  return ref.trim();
}

export function modelTier(ref: string, catalog: ModelCatalog): Tier | null {
  return tierOf(resolveModel(ref, catalog));
}
