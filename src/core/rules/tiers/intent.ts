/**
 * What the tiers/* rules share: reading model keys from a parsed file, ranking a reference, and the
 * spelling a fix writes for a reference.
 */

import * as path from 'node:path';
import type { ModelCatalog, Tier } from '../../models/catalog';
import { describeResolution, tierLabel } from '../../models/describe';
import { tierOf } from '../../models/rank';
import { resolveModel, type ModelResolution } from '../../models/resolve';
import { rootShape } from '../../schema/shape';
import { valuePreview } from '../../text/preview';

export interface Ranked {
  written: string;
  resolution: ModelResolution;
  tier: Tier | null;
}

export function ownString(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

export function rank(written: string, catalog: ModelCatalog): Ranked {
  const resolution = resolveModel(written, catalog);
  return { written, resolution, tier: tierOf(resolution) };
}

/** `"opus-4.5" (Claude Opus 4.5, critical tier)`. */
export function show(r: Ranked, catalog: ModelCatalog): string {
  const what = describeResolution(r.resolution);
  return `${valuePreview(r.written)} (${what}${r.tier !== null ? `, ${tierLabel(catalog, r.tier)}` : ''})`;
}

/** The spelling Claude Code accepts for a reference, or undefined when cctier cannot tell one. */
export function claudeCodeSpelling(r: ModelResolution, written: string): string | undefined {
  switch (r.kind) {
    case 'model':
    case 'alias':
      return r.suggestion;
    case 'claude-unknown':
      return r.expectedId ? r.expectedId + (r.contextSuffix ?? '') : undefined;
    case 'non-claude':
      return written.trim();
    default:
      return undefined;
  }
}

let tierKeyNames: readonly string[] | undefined;

/** The keys only the tier file holds (defaultModel, maxModelForRoutineTasks, tiers), read from its schema when first needed. */
export function tierKeys(): readonly string[] {
  return (tierKeyNames ??= Object.keys(rootShape('tierFile').$defs?.tierKeys?.properties ?? {}));
}

/** How a message names the tier file, relative to the file being linted. */
export function tierFileLabel(tierFile: string, from: string): string {
  const rel = path.relative(path.dirname(path.resolve(from)), tierFile);
  return rel.split(path.sep).join('/');
}
