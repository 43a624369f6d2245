/**
 * The values init proposes for each JSON file, from a profile, the skeletons and the catalog: the tier file
 * (claude_settings.json) and Claude Code's shared project settings (.claude/settings.json). Key order is the
 * skeleton's.
 */

import type { ModelCatalog } from '../models/catalog';
import { pinnedModel } from './model-choice';
import type { Profile } from './templates';

type Json = Record<string, unknown>;

/** A profile's tiers with their models pinned to the catalog's current ones, in the profile's order. */
export function profileTiers(profile: Profile, catalog: ModelCatalog): Json {
  const tiers: Json = {};
  for (const [name, t] of Object.entries(profile.tiers)) {
    const tier: Json = { model: pinnedModel(t.model, catalog) };
    if (t.description !== undefined) tier.description = t.description;
    tier.tasks = [...t.tasks];
    if (t.keywords?.length) tier.keywords = [...t.keywords];
    if (t.maxCostPercent !== undefined) tier.maxCostPercent = t.maxCostPercent;
    if (t.minCostPercent !== undefined) tier.minCostPercent = t.minCostPercent;
    tiers[name] = tier;
  }
  return tiers;
}

function tierModel(profile: Profile, tier: string, catalog: ModelCatalog): string {
  const t = profile.tiers[tier];
  if (!t) throw new Error(`profile ${profile.name}: no tier named "${tier}"`);
  return pinnedModel(t.model, catalog);
}

/** The profile's session default, pinned. */
export function profileDefault(profile: Profile, catalog: ModelCatalog): string {
  return tierModel(profile, profile.defaultTier, catalog);
}

export function tierFileValue(profile: Profile, skeleton: Readonly<Json>, catalog: ModelCatalog): Json {
  const fill: Json = {
    defaultModel: profileDefault(profile, catalog),
    maxModelForRoutineTasks: tierModel(profile, profile.capTier, catalog),
    tiers: profileTiers(profile, catalog),
  };
  const out: Json = {};
  for (const [key, value] of Object.entries(skeleton)) out[key] = value === null ? fill[key] : structuredClone(value);
  return out;
}

/** .claude/settings.json: the skeleton with `model` filled in and the project's own commands allowed. */
export function settingsValue(skeleton: Readonly<Json>, model: string, commands: readonly string[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(skeleton)) {
    if (key === 'model') out.model = model;
    else if (key === 'permissions' && value !== null && typeof value === 'object') {
      const permissions: Json = {};
      for (const [list, rules] of Object.entries(value as Json)) {
        const all = list === 'allow' ? [...(rules as string[]), ...commands.map((c) => `Bash(${c})`)] : [...(rules as string[])];
        // An empty list says nothing; a later run adds `allow` once the project has commands.
        if (all.length > 0) permissions[list] = all;
      }
      out.permissions = permissions;
    } else out[key] = structuredClone(value);
  }
  return out;
}

/** A new JSON file's text: two-space indent, final newline, as most editors write settings. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
