/**
 * `cctier route "<task>" [dir]`: which tier and model a described task belongs to under the repository's
 * claude_settings.json (or the balanced defaults), and why: the categories and phrases that matched.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { tierName, type ModelCatalog } from '../core/models/catalog';
import { describeResolution } from '../core/models/describe';
import { tierOf } from '../core/models/rank';
import { forgetTierFiles, tierFileForDir } from '../core/models/repo-tier-file';
import { resolveModel } from '../core/models/resolve';
import { routeTask, type RouteMatch, type RouteResult } from '../core/models/route';
import { tierPlan, type TierPlan } from '../core/models/tier-plan';
import { EXIT_OK, UsageError, type ExitCode, type Io } from './io';
import { commandCatalog } from './models';

export type RouteFormat = 'text' | 'json';
export const ROUTE_FORMATS: readonly RouteFormat[] = ['text', 'json'];

export interface RouteCommandOptions {
  task: string;
  /** Where to look for claude_settings.json (walking up to the repository root); default: the working directory. */
  dir?: string;
  format: RouteFormat;
  config?: string;
  useConfig: boolean;
}

interface Source {
  plan: TierPlan;
  /** The tier file used, if any. */
  tierFile?: string;
}

function planFor(dir: string): Source {
  const found = tierFileForDir(dir);
  if (!found) return { plan: tierPlan(undefined) };
  if (!found.ok) throw new UsageError(`cannot use ${found.path}: ${found.problem} (run "cctier lint ${found.path}" for details)`);
  return { plan: found.plan, tierFile: found.path };
}

/** `"auth", "token" (authentication); "race" (complex debugging)`. */
function why(matches: readonly RouteMatch[]): string {
  const byCategory = new Map<string, string[]>();
  for (const m of matches) byCategory.set(m.category, [...(byCategory.get(m.category) ?? []), JSON.stringify(m.phrase)]);
  return [...byCategory].map(([category, phrases]) => `${phrases.join(', ')} (${category})`).join('; ');
}

function text(result: RouteResult, source: Source, catalog: ModelCatalog, cwd: string): string {
  const model = result.tier.model;
  const r = resolveModel(model, catalog);
  const lines = [`${result.tier.name} -> ${model} (${describeResolution(r)})`];
  lines.push(result.fallback ? `why: nothing in the task matched a category, so it goes to the routine tier` : `why: ${why(result.matches)}`);
  const where = source.tierFile ? path.relative(cwd, source.tierFile) || source.tierFile : undefined;
  lines.push(
    source.plan.tiersFrom === 'file'
      ? `tiers: ${where}`
      : where
        ? `tiers: the balanced defaults (${where} has no "tiers")${source.plan.defaultModel ? `, routine on its defaultModel` : ''}`
        : 'tiers: the balanced defaults (no claude_settings.json found)',
  );
  return lines.join('\n') + '\n';
}

function json(task: string, result: RouteResult, source: Source, catalog: ModelCatalog): unknown {
  const r = resolveModel(result.tier.model, catalog);
  const landed = r.kind === 'model' || r.kind === 'alias' ? r.model : undefined;
  const rank = tierOf(r);
  return {
    task,
    tier: result.tier.name,
    model: result.tier.model,
    resolvesTo: landed ? { id: landed.id, name: landed.name } : null,
    rank: rank === null ? null : tierName(catalog, rank),
    description: describeResolution(r),
    matches: result.matches.map(({ category, phrase }) => ({ category, phrase })),
    fallback: result.fallback,
    scores: result.scores,
    tiersFrom: source.plan.tiersFrom,
    tierFile: source.tierFile ?? null,
  };
}

export async function run(opts: RouteCommandOptions, io: Io): Promise<ExitCode> {
  if (!ROUTE_FORMATS.includes(opts.format)) throw new UsageError(`--format must be one of: ${ROUTE_FORMATS.join(', ')}`);
  const task = opts.task.trim();
  if (!task) throw new UsageError('describe the task to route, for example: cctier route "summarise these logs"');
  const dir = path.resolve(io.cwd, opts.dir ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${opts.dir} is not a directory`);
  const catalog = commandCatalog(io.cwd, opts);
  // A command runs once; a process that calls it again (tests, editors) must see the files as they are now.
  forgetTierFiles();
  const source = planFor(dir);
  const result = routeTask(task, source.plan, catalog);
  io.stdout(opts.format === 'json' ? JSON.stringify(json(task, result, source, catalog), null, 2) + '\n' : text(result, source, catalog, io.cwd));
  return EXIT_OK;
}
