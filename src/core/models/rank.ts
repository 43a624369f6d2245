/**
 * What a resolved model reference means for tiering: the tier it ranks in, and whether two references name
 * the same thing (so "sonnet-4-5" in the tier file and "claude-sonnet-4-5" in settings agree).
 */

import type { ModelCatalog, Tier } from './catalog';
import type { ModelResolution } from './resolve';

/**
 * The routing tier of a reference, or null when it has none cctier can know: `default` (the account's
 * choice), `inherit`, another vendor's model the team has not ranked, or an unknown string. A composite
 * alias such as opusplan ranks by its plan phase, as the catalog says.
 */
export function tierOf(r: ModelResolution): Tier | null {
  switch (r.kind) {
    case 'model':
      return r.model.tier;
    case 'alias':
      return r.tier;
    case 'claude-unknown':
      return r.tier;
    default:
      return null;
  }
}

/**
 * The tier a session pays for most of the time: for opusplan that is the execute phase (Sonnet), since
 * Opus only plans. Used where cost, not capability, is the question.
 */
export function everydayTierOf(r: ModelResolution, catalog: ModelCatalog): Tier | null {
  if (r.kind === 'alias' && r.definition.phases) {
    const execute = catalog.aliases[r.definition.phases.execute];
    return execute ? execute.tier : r.tier;
  }
  return tierOf(r);
}

/**
 * A key that is equal for references that mean the same model: the catalog id, the alias name, or a Claude
 * family and version; the `[1m]` suffix does not count (it changes the window, not the model).
 */
export function meaningKey(r: ModelResolution, written: string): string {
  switch (r.kind) {
    case 'model':
      return `model:${r.model.id}`;
    case 'alias':
      return `alias:${r.alias}`;
    case 'claude-unknown':
      return `claude:${r.family}:${r.version ?? '?'}`;
    default:
      return `raw:${written.trim().toLowerCase().replace(/\s*\[1m\]$/, '')}`;
  }
}
