/**
 * The catalog a team works with: the built-in one plus the `models` of its cctier config, where a tier may
 * be written by name ("routine") as well as by rank (2).
 */

import { ConfigError } from '../config/load';
import { CATALOG, extendCatalog, TIERS, type ModelCatalog, type ModelSpec, type Tier } from './catalog';

export type TierName = 'quick' | 'routine' | 'critical' | 'frontier';

/** One entry of the config's `models` map, keyed by model id. */
export type TeamModel = Omit<ModelSpec, 'id' | 'tier'> & { tier?: Tier | TierName };
export type TeamModels = Readonly<Record<string, TeamModel>>;

const TIER_BY_NAME: Readonly<Record<TierName, Tier>> = { quick: 1, routine: 2, critical: 3, frontier: 4 };

export function tierFromName(tier: Tier | TierName | undefined): Tier | undefined {
  if (tier === undefined) return undefined;
  if (typeof tier === 'number') return TIERS.includes(tier) ? tier : undefined;
  return TIER_BY_NAME[tier];
}

/** The built-in catalog, or a copy extended with the team's models. Throws an Error a person can read. */
export function teamCatalog(models: TeamModels | undefined): ModelCatalog {
  const entries = Object.entries(models ?? {});
  if (entries.length === 0) return CATALOG;
  const specs: ModelSpec[] = entries.map(([id, m]) => {
    const { tier, ...rest } = m;
    const rank = tierFromName(tier);
    return { ...rest, id, ...(rank !== undefined ? { tier: rank } : {}) };
  });
  return extendCatalog(CATALOG, { models: specs });
}

/**
 * The catalog for a loaded cctier config. A `models` entry the catalog cannot take (a new model without a
 * tier or prices, a name already taken) is a broken config: ConfigError, which the CLI turns into exit 2.
 */
export function catalogForConfig(models: TeamModels | undefined, configPath: string | undefined): ModelCatalog {
  try {
    return teamCatalog(models);
  } catch (err) {
    throw new ConfigError(configPath ?? 'cctier config', `models: ${(err as Error).message}`);
  }
}
